package io.citybrain.live.anomaly;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Stands between a raw series (a CSV, a message stream) and a detector, so that bad points never
 * crash a detector nor shift the series: every incoming point gets exactly one answer, in order.
 *
 * <ul>
 *   <li>A NaN or infinite value is a missing value: score 0, the detector does not see it.
 *   <li>A timestamp equal to the previous accepted one is a duplicate: score 0, not seen (the
 *       first point at a time is the one that counts, as in an append-only stream).
 *   <li>A timestamp earlier than the previous accepted one is out of order: score 0, not seen.
 *       Streams are not re-sorted: a late point cannot change scores already given.
 *   <li>A gap (more than {@value #GAP_FACTOR} × the smallest interval seen so far) is counted and
 *       the point after it is scored and flagged {@link PointStatus#SCORED_AFTER_GAP}; nothing is
 *       filled in.
 *   <li>Constant series and single points are the detector's to handle (every detector here gives
 *       0 while it has no spread to measure against).
 * </ul>
 *
 * <p>Serializable with its detector, so a stream engine can keep both in keyed state.
 */
public final class SeriesGuard implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A gap is an interval longer than this many times the smallest interval seen so far. */
  public static final int GAP_FACTOR = 3;

  /** One point's answer: the score and what was done with the point. */
  public record GuardedScore(double score, PointStatus status) {}

  private final AnomalyDetector detector;
  private boolean started;
  private long lastTimestamp;
  private long smallestIntervalSeconds = Long.MAX_VALUE;
  private long largestGapSeconds;
  private final EnumMap<PointStatus, Long> counts = new EnumMap<>(PointStatus.class);

  /** A guard in front of a fresh detector for one series. */
  public SeriesGuard(AnomalyDetector detector) {
    this.detector = detector;
    for (PointStatus s : PointStatus.values()) {
      counts.put(s, 0L);
    }
  }

  /**
   * Takes the next incoming point.
   *
   * @param timestampEpochSeconds seconds since 1970-01-01T00:00:00Z
   * @param value the raw value; NaN or infinite for a missing one
   * @return the point's score in [0, 1] and its status
   * @throws IllegalStateException if the detector returns a score outside [0, 1] (a bug)
   */
  public GuardedScore accept(long timestampEpochSeconds, double value) {
    PointStatus status;
    double score = 0.0;
    if (!Double.isFinite(value)) {
      status = PointStatus.MISSING_VALUE;
    } else if (started && timestampEpochSeconds == lastTimestamp) {
      status = PointStatus.DUPLICATE_TIMESTAMP;
    } else if (started && timestampEpochSeconds < lastTimestamp) {
      status = PointStatus.OUT_OF_ORDER;
    } else {
      status = PointStatus.SCORED;
      if (started) {
        long interval = timestampEpochSeconds - lastTimestamp;
        if (smallestIntervalSeconds != Long.MAX_VALUE && interval > GAP_FACTOR * smallestIntervalSeconds) {
          status = PointStatus.SCORED_AFTER_GAP;
          largestGapSeconds = Math.max(largestGapSeconds, interval);
        }
        smallestIntervalSeconds = Math.min(smallestIntervalSeconds, interval);
      }
      started = true;
      lastTimestamp = timestampEpochSeconds;
      score = detector.score(timestampEpochSeconds, value);
      if (!(score >= 0.0 && score <= 1.0)) {
        throw new IllegalStateException(detector.getClass().getSimpleName() + " returned anomaly score " + score
            + " at " + timestampEpochSeconds + "; scores must lie in [0, 1]");
      }
    }
    counts.merge(status, 1L, Long::sum);
    return new GuardedScore(score, status);
  }

  /** How many points got each status so far. */
  public Map<PointStatus, Long> counts() {
    return new EnumMap<>(counts);
  }

  /** The longest gap seen, seconds (0 if none). */
  public long largestGapSeconds() {
    return largestGapSeconds;
  }
}

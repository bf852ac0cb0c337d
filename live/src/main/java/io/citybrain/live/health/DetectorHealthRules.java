package io.citybrain.live.health;

import io.citybrain.live.contract.DetectorObservation;

/**
 * Judges detector health from its observations and the clock (see {@link DetectorStatus} for the
 * faults and {@link HealthLimits} for when they are declared). Stateless: the caller keeps one
 * {@link DetectorHealthState} per detector, so that the embedded runner and Flink share the
 * rules. A detector recovers to {@link DetectorStatus#OK} with its first plausible report.
 */
public final class DetectorHealthRules {
  /** Occupancy from which a zone counts as continuously occupied. */
  public static final double FULL_OCCUPANCY = 0.99;

  private final HealthLimits limits;

  public DetectorHealthRules(HealthLimits limits) {
    this.limits = limits;
  }

  /** The limits in force. */
  public HealthLimits limits() {
    return limits;
  }

  /**
   * Takes one observation into account.
   *
   * @return the status after it
   */
  public DetectorStatus observe(DetectorHealthState s, DetectorObservation o) {
    long start = o.intervalStart().toEpochMilli();
    long end = o.intervalEnd().toEpochMilli();
    if (s.detectorId == null) {
      s.detectorId = o.detectorId();
      s.laneId = o.laneId();
    }
    if (s.firstReportMillis == Long.MIN_VALUE) {
      s.firstReportMillis = start;
    }
    s.lastReportMillis = Math.max(s.lastReportMillis, end);
    if (o.occupancyFraction() >= FULL_OCCUPANCY) {
      if (s.presenceSinceMillis == Long.MIN_VALUE) {
        s.presenceSinceMillis = start;
      }
    } else {
      s.presenceSinceMillis = Long.MIN_VALUE;
    }
    if (o.count() > 0 || o.vehiclesPresent() > 0 || o.occupancyFraction() > 0) {
      s.lastActivityMillis = Math.max(s.lastActivityMillis, end);
    }
    // the rate limit plus two vehicles: over a short interval one or two entries are always possible
    s.erratic = o.count() > limits.erraticVehiclesPerHour() * o.intervalSeconds() / 3600.0 + 2;
    return judge(s, end);
  }

  /**
   * Re-judges at clock time {@code nowMillis} (a detector with no report falls silent).
   *
   * @return the status now
   */
  public DetectorStatus check(DetectorHealthState s, long nowMillis) {
    return judge(s, nowMillis);
  }

  private DetectorStatus judge(DetectorHealthState s, long now) {
    DetectorStatus status;
    if (s.lastReportMillis == Long.MIN_VALUE || now - s.lastReportMillis > limits.silentAfterSeconds() * 1000) {
      status = DetectorStatus.SILENT;
    } else if (s.erratic) {
      status = DetectorStatus.ERRATIC_COUNTS;
    } else if (s.presenceSinceMillis != Long.MIN_VALUE
        && s.lastReportMillis - s.presenceSinceMillis >= limits.maxPresenceSeconds() * 1000) {
      status = DetectorStatus.MAX_PRESENCE;
    } else if (s.lastReportMillis - Math.max(s.lastActivityMillis, s.firstReportMillis) >= limits.noActivitySeconds() * 1000) {
      status = DetectorStatus.NO_ACTIVITY;
    } else {
      status = DetectorStatus.OK;
    }
    s.status = status;
    return status;
  }
}

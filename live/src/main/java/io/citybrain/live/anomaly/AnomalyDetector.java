package io.citybrain.live.anomaly;

import java.io.Serializable;

/**
 * A streaming anomaly detector for one series: it sees the points one at a time, in time order,
 * once each, and answers each with an anomaly score. It never sees a later point, nor the series'
 * length, minimum or maximum (a detector that needs those is a NAB-harness baseline and says so
 * through {@link AnomalyDetectorProvider#usesSeriesHints()}).
 *
 * <p>Implementations are plain Java objects whose fields are their whole state, {@link
 * Serializable} so that a stream engine can keep one per series in keyed state (a Flink adapter
 * holds it in a {@code ValueState}); the embedded runner, the NAB harness and the live pipeline
 * call the same object. Instances are not thread-safe: one series, one thread at a time.
 *
 * <p>Callers do not pass bad points: {@link SeriesGuard} filters NaN values and timestamps that
 * are not strictly later than the previous accepted point, so {@link #score} may assume a finite
 * value and increasing timestamps.
 */
public interface AnomalyDetector extends Serializable {
  /**
   * Takes the next point and returns its anomaly score.
   *
   * @param timestampEpochSeconds seconds since 1970-01-01T00:00:00Z, strictly greater than the
   *     previous call's
   * @param value the observed value, finite (units of the series; detectors are scale-free)
   * @return anomaly score in [0, 1]: 0 normal, 1 certainly anomalous; what values in between mean
   *     depends on the detector (a probability, a share of votes, ...)
   */
  double score(long timestampEpochSeconds, double value);
}

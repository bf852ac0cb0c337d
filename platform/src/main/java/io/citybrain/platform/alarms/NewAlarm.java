package io.citybrain.platform.alarms;

import java.util.List;

/**
 * An alarm to raise.
 *
 * @param source what raised it: a detector's registry name ({@code section-balance}), or {@code
 *     detector-health}
 * @param kind what it is about: {@code incident}, {@code anomaly}, {@code silent}, {@code
 *     max-presence}, {@code no-activity}, {@code erratic-counts}
 * @param subject what it concerns: a lane id, a detector id, a meter id
 * @param severity how urgent
 * @param message one line for operators
 * @param jurisdiction the jurisdiction it belongs to, or null (not scoped yet)
 * @param series the triggering series, [epoch ms, value] pairs in time order, possibly empty
 */
public record NewAlarm(
    String source, String kind, String subject, AlarmSeverity severity, String message, String jurisdiction, List<double[]> series) {

  public NewAlarm {
    series = series == null ? List.of() : List.copyOf(series);
  }

  /** The de-duplication key: one open alarm per source, kind and subject. */
  public String dedupKey() {
    return source + "|" + kind + "|" + subject;
  }
}

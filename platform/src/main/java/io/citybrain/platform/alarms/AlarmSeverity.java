package io.citybrain.platform.alarms;

import java.util.Locale;

/** How urgent an alarm is, lowest first (ITU-T X.733's perceived severities without "warning"). */
public enum AlarmSeverity {
  MINOR,
  MAJOR,
  CRITICAL;

  /** Lower-case name, as in JSON and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity named {@code id} (lower-case), or null when none is. */
  public static AlarmSeverity ofId(String id) {
    for (AlarmSeverity s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }
}

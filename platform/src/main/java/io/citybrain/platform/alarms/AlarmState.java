package io.citybrain.platform.alarms;

import java.util.Locale;

/** Where an alarm is in its lifecycle: raised → acknowledged → cleared (or raised → cleared). */
public enum AlarmState {
  RAISED,
  ACKNOWLEDGED,
  CLEARED;

  /** Lower-case name, as in JSON and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named {@code id} (lower-case), or null when none is. */
  public static AlarmState ofId(String id) {
    for (AlarmState s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }
}

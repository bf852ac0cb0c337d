package io.citybrain.live.health;

/**
 * A detector's health, named after the diagnostics of NTCIP 1202's vehicle detector status
 * ({@code vehicleDetectorStatus}: no activity, max presence, erratic output, communications fault)
 * that traffic engineers read in SCATS/SCOOT fault lists and ATSPM detector checks.
 */
public enum DetectorStatus {
  /** Reporting and plausible. */
  OK,
  /** No report for longer than the silence limit (NTCIP: communications fault). */
  SILENT,
  /** Occupied without pause for longer than the presence limit: stuck on (NTCIP: max presence). */
  MAX_PRESENCE,
  /** No vehicle for longer than the activity limit: stuck off or dead (NTCIP: no activity). */
  NO_ACTIVITY,
  /** More vehicles than a lane can carry (NTCIP: erratic output, chattering). */
  ERRATIC_COUNTS;

  /** Whether a controller may use this detector's data. */
  public boolean usable() {
    return this == OK;
  }
}

package io.citybrain.live.health;

/**
 * When a detector is declared faulty. Defaults follow common practice for stop-line detectors
 * (ATSPM detector checks; SCATS's fault alarms): silence of 10 s for real-time control, presence
 * of 5 min without a gap, no vehicle for 30 min, and more than 3,000 vehicles per hour on one lane
 * (a saturation flow of about 1,900 veh/h/lane, HCM, with a wide margin).
 *
 * @param silentAfterSeconds no report for this long: {@link DetectorStatus#SILENT}, s &gt; 0
 * @param maxPresenceSeconds occupancy &ge; 0.99 throughout this long: {@link
 *     DetectorStatus#MAX_PRESENCE}, s &gt; 0
 * @param noActivitySeconds no vehicle counted nor present for this long: {@link
 *     DetectorStatus#NO_ACTIVITY}, s &gt; 0
 * @param erraticVehiclesPerHour a count above this rate, plus two vehicles (over a one-second
 *     interval two entries are plausible): {@link DetectorStatus#ERRATIC_COUNTS}, veh/h/lane &gt; 0
 */
public record HealthLimits(
    double silentAfterSeconds, double maxPresenceSeconds, double noActivitySeconds, double erraticVehiclesPerHour) {

  /** The defaults above. */
  public static final HealthLimits DEFAULTS = new HealthLimits(10, 300, 1800, 3000);

  public HealthLimits {
    if (!(silentAfterSeconds > 0) || !(maxPresenceSeconds > 0) || !(noActivitySeconds > 0) || !(erraticVehiclesPerHour > 0)) {
      throw new IllegalArgumentException("detector health limits must all be > 0; got " + silentAfterSeconds + " s, "
          + maxPresenceSeconds + " s, " + noActivitySeconds + " s, " + erraticVehiclesPerHour + " veh/h");
    }
  }

  /** The same limits with another silence limit, s. */
  public HealthLimits withSilentAfterSeconds(double seconds) {
    return new HealthLimits(seconds, maxPresenceSeconds, noActivitySeconds, erraticVehiclesPerHour);
  }
}

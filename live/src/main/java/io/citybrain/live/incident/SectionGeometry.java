package io.citybrain.live.incident;

/**
 * Where a detector section's loops are: the distance between them and the lane's speed limit,
 * from which a detector knows how long a vehicle needs from one loop to the other.
 *
 * @param loopSpacingMeters distance from the upstream to the downstream loop, m, &gt; 0
 * @param speedLimitMetersPerSecond the lane's speed limit, m/s, &gt; 0
 */
public record SectionGeometry(double loopSpacingMeters, double speedLimitMetersPerSecond) {
  public SectionGeometry {
    if (!(loopSpacingMeters > 0) || !(speedLimitMetersPerSecond > 0)) {
      throw new IllegalArgumentException(
          "loop spacing and speed limit must be > 0, got " + loopSpacingMeters + " m and " + speedLimitMetersPerSecond + " m/s");
    }
  }

  /** Time from loop to loop at the speed limit, s. */
  public double freeTravelSeconds() {
    return loopSpacingMeters / speedLimitMetersPerSecond;
  }
}

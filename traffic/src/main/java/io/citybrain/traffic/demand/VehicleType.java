package io.citybrain.traffic.demand;

/**
 * The physical and behavioural parameters of a vehicle, as in CityFlow's flow file
 * ({@code vehicle} object). All values must be &gt; 0 except where noted.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>parameter</th><th>CityFlow name</th><th>unit</th></tr>
 *   <tr><td>lengthMeters</td><td>length</td><td>m</td></tr>
 *   <tr><td>widthMeters</td><td>width</td><td>m</td></tr>
 *   <tr><td>maxPosAccMetersPerSecond2</td><td>maxPosAcc</td><td>m/s²</td></tr>
 *   <tr><td>maxNegAccMetersPerSecond2</td><td>maxNegAcc (emergency braking)</td><td>m/s²</td></tr>
 *   <tr><td>usualPosAccMetersPerSecond2</td><td>usualPosAcc</td><td>m/s²</td></tr>
 *   <tr><td>usualNegAccMetersPerSecond2</td><td>usualNegAcc (comfortable braking)</td><td>m/s²</td></tr>
 *   <tr><td>minGapMeters</td><td>minGap (&ge; 0)</td><td>m</td></tr>
 *   <tr><td>maxSpeedMetersPerSecond</td><td>maxSpeed</td><td>m/s</td></tr>
 *   <tr><td>headwayTimeSeconds</td><td>headwayTime (&ge; 0)</td><td>s</td></tr>
 * </table>
 */
public record VehicleType(
    double lengthMeters,
    double widthMeters,
    double maxPosAccMetersPerSecond2,
    double maxNegAccMetersPerSecond2,
    double usualPosAccMetersPerSecond2,
    double usualNegAccMetersPerSecond2,
    double minGapMeters,
    double maxSpeedMetersPerSecond,
    double headwayTimeSeconds) {

  /** The vehicle used throughout the bundled research datasets (5 m long, 11.111 m/s). */
  public static VehicleType standardCar() {
    return new VehicleType(5, 2, 2, 4.5, 2, 4.5, 2.5, 11.111, 2);
  }
}

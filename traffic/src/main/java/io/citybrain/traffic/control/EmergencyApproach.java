package io.citybrain.traffic.control;

/**
 * An emergency vehicle's approach notice, as a field pre-emption system receives it from the
 * vehicle (V2I radio, optical emitter): where it is and where it turns next, nothing about its
 * route beyond that or who it is.
 *
 * @param lane the incoming lane it is on, by the lane index of {@link Observation}
 * @param distanceToStopLineMeters distance from its front to the lane's end (the stop line), m,
 *     &ge; 0
 * @param speedMetersPerSecond its speed, m/s, &ge; 0
 * @param nextRoadId the road it will take after the intersection ahead
 */
public record EmergencyApproach(
    int lane, double distanceToStopLineMeters, double speedMetersPerSecond, String nextRoadId) {

  /**
   * The movement of {@code intersection} this vehicle will use: the one whose lane links start
   * on {@link #lane()} and that leads to {@link #nextRoadId()}.
   *
   * @param intersection the intersection whose approach notices contained this one
   * @return its index in {@link IntersectionLayout#movements()}, or -1 when the intersection has
   *     no such movement (the notice belongs to another intersection)
   */
  public int movementIn(IntersectionLayout intersection) {
    for (Movement m : intersection.movements()) {
      if (!m.endRoadId().equals(nextRoadId)) {
        continue;
      }
      for (LaneLinkLayout l : m.laneLinks()) {
        if (l.startLane() == lane) {
          return m.index();
        }
      }
    }
    return -1;
  }
}

package io.citybrain.traffic.incident;

import java.util.List;

/**
 * A blockage of one or more lanes of a road (a stalled vehicle, a crash, debris): from {@code
 * startSeconds} for {@code durationSeconds} no vehicle passes the point {@code positionMeters}
 * from the road's start on the blocked lanes. Vehicles behind it stop before it and wait; vehicles
 * already past it drive on; when it clears they continue. No vehicle is removed, so vehicles are
 * conserved. The simulator treats the blockage as a stop line at that point, with CityFlow's
 * stopping rule ({@code getStopBeforeSpeed}): a vehicle already too close to stop when the incident
 * starts passes it, as if the incident had happened just behind it.
 *
 * <p>Read from an incident file by {@code io.citybrain.traffic.io.IncidentFileReader} (format in
 * {@code docs/incidents.md}).
 *
 * @param id a name for reports, unique within a file
 * @param roadId the road's id in the roadnet
 * @param laneIndices the blocked lanes (0 = innermost, CityFlow's order), ascending and distinct;
 *     empty for the whole road
 * @param positionMeters distance of the blockage from the road's start, m, in (0, road length)
 * @param startSeconds simulated time the blockage begins, s, &ge; 0
 * @param durationSeconds how long it lasts, s, &gt; 0
 */
public record Incident(
    String id,
    String roadId,
    List<Integer> laneIndices,
    double positionMeters,
    double startSeconds,
    double durationSeconds) {

  public Incident {
    laneIndices = List.copyOf(laneIndices);
    if (!(positionMeters > 0) || !(startSeconds >= 0) || !(durationSeconds > 0)) {
      throw new IllegalArgumentException(
          "incident " + id + ": position must be > 0 m, start >= 0 s and duration > 0 s; got "
              + positionMeters + ", " + startSeconds + ", " + durationSeconds);
    }
  }

  /** True when every lane of the road is blocked. */
  public boolean wholeRoad() {
    return laneIndices.isEmpty();
  }

  /** Simulated time the blockage ends (clears), s. */
  public double endSeconds() {
    return startSeconds + durationSeconds;
  }

  /** True while the blockage is in place at simulated time {@code seconds}: start &le; t &lt; end. */
  public boolean activeAt(double seconds) {
    return seconds >= startSeconds && seconds < endSeconds();
  }

  /** True when lane {@code laneIndex} of the road is blocked by this incident (at some time). */
  public boolean blocksLane(int laneIndex) {
    return wholeRoad() || laneIndices.contains(laneIndex);
  }
}

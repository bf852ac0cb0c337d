package io.citybrain.live.roadnet;

import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.sim.SimNetwork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lanes of a road network as both ends of the live loop see them: the field's detectors report
 * by lane id, the centre's controllers index lanes as the simulator does ({@link SimNetwork}).
 * Built once from the same roadnet on both sides, so that a lane id names the same lane index.
 * Each lane's detector belongs to the station of the intersection its road ends at.
 */
public final class LaneTable {
  private final String[] laneIds;
  private final double[] lengthMeters;
  private final double[] speedLimitMetersPerSecond;
  private final String[] stationIds;
  private final Map<String, Integer> index = new HashMap<>();

  /** The lanes of {@code net}, in its lane order. */
  public LaneTable(SimNetwork net) {
    int n = net.laneCount();
    laneIds = new String[n];
    lengthMeters = new double[n];
    speedLimitMetersPerSecond = new double[n];
    stationIds = new String[n];
    List<Road> roads = net.network().roads();
    for (int lane = 0; lane < n; lane++) {
      laneIds[lane] = net.laneId(lane);
      lengthMeters[lane] = net.lengthMeters(lane);
      Road road = roads.get(net.laneRoad(lane));
      speedLimitMetersPerSecond[lane] = road.lanes().get(net.laneIndexInRoad(lane)).maxSpeedMetersPerSecond();
      stationIds[lane] = net.intersectionId(net.laneEndIntersection(lane));
      index.put(laneIds[lane], lane);
    }
  }

  /** Number of lanes. */
  public int size() {
    return laneIds.length;
  }

  /** Lane id ({@code <road>_<index>}). */
  public String laneId(int lane) {
    return laneIds[lane];
  }

  /** Lane index of {@code laneId}, or -1 when the network has no such lane. */
  public int lane(String laneId) {
    Integer i = index.get(laneId);
    return i == null ? -1 : i;
  }

  /** Length of the lane (its detection zone), m. */
  public double lengthMeters(int lane) {
    return lengthMeters[lane];
  }

  /** Speed limit of the lane, m/s. */
  public double speedLimitMetersPerSecond(int lane) {
    return speedLimitMetersPerSecond[lane];
  }

  /** The detector station of the lane: the intersection its road ends at. */
  public String stationId(int lane) {
    return stationIds[lane];
  }

  /** The detector id of the lane's lane-area detector. */
  public String detectorId(int lane) {
    return "det:" + laneIds[lane];
  }
}

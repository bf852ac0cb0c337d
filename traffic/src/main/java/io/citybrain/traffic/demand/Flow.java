package io.citybrain.traffic.demand;

import java.util.List;

/**
 * A stream of vehicles on one route, CityFlow's flow entry: one vehicle at {@code startTime},
 * then one every {@code interval} seconds while the clock is at most {@code endTime}.
 *
 * @param id flow id ({@code flow_<index>} for CityFlow files)
 * @param vehicle the vehicles' parameters
 * @param route road ids: a complete chain of consecutive roads, or anchor roads between which the
 *     simulator completes the shortest path (a two-road route means shortest path)
 * @param intervalSeconds time between vehicles, s, &gt; 0
 * @param startTimeSeconds time of the first vehicle, s, &ge; 0
 * @param endTimeSeconds last time a vehicle may be created, s; -1 means no end
 * @param emergency true when the flow's vehicles are emergency vehicles (priority at signals)
 */
public record Flow(
    String id,
    VehicleType vehicle,
    List<String> route,
    double intervalSeconds,
    double startTimeSeconds,
    double endTimeSeconds,
    boolean emergency) {

  public Flow {
    route = List.copyOf(route);
  }

  /** A non-emergency flow. */
  public Flow(
      String id,
      VehicleType vehicle,
      List<String> route,
      double intervalSeconds,
      double startTimeSeconds,
      double endTimeSeconds) {
    this(id, vehicle, route, intervalSeconds, startTimeSeconds, endTimeSeconds, false);
  }
}

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

  /**
   * An upper bound on the vehicles this flow creates in a run of {@code steps} steps of {@code
   * stepSeconds}, for refusing runs too large for memory before they start. CityFlow's spawning
   * rule (engine.cpp, flow.cpp at 81ee0f4), which the simulator follows: at each step whose clock
   * {@code c} (steps × step length, s) satisfies {@code startTime <= c <= endTime}, the flow's
   * timer, which starts at {@code interval}, creates a vehicle per whole {@code interval} it holds,
   * then grows by the step length. Over {@code k} such steps that is {@code 1 + floor((k - 1) ×
   * step / interval)} vehicles. The floor is taken with a margin of 1e-6, so floating-point drift
   * in the simulator's timers (about 1e-11 over a day of steps) never puts the real count above the
   * bound; the bound exceeds the count by at most 1.
   *
   * @param steps steps of the run, &ge; 0
   * @param stepSeconds step length, s, &gt; 0
   * @return vehicles, &ge; 0
   * @throws IllegalArgumentException when {@code steps < 0} or {@code stepSeconds} is not positive
   */
  public long vehiclesCreatedAtMost(int steps, double stepSeconds) {
    if (steps < 0 || !(stepSeconds > 0)) {
      throw new IllegalArgumentException("steps must be >= 0 and stepSeconds > 0, got " + steps + " and " + stepSeconds);
    }
    double first = Math.max(0, Math.ceil(startTimeSeconds / stepSeconds - 1e-9));
    double last = steps - 1;
    if (endTimeSeconds != -1) {
      last = Math.min(last, Math.floor(endTimeSeconds / stepSeconds + 1e-9));
    }
    double k = last - first + 1;
    if (k <= 0) {
      return 0;
    }
    double bound = 1 + Math.floor((k - 1) * stepSeconds / intervalSeconds + 1e-6);
    return bound >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bound;
  }
}

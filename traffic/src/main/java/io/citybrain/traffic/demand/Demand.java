package io.citybrain.traffic.demand;

import java.util.List;

/**
 * The travel demand of a scenario: flows in file order (the order in which vehicles created in the
 * same step are spawned).
 *
 * @param flows flows, file order
 */
public record Demand(List<Flow> flows) {

  public Demand {
    flows = List.copyOf(flows);
  }

  /**
   * The same flows with start and end times moved by {@code seconds} (end −1, no end, kept).
   *
   * @param seconds the shift, s
   */
  public Demand shifted(double seconds) {
    return new Demand(flows.stream()
        .map(f -> new Flow(f.id(), f.vehicle(), f.route(), f.intervalSeconds(), f.startTimeSeconds() + seconds,
            f.endTimeSeconds() == -1 ? -1 : f.endTimeSeconds() + seconds, f.emergency()))
        .toList());
  }

  /**
   * An upper bound on the vehicles all flows create in a run of {@code steps} steps of {@code
   * stepSeconds}: the sum of {@link Flow#vehiclesCreatedAtMost}, saturating at {@link
   * Long#MAX_VALUE}.
   *
   * @throws IllegalArgumentException when {@code steps < 0} or {@code stepSeconds} is not positive
   */
  public long vehiclesCreatedAtMost(int steps, double stepSeconds) {
    long total = 0;
    for (Flow f : flows) {
      long n = f.vehiclesCreatedAtMost(steps, stepSeconds);
      total = n > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + n;
    }
    return total;
  }
}

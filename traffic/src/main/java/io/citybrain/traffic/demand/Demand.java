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
}

package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.traffic.RealData;
import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Demand#vehiclesCreatedAtMost}, the bound a server checks before it accepts a run, against
 * the vehicles the simulator really creates: never below, and above by at most one per flow.
 */
class VehicleCountBoundTest {

  @Test
  void handCountedFlow() {
    // clock 0..10 s active; the timer starts at 2.5 s: vehicles at 0, 3, 5, 8 and 10 s
    Flow flow = new Flow("f", TestNetworks.car(), List.of("r"), 2.5, 0, 10);
    assertThat(flow.vehiclesCreatedAtMost(100, 1)).isEqualTo(5);
    assertThat(flow.vehiclesCreatedAtMost(4, 1)).as("clocks 0..3 s: vehicles at 0 and 3 s").isEqualTo(2);
    assertThat(flow.vehiclesCreatedAtMost(0, 1)).isZero();
    Flow late = new Flow("g", TestNetworks.car(), List.of("r"), 1, 50, -1);
    assertThat(late.vehiclesCreatedAtMost(50, 1)).as("starts after the run ends").isZero();
    assertThat(late.vehiclesCreatedAtMost(60, 1)).as("clocks 50..59 s, open end").isEqualTo(10);
    assertThatThrownBy(() -> flow.vehiclesCreatedAtMost(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> flow.vehiclesCreatedAtMost(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handCountedFlowMatchesTheSimulator() {
    Demand demand = new Demand(List.of(new Flow("f", TestNetworks.car(), List.of("r"), 2.5, 0, 10)));
    Simulation sim = TestNetworks.scenario(TestNetworks.singleRoad(300, 20), demand).newSimulation(SimulationConfig.defaults());
    for (int i = 0; i < 100; i++) {
      sim.step();
    }
    assertThat(sim.vehiclesSpawned()).isEqualTo(demand.vehiclesCreatedAtMost(100, 1)).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource({"jinan, real, 900", "hangzhou, 5734, 600", "newyork, real, 300"})
  void boundsTheRealFlows(String city, String flowName, int steps) {
    Scenario s = RealData.scenario(city, flowName);
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    for (int i = 0; i < steps; i++) {
      sim.step();
    }
    long bound = s.demand().vehiclesCreatedAtMost(steps, 1);
    assertThat(sim.vehiclesSpawned()).isPositive().isLessThanOrEqualTo(bound);
    assertThat(bound - sim.vehiclesSpawned()).isLessThanOrEqualTo(s.demand().flows().size());
  }

  @Test
  void sumSaturates() {
    Flow huge = new Flow("h", TestNetworks.car(), List.of("r"), 1e-300, 0, -1);
    assertThat(new Demand(List.of(huge, huge)).vehiclesCreatedAtMost(10, 1)).isEqualTo(Long.MAX_VALUE);
  }
}

package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.traffic.RealData;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.protocol.Protocol;
import io.citybrain.traffic.protocol.Protocols;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The xlight15 protocol's signal timing, step by step. */
class ProtocolTimingTest {

  /**
   * FixedTime as the XLight code runs it: phase 1 set before the first step and held 15 s, then
   * every phase 5 s of phase 0 and 25 s of green, in the order 1, 2, 3, 4: a 120 s cycle.
   */
  @Test
  void xlightFixedTimeIsFifteenSecondsThenYellowFivePlusGreenTwentyFive() {
    int[] phases = phasesOfFirstIntersection("fixed-time", 140);
    for (int k = 0; k < 140; k++) {
      int expected;
      if (k < 15) {
        expected = 1;
      } else {
        int inCycle = (k - 15) % 30;
        int phaseNumber = (k - 15) / 30; // 0 -> phase 2, 1 -> 3, 2 -> 4, 3 -> 1
        expected = inCycle < 5 ? 0 : 1 + (phaseNumber + 1) % 4;
      }
      assertThat(phases[k]).as("phase during step %d", k).isEqualTo(expected);
    }
  }

  @Test
  void decisionsAreEveryFifteenSecondsWithTheYellowInside() {
    int[] phases = phasesOfFirstIntersection("max-pressure", 600);
    for (int k = 1; k < 600; k++) {
      if (phases[k] != phases[k - 1] && phases[k] == 0) {
        assertThat(k % 15).as("a yellow starts at a decision instant (step %d)", k).isZero();
        assertThat(phases[k + 4]).isZero();
        assertThat(phases[k + 5]).isIn(1, 2, 3, 4);
      }
      assertThat(phases[k]).isIn(0, 1, 2, 3, 4);
    }
  }

  /** actuated-pressure decides every second on its own; under xlight15 only every 15 s. */
  @Test
  void aControllerWithItsOwnHoldStillDecidesAtTheProtocolsInstants() {
    int[] phases = phasesOfFirstIntersection("actuated-pressure", 900);
    for (int k = 1; k < 900; k++) {
      if (phases[k] != phases[k - 1] && phases[k] == 0) {
        assertThat(k % 15).as("a change starts at a decision instant (step %d)", k).isZero();
      }
      if (phases[k] != phases[k - 1] && phases[k] != 0) {
        assertThat(k % 15).as("a green follows its 5 s yellow (step %d)", k).isEqualTo(5);
      }
    }
  }

  @Test
  void aProtocolPhaseMissingFromTheRoadnetIsNamed() {
    SimNetwork net = RealData.scenario("jinan", "real").compiled();
    assertThatThrownBy(() -> IntersectionLayouts.of(net, List.of(1, 9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no phase 9")
        .hasMessageContaining("intersection 'intersection_1_1'");
    assertThatThrownBy(() -> IntersectionLayouts.of(net, List.of(0)))
        .hasMessageContaining("phase 0 as its yellow/all-red");
  }

  private static int[] phasesOfFirstIntersection(String controller, int steps) {
    Protocol x = Protocols.require("xlight15");
    Scenario s = RealData.scenario("jinan", "real");
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults().withLaneChange(true))) {
      SignalControllerProvider p = SignalControllers.require(controller);
      ParameterValues params =
          p.resolve(x.parametersFor(controller));
      List<IntersectionLayout> layouts = IntersectionLayouts.of(s.compiled(), x.phases());
      SignalTimer timer = new SignalTimer(sim, p.create(params), x.timing().orElseThrow(), layouts, 1, true);
      int first = layouts.get(0).index();
      int[] phases = new int[steps];
      for (int k = 0; k < steps; k++) {
        timer.beforeStep();
        phases[k] = sim.phase(first);
        sim.step();
      }
      return phases;
    }
  }
}

package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.TestNetworks;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.EmergencyPreemption;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pre-emption sequence on a hand-built crossing: a steady platoon holds the west–east green
 * (its queue keeps discharging), an emergency vehicle comes from the south. With priority the
 * green ends as soon as the vehicle is within range, the all-red runs its full 5 s, the
 * south–north green follows and lasts until the vehicle is through; then normal control returns
 * to the platoon.
 */
class EmergencyPreemptionSequenceTest {
  private static final int ALL_RED = 0;
  private static final int WEST_EAST = 1;
  private static final int SOUTH_NORTH = 2;
  private static final double RANGE = 150;

  /** What one run recorded per step. */
  private record Trace(List<Integer> phase, List<Double> emergencyDistance, double emergencyTravelTime, double emergencyMinSpeed) {}

  private static Trace run(double priority) {
    Scenario s =
        TestNetworks.scenario(
            TestNetworks.crossing(),
            new Demand(
                List.of(
                    new Flow("platoon", TestNetworks.car(), List.of("r_w", "r_e"), 2, 0, 120),
                    new Flow("ambulance", TestNetworks.car(), List.of("r_s", "r_n"), 1, 60, 60, true))));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    SignalControllerProvider p = SignalControllers.require("actuated-pressure");
    ParameterValues params =
        p.resolve(
            Map.of(EmergencyPreemption.PRIORITY, priority, EmergencyPreemption.RANGE, RANGE, "maxGreenSeconds", 200.0));
    SignalTimer timer = new SignalTimer(sim, p.create(params), p.timing(params));
    int c = intersection(s, "C");
    int southLane = s.compiled().lane("r_s", 0);
    double laneLength = s.compiled().lengthMeters(southLane);
    List<Integer> phases = new ArrayList<>();
    List<Double> distance = new ArrayList<>();
    double[] travel = {Double.NaN};
    double minSpeed = Double.POSITIVE_INFINITY;
    sim.addObserver(
        new StepObserver() {
          @Override
          public void afterStep(Simulation simulation) {}

          @Override
          public void vehicleFinished(Simulation simulation, int vehicle, double travelTimeSeconds) {
            if (simulation.vehicleFlow(vehicle) == 1) {
              travel[0] = travelTimeSeconds;
            }
          }
        });
    for (int k = 0; k < 300; k++) {
      // what the controller sees before step k: the state after step k - 1
      double d = sim.vehicleCount(southLane) > 0 ? laneLength - sim.vehiclePosition(sim.vehicleAt(southLane, 0)) : Double.NaN;
      if (d <= RANGE) {
        minSpeed = Math.min(minSpeed, sim.vehicleSpeed(sim.vehicleAt(southLane, 0)));
      }
      timer.beforeStep();
      phases.add(sim.phase(c));
      distance.add(d);
      sim.step();
    }
    return new Trace(phases, distance, travel[0], minSpeed);
  }

  private static int intersection(Scenario s, String id) {
    for (int i = 0; i < s.compiled().intersectionCount(); i++) {
      if (s.compiled().intersectionId(i).equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void allRedThenTheEmergencyGreenThenRecovery() {
    Trace t = run(1);
    int notice = -1;
    for (int k = 0; k < t.emergencyDistance().size(); k++) {
      Double d = t.emergencyDistance().get(k);
      if (!d.isNaN() && d <= RANGE) {
        notice = k;
        break;
      }
    }
    assertThat(notice).as("step at which the vehicle is first seen within range").isPositive();
    // before: the platoon's green, unbroken
    assertThat(t.phase().subList(notice - 10, notice)).containsOnly(WEST_EAST);
    // at once: the full all-red, then the vehicle's green
    assertThat(t.phase().subList(notice, notice + 5)).containsOnly(ALL_RED);
    assertThat(t.phase().get(notice + 5)).isEqualTo(SOUTH_NORTH);
    // the green lasts while the vehicle approaches: it never has to stop
    int passed = notice;
    while (!t.emergencyDistance().get(passed).isNaN()) {
      assertThat(t.phase().get(passed)).isIn(ALL_RED, SOUTH_NORTH);
      passed++;
    }
    assertThat(t.emergencyMinSpeed()).isGreaterThan(1.0);
    // recovery: once it is through, the platoon gets its green back (after the all-red)
    List<Integer> after = t.phase().subList(passed, passed + 20);
    assertThat(after).contains(WEST_EAST);
    int back = passed + after.indexOf(WEST_EAST);
    assertThat(t.phase().subList(back - 5, back)).containsOnly(ALL_RED);
  }

  @Test
  void withoutPriorityTheVehicleWaitsForThePlatoon() {
    Trace with = run(1);
    Trace without = run(0);
    assertThat(without.emergencyMinSpeed()).isLessThan(0.1);
    assertThat(with.emergencyTravelTime()).isLessThan(without.emergencyTravelTime() - 10);
  }

  @Test
  void anEmergencyVehicleQueuedToEnterIsAnnouncedAtTheLaneStart() {
    // four cars and the ambulance are created at once; a lane admits one vehicle per step
    List<Flow> flows = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      flows.add(new Flow("car" + k, TestNetworks.car(), List.of("r_s", "r_n"), 1, 0, 0));
    }
    flows.add(new Flow("ambulance", TestNetworks.car(), List.of("r_s", "r_n"), 1, 0, 0, true));
    Scenario s = TestNetworks.scenario(TestNetworks.crossing(), new Demand(flows));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    SignalControllerProvider p = SignalControllers.require("max-pressure");
    ParameterValues params = p.resolve(Map.of());
    SignalTimer timer = new SignalTimer(sim, p.create(params), p.timing(params));
    timer.beforeStep();
    sim.step();
    int southLane = s.compiled().lane("r_s", 0);
    assertThat(sim.entryQueueLength(southLane)).isEqualTo(4);
    SimObservation o = new SimObservation(sim, timer);
    assertThat(o.emergencyApproaches(intersection(s, "C")))
        .containsExactly(
            new io.citybrain.traffic.control.EmergencyApproach(
                southLane, s.compiled().lengthMeters(southLane), 0, "r_n"));
  }
}

package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.CaseFiles;
import io.citybrain.traffic.RealData;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lane changing: overtaking on a hand-made road, invariants, determinism, CityFlow's figures. */
class LaneChangeTest {

  private static Scenario overtaking() throws InputValidationException, URISyntaxException {
    Path dir = Path.of(LaneChangeTest.class.getResource("/lanechange/roadnet.json").toURI()).getParent();
    return ScenarioLoader.load("overtaking", dir.resolve("roadnet.json"), dir.resolve("flow.json"));
  }

  /** Runs the overtaking case; returns the flow indices in the order their vehicles finished. */
  private static List<Integer> finishOrder(Simulation sim, InvariantChecker checker) {
    List<Integer> order = new ArrayList<>();
    sim.addObserver(checker);
    sim.addObserver(
        new StepObserver() {
          @Override
          public void afterStep(Simulation s) {}

          @Override
          public void vehicleFinished(Simulation s, int vehicle, double travelTimeSeconds) {
            order.add(s.vehicleFlow(vehicle));
          }
        });
    for (int k = 0; k < 400; k++) {
      sim.step();
    }
    return order;
  }

  @ParameterizedTest(name = "cityFlowCompatible={0}")
  @ValueSource(booleans = {false, true})
  void aFastVehicleChangesLaneAndOvertakesASlowOneOnItsLastRoad(boolean compatible) throws Exception {
    Scenario s = overtaking();
    SimulationConfig config = SimulationConfig.defaults().withCityFlowCompatible(compatible).withLaneChange(true);
    try (Simulation sim = s.newSimulation(config)) {
      InvariantChecker checker = new InvariantChecker();
      List<Integer> order = finishOrder(sim, checker);
      // the fast vehicle (flow 1), created 5 s later, arrives first: it overtook on r_out
      assertThat(order).containsExactly(1, 0);
      assertThat(sim.laneChangesCompleted()).isPositive();
      assertThat(sim.laneChangesAborted()).isZero();
      assertThat(sim.laneChangesStarted()).isEqualTo(sim.laneChangesCompleted());
      assertThat(sim.shadowsInNetwork()).isZero();
      assertThat(sim.vehiclesFinished()).isEqualTo(2);
      assertThat(checker.steps()).isEqualTo(400);
    }
  }

  @Test
  void withoutLaneChangingTheFastVehicleStaysBehind() throws Exception {
    try (Simulation sim = overtaking().newSimulation(SimulationConfig.defaults())) {
      List<Integer> order = finishOrder(sim, new InvariantChecker());
      assertThat(order).containsExactly(0, 1);
      assertThat(sim.laneChangesStarted()).isZero();
    }
  }

  @Test
  void theShadowCarriesTheVehiclesIdentityAndCountsOnItsLane() throws Exception {
    try (Simulation sim = overtaking().newSimulation(SimulationConfig.defaults().withLaneChange(true))) {
      boolean seen = false;
      for (int k = 0; k < 400 && !seen; k++) {
        sim.step();
        SimNetwork net = sim.network();
        for (int lane = 0; lane < net.laneCount(); lane++) {
          for (int i = 0; i < sim.vehicleCount(lane); i++) {
            int v = sim.vehicleAt(lane, i);
            if (sim.vehicleIsShadow(v)) {
              seen = true;
              assertThat(sim.vehicleId(v)).isEqualTo("flow_1_0_shadow");
              assertThat(net.laneId(lane)).isEqualTo("r_out_1");
              assertThat(sim.vehiclesInNetwork()).as("the shadow is not a vehicle").isEqualTo(2);
            }
          }
        }
      }
      assertThat(seen).isTrue();
    }
  }

  /** C08 (CityFlow issue #50): saturated junction, 8 fast phases, lane changing on: no crash. */
  @ParameterizedTest(name = "cityFlowCompatible={0}")
  @ValueSource(booleans = {false, true})
  void c08WithLaneChangingKeepsInvariants(boolean compatible) {
    Scenario s = CaseFiles.scenario("C08");
    SimulationConfig config =
        SimulationConfig.defaults().withLaneChange(true).withCityFlowCompatible(compatible);
    runC08(s, config, true, 3600);
  }

  @Test
  void c08WithLaneChangingIsBitIdenticalAtOneAndTwoThreads() {
    Scenario s = CaseFiles.scenario("C08");
    SimulationConfig config = SimulationConfig.defaults().withLaneChange(true);
    long[] one = runC08(s, config, false, 1200);
    long[] two = runC08(s, config.withThreads(2), false, 1200);
    assertThat(two).as("2 threads, forced parallel: same per-step counts").containsExactly(one);
  }

  private static long[] runC08(Scenario s, SimulationConfig config, boolean check, int steps) {
    try (Simulation sim = s.newSimulation(config)) {
      sim.forceParallel();
      SignalTimer timer = timer(sim, "roadnet-plan");
      InvariantChecker checker = new InvariantChecker();
      if (check) {
        sim.addObserver(checker);
      }
      long[] trace = new long[steps * 4];
      for (int k = 0; k < steps; k++) {
        timer.beforeStep();
        sim.step();
        trace[4 * k] = sim.vehiclesFinished();
        trace[4 * k + 1] = sim.vehiclesInNetwork();
        trace[4 * k + 2] = sim.laneChangesStarted();
        trace[4 * k + 3] = Double.doubleToLongBits(sim.averageTravelTimeSeconds());
      }
      assertThat(sim.laneChangesCompleted()).isPositive();
      if (check) {
        assertThat(checker.steps()).isEqualTo(steps);
        assertThat(sim.vehiclesSpawned()).isEqualTo(14400);
        // CityFlow (1 thread): 6744 finished, 370 running, 7286 waiting; its runs vary with the heap
        assertThat((double) sim.vehiclesFinished()).isCloseTo(6744, within(6744 * 0.03));
      }
      return trace;
    }
  }

  /**
   * CityFlow's laneChange: true rows (traffic-reference.md; 1 thread, seed 0), reproduced in
   * CityFlow-compatible mode within 1% ATT and finished vehicles; lane-change counts are only
   * comparable in magnitude (CityFlow's order follows memory addresses) and are checked within
   * 15% of its "gap 0 + priority order" diagnostic build.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "jinan, real, max-pressure, 331.21, 5668, 4096",
    "hangzhou, real, fixed-time, 590.33, 2412, 6368",
  })
  void reproducesCityFlowLaneChangeRows(
      String city, String flow, String controller, double att, long finished, long changes) {
    try (Simulation sim =
        RealData.scenario(city, flow)
            .newSimulation(SimulationConfig.defaults().withLaneChange(true).withCityFlowCompatible(true))) {
      SignalTimer timer = timer(sim, controller);
      for (int k = 0; k < 3600; k++) {
        timer.beforeStep();
        sim.step();
      }
      assertThat(sim.averageTravelTimeSeconds()).isCloseTo(att, within(att * 0.01));
      assertThat((double) sim.vehiclesFinished()).isCloseTo(finished, within(finished * 0.01));
      assertThat((double) sim.laneChangesStarted()).isCloseTo(changes, within(changes * 0.15));
    }
  }

  static SignalTimer timer(Simulation sim, String controller) {
    SignalControllerProvider p = SignalControllers.require(controller);
    ParameterValues params = p.resolve(Map.of());
    return new SignalTimer(sim, p.create(params), p.timing(params));
  }
}

package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.io.ScenarioFormat;
import io.citybrain.traffic.io.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cbengine2021 rules ({@link CBEngineRules}) on hand-checked cases: the car-following formulas,
 * one vehicle's run, all red stopping right turns, and the invariants of a busy junction.
 *
 * <p>The network is one signalised cross (intersection 0) with four 100 m arms at 10 m/s, three
 * lanes each way, lane 0 left, lane 1 straight, lane 2 right: road 2 enters from the north, road
 * 3 leaves to the east, 5 to the south, 7 to the west (signal line {@code 0 1 3 5 7}).
 */
class CBEngineRulesTest {
  private static final String ROADNET =
      String.join(
          "\n",
          "5",
          "30 120 0 1",
          "30.001 120 1 0",
          "30 120.001 2 0",
          "29.999 120 3 0",
          "30 119.999 4 0",
          "4",
          "0 1 100 10 3 3 1 2",
          "1 0 0 0 1 0 0 0 1",
          "1 0 0 0 1 0 0 0 1",
          "0 2 100 10 3 3 3 4",
          "1 0 0 0 1 0 0 0 1",
          "1 0 0 0 1 0 0 0 1",
          "0 3 100 10 3 3 5 6",
          "1 0 0 0 1 0 0 0 1",
          "1 0 0 0 1 0 0 0 1",
          "0 4 100 10 3 3 7 8",
          "1 0 0 0 1 0 0 0 1",
          "1 0 0 0 1 0 0 0 1",
          "1",
          "0 1 3 5 7",
          "");

  private static Scenario scenario(String flows) throws Exception {
    return ScenarioLoader.fromBytes(
        "cross",
        ROADNET.getBytes(StandardCharsets.UTF_8),
        "cross_roadnet.txt",
        flows.getBytes(StandardCharsets.UTF_8),
        "cross_flow.txt",
        ScenarioFormat.CBENGINE);
  }

  private static SimulationConfig rules() {
    return SimulationConfig.defaults().withEngineRules(EngineRules.CBENGINE_2021);
  }

  @Test
  void stopDistanceCountsTheCurrentStepsMove() {
    // 10, then 5, then 0 m/s: 15 m; 7 m/s: 7 then 2: 9 m
    assertThat(CBEngineRules.stopDistance(10, 5)).isEqualTo(15);
    assertThat(CBEngineRules.stopDistance(7, 5)).isEqualTo(9);
    assertThat(CBEngineRules.stopDistance(0, 5)).isZero();
  }

  @Test
  void aStoppedVehicleFiveMetresBehindAStoppedLeaderCannotMoveButTenMetresAllowFive() {
    assertThat(CBEngineRules.maxSpeedBehind(0, 0, 5, 10)).isZero();
    assertThat(CBEngineRules.maxSpeedBehind(0, 0, 10, 10)).isEqualTo(5);
    // closer than 5 m, or closer than 2 s at its own speed: brake as hard as it can
    assertThat(CBEngineRules.maxSpeedBehind(0, 0, 4.9, 10)).isEqualTo(-10000);
    assertThat(CBEngineRules.maxSpeedBehind(8, 8, 15, 10)).isEqualTo(-10000);
  }

  @Test
  void aFollowerFarBehindAllowsAnySpeedAndOneTooCloseNone() {
    // a follower at rest 30 m behind: stopping is safe, so the lower bound is full braking
    assertThat(CBEngineRules.minSpeedAhead(4, 0, 30, 10)).isEqualTo(-4);
    // a follower 4 m behind is too close for any change into its lane
    assertThat(CBEngineRules.minSpeedAhead(4, 0, 4, 10)).isEqualTo(10000);
  }

  @Test
  void onRedTheApproachSpeedStillStopsBeforeTheLine() {
    // 12 m before a red: the highest speed from which braking by 5 per step stops in 12 m
    double u = CBEngineRules.signalSpeed(10, 10, 12, 1000, false);
    assertThat(CBEngineRules.stopDistance(u, 5)).isLessThanOrEqualTo(12 + 1e-9);
    assertThat(CBEngineRules.stopDistance(u + 0.01, 5)).isGreaterThan(12);
    // on green with the line reachable in time: full acceleration
    assertThat(CBEngineRules.signalSpeed(4, 10, 12, 1000, true)).isEqualTo(6);
  }

  /**
   * One vehicle from the north turning left to the east under phase 1 (north and south left turns):
   * it is created at 0 s at rest at the start of lane 0 (the left-turn lane), gains 2 m/s per step
   * to the 10 m/s limit, stops exactly at the stop line, crosses in the next step keeping its
   * speed, and leaves at the end of road 3. Random braking may replace an acceleration by braking
   * of up to 5 m/s; every step is checked against these rules.
   */
  @Test
  void oneVehicleAcceleratesStopsAtTheLineCrossesAndLeaves() throws Exception {
    Scenario s = scenario("1\n0 0 1\n2\n2 3\n");
    try (Simulation sim = s.newSimulation(rules())) {
      int node = 0;
      sim.step(); // created at the end of step 0
      assertThat(sim.vehiclesSpawned()).isEqualTo(1);
      int lane2 = s.compiled().roadFirstLane[s.compiled().road("2")];
      assertThat(sim.vehicleCount(lane2)).isEqualTo(1);
      int v = sim.vehicleAt(lane2, 0);
      assertThat(sim.vehiclePosition(v)).isZero();
      double speed = 0;
      double pos = 0;
      boolean crossed = false;
      int braked = 0;
      for (int k = 1; k < 60 && sim.vehiclesFinished() == 0; k++) {
        sim.setPhase(node, 1);
        sim.step();
        if (sim.vehiclesFinished() == 1) {
          break;
        }
        double newSpeed = sim.vehicleSpeed(v);
        double accelerated = Math.min(speed + 2, 10);
        double brakedSpeed = speed - Math.min(5, speed);
        assertThat(newSpeed).as("step %d", k).satisfiesAnyOf(
            x -> assertThat(x).isCloseTo(accelerated, within(1e-9)),
            x -> assertThat(x).isCloseTo(brakedSpeed, within(1e-9)));
        if (newSpeed < speed) {
          braked++;
        }
        int road = s.compiled().laneRoad[sim.vehicleDrivable(v)];
        if (!crossed && road == s.compiled().road("3")) {
          crossed = true;
          assertThat(pos).as("it waited at the stop line").isEqualTo(100);
          pos = 0;
        }
        double expected = crossed ? pos + newSpeed : Math.min(100, pos + newSpeed);
        assertThat(sim.vehiclePosition(v)).as("step %d", k).isCloseTo(expected, within(1e-9));
        speed = newSpeed;
        pos = sim.vehiclePosition(v);
      }
      assertThat(crossed).isTrue();
      assertThat(sim.vehiclesFinished()).isEqualTo(1);
      assertThat(braked).as("3 % random braking").isLessThanOrEqualTo(3);
    }
  }

  /** Right turns are green in every phase but the all red: the challenge's engine holds them then. */
  @Test
  void allRedStopsRightTurnsWhichGoInAnyGreen() throws Exception {
    // from the north (road 2) right onto the west (road 7)
    Scenario s = scenario("1\n0 0 1\n2\n2 7\n");
    try (Simulation sim = s.newSimulation(rules())) {
      for (int k = 0; k < 120; k++) {
        sim.setPhase(0, 0);
        sim.step();
      }
      int v = sim.vehicleAt(s.compiled().roadFirstLane[s.compiled().road("2")] + 2, 0);
      assertThat(sim.vehiclePosition(v)).as("held at the stop line of road 2, lane 2").isEqualTo(100);
      assertThat(sim.vehicleSpeed(v)).isZero();
      for (int k = 0; k < 30 && sim.vehiclesFinished() == 0; k++) {
        sim.setPhase(0, 3); // east and west left turns: the right turn from the north is green too
        sim.step();
      }
      assertThat(sim.vehiclesFinished()).isEqualTo(1);
    }
  }

  /**
   * A busy cross under the starter kit's fixed time: vehicles are conserved, the challenge's delay
   * index is never below 1 (nobody beats the speed limits), and the run is the same at 1 and 2
   * threads with the parallel phases forced on.
   */
  @Test
  void aBusyCrossConservesVehiclesAndIsTheSameAtAnyThreadCount() throws Exception {
    StringBuilder flows = new StringBuilder("12\n");
    String[][] routes = {
      {"2", "3"}, {"2", "5"}, {"2", "7"}, {"4", "5"}, {"4", "7"}, {"4", "1"},
      {"6", "7"}, {"6", "1"}, {"6", "3"}, {"8", "1"}, {"8", "3"}, {"8", "5"}
    };
    for (String[] r : routes) {
      flows.append("0 600 2\n2\n").append(r[0]).append(' ').append(r[1]).append('\n');
    }
    Scenario s = scenario(flows.toString());
    List<String> one = trace(s, 1);
    List<String> two = trace(s, 2);
    assertThat(two).isEqualTo(one);
    // 12 flows of one vehicle every 2 s into one cross: it fills and queues
    assertThat(one.get(one.size() - 1)).doesNotEndWith(" 1.0");
  }

  private static List<String> trace(Scenario s, int threads) {
    List<String> lines = new ArrayList<>();
    var provider = io.citybrain.traffic.control.SignalControllers.require("kdd-fixed-time");
    var params = io.citybrain.commons.algorithm.ParameterValues.resolve("controller", "kdd-fixed-time", provider.parameters(), java.util.Map.of());
    try (Simulation sim = s.newSimulation(rules().withThreads(threads))) {
      sim.forceParallel();
      SignalTimer timer = new SignalTimer(sim, provider.create(params), provider.timing(params));
      for (int k = 0; k < 400; k++) {
        timer.beforeStep();
        sim.step();
        assertThat(sim.vehiclesInNetwork() + sim.vehiclesFinished()).isEqualTo(sim.vehiclesSpawned());
        if (sim.stepCount() % 20 == 19) {
          double di = sim.challengeDelayIndex();
          assertThat(di).isGreaterThanOrEqualTo(1 - 1e-9);
          lines.add(sim.stepCount() + " " + sim.vehiclesSpawned() + " " + sim.vehiclesFinished() + " " + di);
        }
      }
    }
    return lines;
  }
}

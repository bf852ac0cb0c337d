package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-built networks whose results can be computed by hand. */
class SimulationAnalyticTest {

  @Test
  void freeFlowTravelTimeIsLengthOverSpeedPlusAccelerationLoss() {
    double length = 300;
    Scenario s = TestNetworks.scenario(TestNetworks.singleRoad(length, 20), TestNetworks.flow(List.of("r"), 1, 1));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    while (sim.vehiclesFinished() == 0 && sim.stepCount() < 200) {
      sim.step();
    }
    // 10 m/s vehicle, 2 m/s² from rest: L/v + v/(2a) = 30 + 2.5 s, one step of discretisation
    double expected = length / 10 + 10 / (2 * 2.0);
    assertThat(sim.averageTravelTimeFinishedSeconds()).isCloseTo(expected, within(1.0));
    // exact discrete value: 1+3+5+7+9 = 25 m after 5 steps, then 10 m per step; passes 300 m in
    // the step with index 32
    assertThat(sim.averageTravelTimeFinishedSeconds()).isEqualTo(32.0);
  }

  @Test
  void laneSpeedLimitCapsTheVehicle() {
    Scenario s = TestNetworks.scenario(TestNetworks.singleRoad(300, 5), TestNetworks.flow(List.of("r"), 1, 1));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    while (sim.vehiclesFinished() == 0 && sim.stepCount() < 200) {
      sim.step();
    }
    // 5 m/s reached after 3 steps (1 + 3 + 4.5 m), then 5 m per step
    assertThat(sim.averageTravelTimeFinishedSeconds()).isCloseTo(300 / 5.0 + 5 / 4.0, within(1.0));
  }

  @Test
  void redLightHoldsAQueueSpacedByLengthPlusMinGap() {
    int vehicles = 10;
    Scenario s =
        TestNetworks.scenario(TestNetworks.corridor(false), TestNetworks.flow(List.of("r_in", "r_out"), 3, vehicles));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    for (int k = 0; k < 300; k++) {
      sim.step();
    }
    int lane = s.compiled().lane("r_in", 0);
    double laneLength = s.compiled().lengthMeters(lane);
    assertThat(laneLength).isCloseTo(190, within(1e-9));
    assertThat(sim.vehicleCount(lane)).isEqualTo(vehicles);
    assertThat(sim.waitingVehicleCount(lane)).isEqualTo(vehicles);
    assertThat(sim.vehiclesFinished()).isZero();
    // the first vehicle stops just before the stop line; each follower stands minGap behind
    double front = sim.vehiclePosition(sim.vehicleAt(lane, 0));
    assertThat(front).isBetween(laneLength - 1.0, laneLength);
    for (int k = 1; k < vehicles; k++) {
      double leaderRear = sim.vehiclePosition(sim.vehicleAt(lane, k - 1)) - 5;
      double gap = leaderRear - sim.vehiclePosition(sim.vehicleAt(lane, k));
      assertThat(gap).as("gap behind vehicle %d", k - 1).isBetween(2.5 - 1e-6, 2.5 + 1.0);
    }
    // the queue is 10 vehicles of 5 m with 9 gaps of about 2.5 m: its tail is about 72.5 m upstream
    double tail = sim.vehiclePosition(sim.vehicleAt(lane, vehicles - 1)) - 5;
    assertThat(laneLength - tail).isCloseTo(10 * 5 + 9 * 2.5, within(10.0));
  }

  @Test
  void aLaneHoldsAtMostItsLengthOverSpacingPlusOneVehicles() {
    Scenario s =
        TestNetworks.scenario(TestNetworks.corridor(false), TestNetworks.flow(List.of("r_in", "r_out"), 1, 600));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    for (int k = 0; k < 600; k++) {
      sim.step();
    }
    int lane = s.compiled().lane("r_in", 0);
    assertThat(sim.vehicleCount(lane)).isLessThanOrEqualTo((int) Math.floor(190 / 7.5) + 1);
    assertThat(sim.vehiclesSpawned()).isEqualTo(600);
    assertThat(sim.vehiclesInNetwork() + sim.vehiclesWaitingToEnter()).isEqualTo(600);
  }

  @Test
  void greenCorridorPassesEveryVehicleWithTheFullTripTime() {
    Scenario s =
        TestNetworks.scenario(TestNetworks.corridor(true), TestNetworks.flow(List.of("r_in", "r_out"), 1, 1));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    for (int k = 0; k < 20; k++) {
      sim.step();
    }
    assertThat(sim.vehiclesFinished()).isZero();
    assertThat(sim.averageTravelTimeFinishedSeconds()).isNaN();
    assertThat(sim.averageTravelTimeSeconds()).isEqualTo(20.0);
    for (int k = 20; k < 60; k++) {
      sim.step();
    }
    // 190 + 20 + 190 = 400 m at 10 m/s from rest: 400/10 + 10/4 = 42.5 s
    assertThat(sim.vehiclesFinished()).isEqualTo(1);
    assertThat(sim.averageTravelTimeFinishedSeconds()).isCloseTo(42.5, within(1.0));
    assertThat(sim.averageTravelTimeSeconds()).isEqualTo(sim.averageTravelTimeFinishedSeconds());
  }

  @Test
  void finishedVehiclesFreeTheirSlotsForReuse() {
    // 1,800 vehicles pass a 400 m corridor, about 25 at a time: slots are reused, never grown
    Scenario s =
        TestNetworks.scenario(TestNetworks.corridor(true), TestNetworks.flow(List.of("r_in", "r_out"), 4, 900));
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      for (int k = 0; k < 3700; k++) {
        sim.step();
      }
      assertThat(sim.vehiclesFinished()).isEqualTo(900);
      assertThat(sim.peakVehiclesInNetwork()).isLessThan(30);
      MemoryFootprint m = sim.memoryFootprint();
      assertThat(m.vehicleSlots()).isEqualTo(1024);
      assertThat(m.bytesPerVehicleSlot()).isBetween(100.0, 200.0);
    }
  }

  @Test
  void flowCreatesOneVehicleAtStartThenOneEveryIntervalUpToEndInclusive() {
    Demand d =
        new Demand(List.of(new Flow("flow_0", TestNetworks.car(), List.of("r"), 10, 5, 45)));
    Scenario s = TestNetworks.scenario(TestNetworks.singleRoad(5000, 20), d);
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    int[] spawnedAfter = new int[60];
    for (int k = 0; k < 60; k++) {
      sim.step();
      spawnedAfter[k] = (int) sim.vehiclesSpawned();
    }
    // created in the steps starting at t = 5, 15, 25, 35, 45
    assertThat(spawnedAfter[4]).isZero();
    assertThat(spawnedAfter[5]).isEqualTo(1);
    assertThat(spawnedAfter[14]).isEqualTo(1);
    assertThat(spawnedAfter[15]).isEqualTo(2);
    assertThat(spawnedAfter[45]).isEqualTo(5);
    assertThat(spawnedAfter[59]).isEqualTo(5);
  }
}

package io.citybrain.traffic.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.CaseFiles;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import org.junit.jupiter.api.Test;

class IntersectionTravelTimeRecorderTest {

  /**
   * C06: one vehicle, 190 m of r_in (200 m less the 10 m junction) at 2 m/s² up to 10 m/s, from
   * rest. After the step ending at t it is at 1, 4, 9, 16, 25 m (t = 1..5), then 10 m further per
   * second: first seen at t = 1, past the stop line (195 m) at t = 22. The papers' metric is 21 s;
   * CityFlow's travel time counts r_out and the junction as well.
   */
  @Test
  void oneVehicleIsTimedFromItsFirstSampleToTheStepItLeavesTheIncomingLane() {
    Scenario s = CaseFiles.scenario("C06");
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      IntersectionTravelTimeRecorder r = new IntersectionTravelTimeRecorder(s.compiled());
      sim.addObserver(r);
      for (int k = 0; k < 60; k++) {
        sim.step();
      }
      assertThat(r.vehiclesSeen()).isEqualTo(1);
      assertThat(r.averageSeconds(sim.timeSeconds())).isEqualTo(21.0);
      assertThat(sim.averageTravelTimeFinishedSeconds()).isGreaterThan(40);
    }
  }

  @Test
  void aVehicleStillOnTheLanesAtTheEndCountsUpToTheEnd() {
    Scenario s = CaseFiles.scenario("C06");
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      IntersectionTravelTimeRecorder r = new IntersectionTravelTimeRecorder(s.compiled());
      sim.addObserver(r);
      for (int k = 0; k < 10; k++) {
        sim.step();
      }
      // first seen at t = 1 while the lanes were empty: the code marks it left at 1 (kept quirk),
      // and it has not really left by t = 10
      assertThat(r.averageSeconds(sim.timeSeconds())).isEqualTo(0.0);
    }
  }

  @Test
  void noVehicleGivesNaN() {
    Scenario s = CaseFiles.scenario("C06");
    IntersectionTravelTimeRecorder r = new IntersectionTravelTimeRecorder(s.compiled());
    assertThat(r.averageSeconds(3600)).isNaN();
  }
}

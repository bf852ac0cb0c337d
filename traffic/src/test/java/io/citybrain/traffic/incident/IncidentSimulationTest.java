package io.citybrain.traffic.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A blocked lane on a 1,000 m single-lane road (10 m/s limit, one car every 5 s, 100 cars), with
 * loops at 200 m and 800 m reporting every 30 s; the incident blocks 500 m from t = 100 s to 300 s.
 */
class IncidentSimulationTest {
  private static final Incident CRASH = new Incident("crash", "r", List.of(), 500, 100, 200);

  private static Scenario road() {
    return TestNetworks.scenario(
        TestNetworks.singleRoad(1000, 10), TestNetworks.flow(List.of("r"), 5, 100));
  }

  private static List<LoopInterval> run(List<Incident> incidents, int steps, List<int[]> pastBlock) {
    Scenario s = road();
    List<LoopInterval> out = new ArrayList<>();
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      sim.setIncidents(incidents);
      sim.addObserver(new LoopDetectors(s.compiled(), new double[] {0.2, 0.8}, 30, out::addAll));
      for (int k = 0; k < steps; k++) {
        sim.step();
        assertThat(sim.vehiclesSpawned())
            .as("conservation at step %d", k)
            .isEqualTo(sim.vehiclesFinished() + sim.vehiclesInNetwork() + sim.vehiclesWaitingToEnter());
        int past = 0;
        for (int i = 0; i < sim.vehicleCount(0); i++) {
          if (sim.vehiclePosition(sim.vehicleAt(0, i)) > 500) {
            past++;
          }
        }
        pastBlock.add(new int[] {sim.stepCount(), past});
      }
      assertThat(sim.vehiclesFinished()).as("every car arrives once the road is clear").isEqualTo(100);
    }
    return out;
  }

  private static int count(List<LoopInterval> list, int station, double start) {
    return list.stream()
        .filter(i -> i.station() == station && i.intervalStartSeconds() == start)
        .findFirst()
        .orElseThrow()
        .count();
  }

  private static LoopInterval at(List<LoopInterval> list, int station, double start) {
    return list.stream().filter(i -> i.station() == station && i.intervalStartSeconds() == start).findFirst().orElseThrow();
  }

  @Test
  void withoutIncidentEveryLoopCountsOneCarPerFiveSeconds() {
    List<LoopInterval> list = run(List.of(), 900, new ArrayList<>());
    // 30 s intervals and a car every 5 s: 6 per interval once the stream reaches the loop
    assertThat(count(list, 0, 60)).isEqualTo(6);
    assertThat(count(list, 1, 150)).isEqualTo(6);
    assertThat(at(list, 1, 150).meanSpeedMetersPerSecond()).isEqualTo(10.0);
    assertThat(list.stream().filter(i -> i.station() == 0).mapToInt(LoopInterval::count).sum()).isEqualTo(100);
    assertThat(list.stream().filter(i -> i.station() == 1).mapToInt(LoopInterval::count).sum()).isEqualTo(100);
  }

  @Test
  void blockedRoadStopsTheDownstreamLoopAndHoldsEveryCarUntilItClears() {
    List<int[]> past = new ArrayList<>();
    List<LoopInterval> list = run(List.of(CRASH), 1200, past);
    // the cars past 500 m at t = 100 s clear 800 m within 30 s; then nothing crosses it until the
    // blockage lifts at 300 s and the head of the queue has accelerated (2 m/s², 5 s to 10 m/s)
    // and driven the 300 m (32.5 s)
    for (double start = 150; start <= 300; start += 30) {
      assertThat(count(list, 1, start)).as("downstream count from %s s", start).isZero();
      assertThat(at(list, 1, start).occupancyFraction()).isZero();
      assertThat(at(list, 1, start).meanSpeedMetersPerSecond()).isNaN();
    }
    // the queue grows back from 500 m by 7.5 m per car (5 m + 2.5 m gap); with cars 50 m apart
    // (6 between the loops at 100 s) it reaches the upstream loop after another 34 cars, 170 s:
    // the loop counts 6 per interval until 270 s, then none until the queue moves off at 360 s
    for (double start = 150; start < 270; start += 30) {
      assertThat(count(list, 0, start)).as("upstream count from %s s", start).isEqualTo(6);
    }
    assertThat(count(list, 0, 270)).isZero();
    assertThat(count(list, 0, 300)).isZero();
    // nobody passes the blockage while it is in place
    int before = -1;
    for (int[] p : past) {
      if (p[0] > 105 && p[0] <= 300) {
        assertThat(p[1]).as("cars past 500 m after step %d", p[0]).isLessThanOrEqualTo(before < 0 ? p[1] : before);
      }
      before = p[1];
    }
    // every car crosses each loop exactly once over the run
    assertThat(list.stream().filter(i -> i.station() == 1).mapToInt(LoopInterval::count).sum()).isEqualTo(100);
    assertThat(list.stream().filter(i -> i.station() == 0).mapToInt(LoopInterval::count).sum()).isEqualTo(100);
  }

  @Test
  void incidentsNamingWhatTheNetworkLacksAreRefused() {
    Scenario s = road();
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      assertThatThrownBy(() -> sim.setIncidents(List.of(new Incident("x", "nowhere", List.of(), 10, 0, 10))))
          .hasMessageContaining("road 'nowhere' is not in the network");
      assertThatThrownBy(() -> sim.setIncidents(List.of(new Incident("x", "r", List.of(1), 10, 0, 10))))
          .hasMessageContaining("has no lane 1");
      assertThatThrownBy(() -> sim.setIncidents(List.of(new Incident("x", "r", List.of(), 1000, 0, 10))))
          .hasMessageContaining("not inside road 'r'");
    }
  }
}

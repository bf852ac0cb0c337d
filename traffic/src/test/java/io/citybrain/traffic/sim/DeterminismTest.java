package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.RealData;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same input and seed give bit-identical results; CityFlow-compatible mode keeps CityFlow's overlaps. */
class DeterminismTest {

  /** A hash over every vehicle's position and speed bits after every step. */
  static long stateHash(String city, String flow, String controller, SimulationConfig config) {
    try (Simulation sim = RealData.scenario(city, flow).newSimulation(config)) {
      sim.forceParallel();
      return stateHash(sim, controller);
    }
  }

  private static long stateHash(Simulation sim, String controller) {
    SignalControllerProvider p = SignalControllers.require(controller);
    ParameterValues params = p.resolve(Map.of());
    SignalTimer timer = new SignalTimer(sim, p.create(params), p.timing(params));
    long h = 1469598103934665603L;
    for (int k = 0; k < 3600; k++) {
      timer.beforeStep();
      sim.step();
      for (int d = 0; d < sim.network().drivableCount(); d++) {
        for (int i = 0; i < sim.vehicleCount(d); i++) {
          int v = sim.vehicleAt(d, i);
          h = (h ^ Double.doubleToLongBits(sim.vehiclePosition(v))) * 1099511628211L;
          h = (h ^ Double.doubleToLongBits(sim.vehicleSpeed(v))) * 1099511628211L;
          h = (h ^ d) * 1099511628211L;
        }
      }
    }
    return h ^ Double.doubleToLongBits(sim.averageTravelTimeSeconds()) ^ sim.totalStops();
  }

  @Test
  void sameSeedGivesBitIdenticalStateAtEveryStep() {
    long a = stateHash("hangzhou", "real", "max-pressure", SimulationConfig.defaults());
    long b = stateHash("hangzhou", "real", "max-pressure", SimulationConfig.defaults());
    assertThat(b).isEqualTo(a);
  }

  @Test
  void resultsAreBitIdenticalAtAnyThreadCount() {
    long one = stateHash("jinan", "real", "max-pressure", SimulationConfig.defaults());
    long two = stateHash("jinan", "real", "max-pressure", SimulationConfig.defaults().withThreads(2));
    long three = stateHash("jinan", "real", "max-pressure", SimulationConfig.defaults().withThreads(3));
    assertThat(two).isEqualTo(one);
    assertThat(three).isEqualTo(one);
  }

  @Test
  void overlapFreeMergingPreventsTheOverlapsCityFlowAllows() {
    int compatibleOverlaps = countOverlaps(SimulationConfig.defaults().withCityFlowCompatible(true));
    int defaultOverlaps = countOverlaps(SimulationConfig.defaults());
    assertThat(compatibleOverlaps).as("CityFlow lets merging vehicles overlap").isPositive();
    assertThat(defaultOverlaps).isZero();
  }

  private static int countOverlaps(SimulationConfig config) {
    Simulation sim = RealData.scenario("jinan", "real").newSimulation(config);
    SignalControllerProvider p = SignalControllers.require("max-pressure");
    ParameterValues params = p.resolve(Map.of());
    SignalTimer timer = new SignalTimer(sim, p.create(params), p.timing(params));
    int overlaps = 0;
    for (int k = 0; k < 3600; k++) {
      timer.beforeStep();
      sim.step();
      for (int d = 0; d < sim.network().drivableCount(); d++) {
        for (int i = 1; i < sim.vehicleCount(d); i++) {
          int a = sim.vehicleAt(d, i - 1);
          int b = sim.vehicleAt(d, i);
          if (sim.vehiclePosition(a) - sim.vehicleLength(a) - sim.vehiclePosition(b) < 0) {
            overlaps++;
          }
        }
      }
    }
    if (!config.cityFlowCompatible()) {
      assertThat(sim.overlapsPrevented()).isPositive();
    }
    return overlaps;
  }
}

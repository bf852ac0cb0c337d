package io.citybrain.traffic.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled emergency scenarios (Jinan's real flow and Hangzhou's heavy 5734 flow, each with ten
 * emergency trips) under actuated-pressure with the city's shipped parameters and under
 * max-pressure, pre-emption off and on: the figures of {@code docs/controllers.md}, pinned (the
 * runs are deterministic; the tolerances only absorb rounding in the table).
 */
class EmergencyComparisonTest {

  /**
   * city, controller, others, emergency vehicles finished without / with priority, their
   * travel time change, their delay against free flow without / with (s), everyone else's
   * travel time change.
   */
  static Stream<Arguments> measured() {
    return Stream.of(
        Arguments.of("jinan", "actuated-pressure", 6295, 10, 10, -0.1670, 72.5, 9.0, 0.0038),
        Arguments.of("jinan", "max-pressure", 6295, 10, 10, -0.2623, 132.3, 16.9, -0.0157),
        Arguments.of("hangzhou", "actuated-pressure", 6538, 10, 10, -0.1401, 160.2, 70.5, 0.0087),
        Arguments.of("hangzhou", "max-pressure", 6538, 9, 10, -0.2700, 152.5, 50.3, -0.0202));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("measured")
  void priorityCutsTheEmergencyVehiclesDelayAtLittleCostToOthers(
      String city,
      String controller,
      long others,
      long finishedWithout,
      long finishedWith,
      double emergencyChange,
      double delayWithout,
      double delayWith,
      double othersChange)
      throws Exception {
    Scenario s = ScenarioLoader.loadBundled(BundledCity.require(city), "emergency");
    Map<String, Double> parameters =
        controller.equals("actuated-pressure") ? AdaptiveGoldenTest.shippedParameters(city, controller) : Map.of();
    EmergencyComparison.Result r =
        EmergencyComparison.run(s, controller, parameters, SimulationConfig.defaults(), 3600, RunListener.NONE);
    EmergencyReport without = r.without().emergency();
    EmergencyReport with = r.with().emergency();
    assertThat(without.emergencyVehicles()).isEqualTo(10);
    assertThat(with.otherVehicles()).isEqualTo(others);
    assertThat(without.emergencyFinished()).isEqualTo(finishedWithout);
    assertThat(with.emergencyFinished()).isEqualTo(finishedWith);
    assertThat(r.emergencyChange()).isCloseTo(emergencyChange, within(0.0005));
    assertThat(without.emergencyAverageDelayFinishedSeconds()).isCloseTo(delayWithout, within(0.1));
    assertThat(with.emergencyAverageDelayFinishedSeconds()).isCloseTo(delayWith, within(0.1));
    assertThat(r.othersChange()).isCloseTo(othersChange, within(0.0005));
    // the bound on the cost to everyone else holds on both cities
    assertThat(r.othersChange()).isLessThan(0.02);
    // the accounting adds up: all vehicles = emergency + others
    double all = r.with().summary().averageTravelTimeSeconds() * r.with().summary().vehiclesSpawned();
    double parts =
        with.emergencyAverageTravelTimeSeconds() * with.emergencyVehicles()
            + with.othersAverageTravelTimeSeconds() * with.otherVehicles();
    assertThat(parts).isCloseTo(all, within(1e-6 * all));
  }
}

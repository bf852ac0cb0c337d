package io.citybrain.traffic.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import org.junit.jupiter.api.Test;

/**
 * The bundled emergency scenario (Jinan's real flow plus ten emergency trips) under
 * actuated-pressure with Jinan's shipped parameters, pre-emption off and on.
 */
class EmergencyComparisonTest {

  @Test
  void priorityRemovesMostOfTheEmergencyVehiclesDelayAtLittleCostToOthers() throws Exception {
    Scenario s = ScenarioLoader.loadBundled(BundledCity.JINAN, "emergency");
    EmergencyComparison.Result r =
        EmergencyComparison.run(
            s,
            "actuated-pressure",
            AdaptiveGoldenTest.shippedParameters("jinan", "actuated-pressure"),
            SimulationConfig.defaults(),
            3600,
            RunListener.NONE);
    EmergencyReport without = r.without().emergency();
    EmergencyReport with = r.with().emergency();
    assertThat(without.emergencyVehicles()).isEqualTo(10);
    assertThat(without.emergencyFinished()).isEqualTo(10);
    assertThat(with.emergencyFinished()).isEqualTo(10);
    assertThat(with.otherVehicles()).isEqualTo(6295);
    // measured: 380.2 s → 315.1 s (−17.1%); delay against free flow 72.6 s → 7.5 s
    assertThat(r.emergencyChange()).isLessThan(-0.15);
    assertThat(with.emergencyAverageDelayFinishedSeconds())
        .isLessThan(0.2 * without.emergencyAverageDelayFinishedSeconds());
    // measured: +0.17%
    assertThat(r.othersChange()).isLessThan(0.02);
    // the no-emergency accounting adds up: all vehicles = emergency + others
    double all = r.with().summary().averageTravelTimeSeconds() * r.with().summary().vehiclesSpawned();
    double parts =
        with.emergencyAverageTravelTimeSeconds() * with.emergencyVehicles()
            + with.othersAverageTravelTimeSeconds() * with.otherVehicles();
    assertThat(parts).isCloseTo(all, org.assertj.core.api.Assertions.within(1e-6 * all));
  }
}

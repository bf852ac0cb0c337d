package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.RealData;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden tests: every row of CityFlow's reference table (commit 81ee0f4, protocol of {@code
 * docs/traffic-protocol.md}) on the bundled real flows. In CityFlow-compatible mode citybrain
 * reproduces every figure exactly. In the default mode (overlap-free merging) the fidelity target
 * is ±5% on average travel time; it is asserted, and a 0.5% band on top catches drift.
 */
class GoldenCityFlowTest {

  @ParameterizedTest(name = "{0} {1} {2}: ATT {3}")
  @CsvSource({
    // city, flow, controller, ATT, ATT finished, finished, entered, spawned, in network, waiting, stopped, veh-steps
    "jinan, real, fixed-time, 516.79, 487.48, 4971, 6059, 6295, 1088, 236, 743, 2967783",
    "jinan, real, max-pressure, 329.46, 335.23, 5663, 6295, 6295, 632, 0, 176, 2073930",
    "jinan, real, roadnet-plan, 444.84, 435.34, 5256, 6166, 6295, 910, 129, 507, 2660837",
    "jinan, 2000, fixed-time, 434.84, 442.84, 3991, 4365, 4365, 374, 0, 199, 1898048",
    "jinan, 2000, max-pressure, 318.09, 324.10, 4106, 4365, 4365, 259, 0, 50, 1388449",
    "jinan, 2000, roadnet-plan, 378.41, 387.63, 4074, 4365, 4365, 291, 0, 116, 1651741",
    "hangzhou, real, fixed-time, 590.52, 566.73, 2412, 2893, 2983, 481, 90, 267, 1626552",
    "hangzhou, real, max-pressure, 360.31, 367.42, 2698, 2983, 2983, 285, 0, 57, 1074805",
    "hangzhou, real, roadnet-plan, 525.28, 519.50, 2508, 2946, 2983, 438, 37, 205, 1504747"
  })
  void reproducesCityFlowReferenceFigures(
      String city,
      String flow,
      String controller,
      double att,
      double attFinished,
      long finished,
      long entered,
      long spawned,
      int inNetwork,
      int waiting,
      int stopped,
      long vehicleSteps) {
    RunResult r =
        TrafficRunner.run(
            RealData.scenario(city, flow),
            controller,
            Map.of(),
            SimulationConfig.defaults().withCityFlowCompatible(true),
            3600,
            RunListener.NONE);
    RunSummary s = r.summary();
    assertThat(s.averageTravelTimeSeconds()).isCloseTo(att, within(0.006));
    assertThat(s.averageTravelTimeFinishedSeconds()).isCloseTo(attFinished, within(0.006));
    assertThat(s.vehiclesFinished()).isEqualTo(finished);
    assertThat(s.vehiclesEntered()).isEqualTo(entered);
    assertThat(s.vehiclesSpawned()).isEqualTo(spawned);
    assertThat(s.vehiclesInNetwork()).isEqualTo(inNetwork);
    assertThat(s.vehiclesWaitingToEnter()).isEqualTo(waiting);
    assertThat(s.queueLengthVehicles()).isEqualTo(stopped);
    assertThat(s.vehicleSteps()).isEqualTo(vehicleSteps);
    assertThat(r.completed()).isTrue();
  }

  @ParameterizedTest(name = "default mode {0} {1} {2}: ATT {3} ±5%")
  @CsvSource({
    "jinan, real, fixed-time, 516.79, 4971",
    "jinan, real, max-pressure, 329.46, 5663",
    "jinan, real, roadnet-plan, 444.84, 5256",
    "jinan, 2000, fixed-time, 434.84, 3991",
    "jinan, 2000, max-pressure, 318.09, 4106",
    "jinan, 2000, roadnet-plan, 378.41, 4074",
    "hangzhou, real, fixed-time, 590.52, 2412",
    "hangzhou, real, max-pressure, 360.31, 2698",
    "hangzhou, real, roadnet-plan, 525.28, 2508"
  })
  void defaultModeIsWithinFidelityTarget(String city, String flow, String controller, double att, long finished) {
    RunSummary s =
        TrafficRunner.run(
                RealData.scenario(city, flow), controller, Map.of(), SimulationConfig.defaults(), 3600, RunListener.NONE)
            .summary();
    assertThat(s.averageTravelTimeSeconds()).isCloseTo(att, within(att * 0.05));
    assertThat(s.averageTravelTimeSeconds()).isCloseTo(att, within(att * 0.005));
    assertThat((double) s.vehiclesFinished()).isCloseTo(finished, within(finished * 0.01));
  }

  @ParameterizedTest(name = "{0} {1}: {2} phase changes")
  @CsvSource({"jinan, real, 1928", "jinan, 2000, 1931", "hangzhou, real, 1929"})
  void maxPressurePhaseChangesMatchCityFlow(String city, String flow, long changes) {
    RunResult r =
        TrafficRunner.run(
            RealData.scenario(city, flow),
            "max-pressure",
            Map.of(),
            SimulationConfig.defaults().withCityFlowCompatible(true),
            3600,
            RunListener.NONE);
    assertThat(r.summary().phaseChanges()).isEqualTo(changes);
  }
}

package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.RealData;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants checked after every step over a matrix of real flows, controllers and seeds:
 * conservation of vehicles, consistent drivable lists, no overlap.
 */
class InvariantsTest {

  static Stream<Arguments> matrix() {
    long seed = 20261129L;
    Random random = new Random(seed);
    System.out.println("InvariantsTest seed " + seed);
    return Stream.of(
        Arguments.of("jinan", "real", "max-pressure", random.nextInt(1000)),
        Arguments.of("jinan", "2500", "fixed-time", random.nextInt(1000)),
        Arguments.of("hangzhou", "5816", "sotl", random.nextInt(1000)),
        Arguments.of("newyork", "real", "roadnet-plan", random.nextInt(1000)),
        Arguments.of("newyork", "real", "max-pressure", random.nextInt(1000)));
  }

  @ParameterizedTest(name = "{0} {1} {2} seed {3}")
  @MethodSource("matrix")
  void invariantsHoldAtEveryStep(String city, String flow, String controller, long seed) {
    Scenario scenario = RealData.scenario(city, flow);
    Simulation sim = scenario.newSimulation(SimulationConfig.defaults().withSeed(seed));
    SignalControllerProvider p = SignalControllers.require(controller);
    ParameterValues params = p.resolve(Map.of());
    SignalTimer timer = new SignalTimer(sim, p.create(params), p.timing(params));
    InvariantChecker checker = new InvariantChecker();
    sim.addObserver(checker);
    for (int k = 0; k < 1800; k++) {
      timer.beforeStep();
      sim.step();
    }
    assertThat(checker.steps()).isEqualTo(1800);
    assertThat(checker.minGapSeen()).isGreaterThanOrEqualTo(0.0);
    assertThat(sim.vehiclesFinished()).isPositive();
    System.out.printf(
        "%s %s %s: smallest gap %.3f m, smallest gap minus minGap %.3f m%n",
        city, flow, controller, checker.minGapSeen(), checker.minGapShortfallSeen());
  }
}

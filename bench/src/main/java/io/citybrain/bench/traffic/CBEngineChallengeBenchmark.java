package io.citybrain.bench.traffic;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.metrics.ChallengeScore;
import io.citybrain.traffic.sim.EngineRules;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The City Brain Challenge's final-round score on Nanchang flow 0 under the {@code cbengine2021}
 * rules, beside the published figures (IF_Bigdata's report, Table 3; D's and IntelligentLight's
 * reports; the shared benchmark reference {@code bench/cbengine-reference.md} §5): the time the challenge's delay
 * index first exceeds 1.40 (checks every 20 s at 20k − 1 s) and the vehicles served by then.
 */
public final class CBEngineChallengeBenchmark {
  /** The challenge's horizon, s: runs stop here if the limit is never passed. */
  public static final int HORIZON_SECONDS = 1200;

  /**
   * A published row.
   *
   * @param name the method as published
   * @param controller our implementation of it, or empty when we have none
   * @param limitSeconds time of the first check above 1.40, s
   * @param served vehicles served at that check
   * @param delayIndex the delay index of that check
   * @param source where it is published
   */
  public record Published(
      String name, Optional<String> controller, int limitSeconds, long served, double delayIndex, String source) {}

  /** The published rows on flow 0, best last. */
  public static final List<Published> PUBLISHED =
      List.of(
          new Published("fixed time (starter kit)", Optional.of("kdd-fixed-time"), 519, 37_672, 1.4033, "IF_Bigdata Table 3"),
          new Published("max pressure (starter kit)", Optional.of("kdd-max-pressure"), 699, 43_688, 1.4052, "IF_Bigdata Table 3"),
          new Published("longest queue first", Optional.empty(), 799, 47_747, 1.4038, "IF_Bigdata; bingo TP1"),
          new Published("DQN", Optional.empty(), 839, 48_590, 1.4087, "IF_Bigdata; D (single models)"),
          new Published("PPO / D's ensemble / IntelligentLight", Optional.empty(), 859, 49_048, 1.4097, "IF_Bigdata; D; IntelligentLight"));

  /**
   * One run's score.
   *
   * @param controller the controller's name
   * @param limit the first check above 1.40, or empty when none within the horizon
   * @param last the last check made
   * @param steps steps simulated
   * @param wallSeconds wall time of the step loop, s
   * @param vehicleSteps vehicles in the network summed over steps
   */
  public record Score(
      String controller, Optional<ChallengeScore.Check> limit, ChallengeScore.Check last, int steps, double wallSeconds,
      long vehicleSteps) {}

  private CBEngineChallengeBenchmark() {}

  /**
   * Runs one controller under the cbengine2021 rules until the delay index passes 1.40 or the
   * horizon ends.
   *
   * @param scenario the scenario (Nanchang flow 0 for the published rows)
   * @param controller a controller name
   * @param parameters its parameters (missing ones default)
   * @param threads worker threads
   * @param seed the random-braking seed
   */
  public static Score run(Scenario scenario, String controller, Map<String, Double> parameters, int threads, long seed) {
    return run(scenario, controller, parameters, threads, seed, EngineRules.CBENGINE_2021);
  }

  /** As {@link #run(Scenario, String, Map, int, long)} under the given CBEngine rules. */
  public static Score run(
      Scenario scenario, String controller, Map<String, Double> parameters, int threads, long seed, EngineRules rules) {
    SignalControllerProvider provider = SignalControllers.require(controller);
    ParameterValues params = ParameterValues.resolve("controller", controller, provider.parameters(), parameters);
    SimulationConfig config =
        SimulationConfig.defaults().withSeed(seed).withThreads(threads).withEngineRules(rules);
    ChallengeScore score = new ChallengeScore();
    try (Simulation sim = scenario.newSimulation(config)) {
      sim.addObserver(score);
      SignalTimer timer = new SignalTimer(sim, provider.create(params), provider.timing(params));
      long t0 = System.nanoTime();
      while (sim.stepCount() < HORIZON_SECONDS && !score.limitPassed()) {
        timer.beforeStep();
        sim.step();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      return new Score(controller, score.limitCheck(), score.lastCheck().orElseThrow(), sim.stepCount(), wall, sim.vehicleSteps());
    }
  }
}

package io.citybrain.bench.traffic;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.sumo.SumoScenarios;
import io.citybrain.traffic.metrics.TripInfoRecorder.TripStatistics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RESCO's benchmark (Ault and Sharon, "Reinforcement Learning Benchmarks for Traffic Signal
 * Control", NeurIPS 2021 Datasets and Benchmarks; repository {@code Pi-Star-Lab/RESCO} commit
 * fc65e91) on citybrain: its scenarios, its signal timing and its delay metric, with its published
 * figures beside ours.
 *
 * <p>Protocol as RESCO runs it ({@code main.py}, {@code multi_signal.py}, {@code
 * traffic_signal.py}, {@code map_config.py}): the sumocfg's one-hour window; a decision every 10 s
 * (arterial4x4: 5 s) among the program's green phases; a changed green is preceded by 3 s of yellow
 * (arterial4x4: 2 s) and holds for the rest of the interval (7 s, or 3 s), the same green simply
 * continues — in citybrain's timing terms {@code decisionIntervalSeconds} 10, {@code
 * yellowSeconds} 3, {@code minGreenSeconds} 7. Fixed time is the network's own program ({@code
 * roadnet-plan}), which RESCO's "Fixed time" data matches. Metric: average delay = timeLoss +
 * departDelay over every vehicle that entered, plus end − scheduled departure for vehicles
 * scheduled after the last one that entered ({@code utils/readXML.py}). Baselines are reported as
 * the mean over episodes (seeds), as RESCO reports them.
 *
 * <p>Differences that remain: the yellow citybrain shows between two greens is the program's first
 * yellow phase, not RESCO's generated one (each G/g turning r becomes y); citybrain's randomness
 * is only lane choice and tie-breaking, SUMO's `--random` episodes also vary driver behaviour.
 */
public final class RescoBenchmark {
  private RescoBenchmark() {}

  /** The six real-world maps, on which RESCO's table is printed. */
  public static final List<String> REAL_MAPS =
      List.of("cologne1", "cologne3", "cologne8", "ingolstadt1", "ingolstadt7", "ingolstadt21");

  /**
   * RESCO's published average delay (s) by controller and map, from its results data
   * ({@code utils/avg_timeLoss.py}, rows as {@code utils/graph.py} prints them: baselines the mean
   * over 30/100 episodes, learners the best episode). NaN: not reported.
   */
  public static final Map<String, double[]> PUBLISHED = published();

  private static Map<String, double[]> published() {
    Map<String, double[]> m = new LinkedHashMap<>();
    double n = Double.NaN;
    m.put("Fixed time", new double[] {56.61, 46.35, 63.77, 39.40, 91.31, 133.10});
    m.put("Greedy", new double[] {27.81, 90.67, 21.87, 28.32, 80.56, 76.32});
    m.put("Max pressure", new double[] {65.85, 162.28, 47.73, 23.62, 46.82, 136.72});
    m.put("IDQN", new double[] {26.05, 23.99, 22.06, 21.48, 31.19, 59.64});
    m.put("IPPO", new double[] {43.24, 24.03, 21.62, 20.90, 31.68, 93.11});
    m.put("MPLight", new double[] {28.74, 83.65, 60.42, n, 48.21, 78.16});
    m.put("MPLight*", new double[] {n, n, n, 28.31, n, n});
    m.put("FMA2C", new double[] {30.79, 26.86, 33.88, 27.00, 51.39, 90.29});
    return m;
  }

  /** RESCO's timing for a map as controller parameters. */
  public static Map<String, Double> timing(String map) {
    boolean arterial = map.startsWith("arterial");
    return Map.of(
        "decisionIntervalSeconds", arterial ? 5.0 : 10.0,
        "yellowSeconds", arterial ? 2.0 : 3.0,
        "minGreenSeconds", arterial ? 3.0 : 7.0);
  }

  /**
   * Mean RESCO delay of a controller over seeds 1..episodes on one map.
   *
   * @param sumocfg the map's configuration
   * @param controller a controller name; {@code roadnet-plan} runs the program without RESCO timing
   * @param extra further controller parameters (on top of RESCO's timing)
   * @return {mean delay s, min, max}
   */
  public static double[] delay(Path sumocfg, String controller, Map<String, Double> extra, int episodes)
      throws InputValidationException {
    String map = sumocfg.getFileName().toString().replace(".sumocfg", "");
    SumoScenarios.Loaded loaded = SumoScenarios.loadConfig(map, sumocfg);
    Map<String, Double> params = new LinkedHashMap<>();
    if (!controller.equals("roadnet-plan")) {
      params.putAll(timing(map));
    }
    params.putAll(extra);
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int e = 1; e <= episodes; e++) {
      TripStatistics s = SumoOracleBenchmark.runCitybrain(loaded, controller, params, e);
      sum += s.rescoDelaySeconds();
      min = Math.min(min, s.rescoDelaySeconds());
      max = Math.max(max, s.rescoDelaySeconds());
    }
    return new double[] {sum / episodes, min, max};
  }
}

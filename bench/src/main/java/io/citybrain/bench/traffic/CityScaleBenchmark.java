package io.citybrain.bench.traffic;

import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city-scale row of the benchmark: the bundled Nanchang network (KDD Cup 2021 City Brain
 * Challenge, 2,067 intersections) and its flow 0 for 3,600 simulated seconds under one controller,
 * once per thread count: wall time of the step loop, vehicle-steps per second, peak vehicles in
 * the network, peak heap, the figures of the run, and whether the results are identical at every
 * thread count (all summary figures but the timing ones).
 */
public final class CityScaleBenchmark {
  /** Summary fields that measure the machine, not the simulation. */
  public static final Set<String> TIMING_FIELDS =
      Set.of("wallSeconds", "vehicleStepsPerSecond", "threads", "meanDecisionMicroseconds");

  /**
   * One run.
   *
   * @param threads worker threads
   * @param loadSeconds time to read, validate and compile the scenario, s
   * @param result the run's results
   * @param peakHeapBytes peak heap use during the run (sum of heap pools' peaks), bytes
   */
  public record Row(int threads, double loadSeconds, RunResult result, long peakHeapBytes) {}

  private CityScaleBenchmark() {}

  /**
   * Runs Nanchang once per thread count.
   *
   * @param controller controller name
   * @param steps steps (3600 for the protocol)
   * @param threadCounts thread counts, e.g. {1, 2}
   */
  public static List<Row> run(String controller, int steps, int... threadCounts) throws InputValidationException {
    List<Row> rows = new ArrayList<>();
    for (int threads : threadCounts) {
      System.gc();
      HeapPeak.reset();
      long t0 = System.nanoTime();
      Scenario scenario = ScenarioLoader.loadBundled(BundledCity.NANCHANG, "flow0");
      double load = (System.nanoTime() - t0) / 1e9;
      RunResult r =
          TrafficRunner.run(
              scenario, controller, Map.of(), SimulationConfig.defaults().withThreads(threads), steps, RunListener.NONE);
      rows.add(new Row(threads, load, r, HeapPeak.bytes()));
    }
    return rows;
  }

  /** The run's summary without its timing fields, for comparing runs at different thread counts. */
  public static Map<String, Object> resultsWithoutTiming(RunResult r) {
    Map<String, Object> m = new LinkedHashMap<>(ResultFiles.summaryMap(r));
    TIMING_FIELDS.forEach(m::remove);
    return m;
  }

  /** True when every row's results (timing excluded) equal the first row's. */
  public static boolean identical(List<Row> rows) {
    Map<String, Object> first = resultsWithoutTiming(rows.get(0).result());
    return rows.stream().allMatch(r -> resultsWithoutTiming(r.result()).equals(first));
  }
}

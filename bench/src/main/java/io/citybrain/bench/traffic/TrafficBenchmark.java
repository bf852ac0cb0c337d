package io.citybrain.bench.traffic;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioFormat;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The end-to-end traffic benchmark of {@code docs/benchmarks.md}: the protocol (seed 0, 1 s steps,
 * 3600 steps, lane changing off) on the bundled flows, per flow and controller: outcome figures,
 * wall time of the step loop (controller included; median of {@code runs} after a warm-up run),
 * engine-only time, vehicle-steps per second, peak heap, and ratios to CityFlow's reference
 * figures where it was measured. It is a benchmark, not a test: it asserts nothing.
 */
public final class TrafficBenchmark {

  /**
   * One benchmark row.
   *
   * @param city city
   * @param flow flow name
   * @param controller controller name
   * @param averageTravelTimeSeconds our ATT, s
   * @param averageTravelTimeFinishedSeconds finished-only ATT, s
   * @param finished finished vehicles
   * @param vehicleSteps Σ vehicles in network over steps
   * @param loopSecondsMedian median wall time of the loop (controller included), s
   * @param loopSecondsMin fastest loop, s
   * @param engineSecondsMedian median time inside {@code Simulation.step()}, s
   * @param decisionMicrosMean mean controller decision time per intersection, µs
   * @param peakHeapBytes peak heap use during the runs, bytes
   * @param reference CityFlow's figures, when measured
   */
  public record Row(
      String city,
      String flow,
      String controller,
      double averageTravelTimeSeconds,
      double averageTravelTimeFinishedSeconds,
      long finished,
      long vehicleSteps,
      double loopSecondsMedian,
      double loopSecondsMin,
      double engineSecondsMedian,
      double decisionMicrosMean,
      long peakHeapBytes,
      Optional<CityFlowReference> reference) {

    /** Vehicle-steps per second of the median loop. */
    public double vehicleStepsPerSecond() {
      return vehicleSteps / loopSecondsMedian;
    }
  }

  private final int runs;
  private final int steps;

  /**
   * @param runs timed runs per row (after one warm-up), &ge; 1
   * @param steps steps per run (the protocol: 3600)
   */
  public TrafficBenchmark(int runs, int steps) {
    if (runs < 1 || steps < 1) {
      throw new IllegalArgumentException("runs and steps must be >= 1");
    }
    this.runs = runs;
    this.steps = steps;
  }

  /**
   * Every bundled real flow with every registered controller (the protocol's three baselines,
   * SOTL and the adaptive controllers), each with its default parameters.
   */
  public static List<String[]> defaultCases() {
    List<String[]> cases = new ArrayList<>();
    for (BundledCity c : BundledCity.values()) {
      if (c.format() != ScenarioFormat.CITYFLOW) {
        continue; // city scale has its own benchmark (CityScaleBenchmark)
      }
      for (String f : c.flowNames()) {
        for (String ctl : SignalControllers.names()) {
          cases.add(new String[] {c.cityName(), f, ctl});
        }
      }
    }
    return cases;
  }

  /**
   * Runs the given cases.
   *
   * @param cases {city, flow, controller} triples
   * @param onRow called as each row completes (for streaming output)
   */
  public List<Row> run(List<String[]> cases, Consumer<Row> onRow) throws InputValidationException {
    List<Row> rows = new ArrayList<>();
    for (String[] c : cases) {
      Row r = runOne(c[0], c[1], c[2]);
      rows.add(r);
      onRow.accept(r);
    }
    return rows;
  }

  /** Benchmarks one flow under one controller. */
  public Row runOne(String city, String flow, String controller) throws InputValidationException {
    Scenario scenario = ScenarioLoader.loadBundled(BundledCity.require(city), flow);
    SignalControllerProvider provider = SignalControllers.require(controller);
    ParameterValues params = provider.resolve(Map.of());
    double[] loop = new double[runs];
    double[] engine = new double[runs];
    Simulation last = null;
    long decisions = 0;
    long decisionNanos = 0;
    System.gc();
    HeapPeak.reset();
    for (int r = -1; r < runs; r++) {
      Simulation sim = scenario.newSimulation(SimulationConfig.defaults());
      SignalTimer timer = new SignalTimer(sim, provider.create(params), provider.timing(params));
      long engineNanos = 0;
      long t0 = System.nanoTime();
      for (int k = 0; k < steps; k++) {
        timer.beforeStep();
        long s0 = System.nanoTime();
        sim.step();
        engineNanos += System.nanoTime() - s0;
      }
      long t1 = System.nanoTime();
      if (r >= 0) {
        loop[r] = (t1 - t0) / 1e9;
        engine[r] = engineNanos / 1e9;
        decisions += timer.decisions();
        decisionNanos += timer.decisionNanos();
      }
      last = sim;
    }
    long peak = HeapPeak.bytes();
    return new Row(
        city,
        flow,
        controller,
        last.averageTravelTimeSeconds(),
        last.averageTravelTimeFinishedSeconds(),
        last.vehiclesFinished(),
        last.vehicleSteps(),
        median(loop),
        Arrays.stream(loop).min().orElse(Double.NaN),
        median(engine),
        decisions == 0 ? 0 : decisionNanos / 1e3 / decisions,
        peak,
        CityFlowReference.find(city, flow, controller));
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}

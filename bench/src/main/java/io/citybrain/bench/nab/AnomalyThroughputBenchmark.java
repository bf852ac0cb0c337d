package io.citybrain.bench.nab;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.SeriesGuard;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the anomaly detectors: points per second through detector and series guard over
 * the whole NAB corpus (365,558 points, every series from its first point, a fresh detector per
 * series), on one thread, in a warm JVM. Reading the corpus and scoring are excluded.
 *
 * <p>The engine is pluggable ({@link Engine}): {@link #EMBEDDED} calls the detector objects
 * directly, as the embedded live pipeline does. A stream engine's adapter (the Flink job of the
 * live module) is measured by passing its own {@code Engine} that pushes the same corpus through
 * the job and returns when every point has been scored; the table then shows both on the same
 * points.
 */
public final class AnomalyThroughputBenchmark {
  private AnomalyThroughputBenchmark() {}

  /** Runs a detector over every series of a corpus and returns the number of points scored. */
  @FunctionalInterface
  public interface Engine {
    long run(NabCorpus corpus, AnomalyDetectorProvider provider, ParameterValues parameters);
  }

  /** The embedded engine: one thread, series after series, detector behind a {@link SeriesGuard}. */
  public static final Engine EMBEDDED = (corpus, provider, parameters) -> {
    long points = 0;
    double sink = 0;
    for (NabSeries s : corpus.series()) {
      SeriesGuard guard = new SeriesGuard(provider.create(parameters,
          provider.usesSeriesHints() ? NabRunner.hints(s) : null));
      for (int i = 0; i < s.rows(); i++) {
        sink += guard.accept(s.timestampEpochSeconds(i), s.value(i)).score();
      }
      points += s.rows();
    }
    if (sink < 0) {
      throw new IllegalStateException("negative score sum"); // keeps the loop's results alive
    }
    return points;
  };

  /**
   * One detector's measurement.
   *
   * @param detector the detector's name
   * @param engine the engine's name
   * @param points points per run
   * @param medianSeconds median wall time of the timed runs
   * @param pointsPerSecond points / median seconds
   * @param microsecondsPerPoint median seconds / points, µs
   */
  public record Measurement(String detector, String engine, long points, double medianSeconds,
      double pointsPerSecond, double microsecondsPerPoint) {}

  /** Measures {@code provider} on {@code engine}: {@code warmups} untimed runs, then the median of {@code runs}. */
  public static Measurement measure(NabCorpus corpus, AnomalyDetectorProvider provider, String engineName, Engine engine,
      int warmups, int runs) {
    ParameterValues parameters = provider.resolve(Map.of());
    for (int k = 0; k < warmups; k++) {
      engine.run(corpus, provider, parameters);
    }
    double[] seconds = new double[runs];
    long points = 0;
    for (int k = 0; k < runs; k++) {
      long t0 = System.nanoTime();
      points = engine.run(corpus, provider, parameters);
      seconds[k] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[runs / 2];
    return new Measurement(provider.name(), engineName, points, median, points / median, median / points * 1e6);
  }

  /** Measures every provider on the embedded engine. */
  public static List<Measurement> embedded(NabCorpus corpus, List<AnomalyDetectorProvider> providers, int warmups,
      int runs) {
    List<Measurement> out = new ArrayList<>();
    for (AnomalyDetectorProvider p : providers) {
      out.add(measure(corpus, p, "embedded", EMBEDDED, warmups, runs));
    }
    return out;
  }

  /** The measurements as a table, with the machine's load while measuring. */
  public static String table(List<Measurement> measurements) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %-10s %10s %10s %14s %10s%n", "detector",
        "engine", "points", "median s", "points/s", "µs/point"));
    for (Measurement m : measurements) {
      sb.append(String.format(Locale.ROOT, "%-20s %-10s %,10d %10.3f %,14.0f %10.3f%n", m.detector(), m.engine(),
          m.points(), m.medianSeconds(), m.pointsPerSecond(), m.microsecondsPerPoint()));
    }
    sb.append("one thread, warm JVM, every NAB series from its first point through the series guard; corpus")
        .append(" reading and scoring excluded").append(System.lineSeparator());
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    sb.append(String.format(Locale.ROOT, "system load average %.1f on %d cores while measuring%s%n", load, cores,
        load > cores ? " (the machine was busy: figures are lower bounds)" : ""));
    return sb.toString();
  }
}

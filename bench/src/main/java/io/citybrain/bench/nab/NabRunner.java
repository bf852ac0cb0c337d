package io.citybrain.bench.nab;

import io.citybrain.live.anomaly.AnomalyDetector;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.PointStatus;
import io.citybrain.live.anomaly.SeriesGuard;
import io.citybrain.live.anomaly.SeriesHints;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a detector over a NAB corpus the way a live feed would: one fresh detector per series,
 * behind a {@link SeriesGuard}, fed each row once, in file order, and answered at once. Series
 * are independent, so they may run on several threads; the scores do not depend on how many.
 */
public final class NabRunner {
  private NabRunner() {}

  /**
   * A detector's anomaly scores on a corpus.
   *
   * @param scores one array per series, in corpus order, one score per row
   * @param statusCounts points per {@link PointStatus}, over the whole corpus
   * @param elapsedNanos wall time of the run
   */
  public record DetectorRun(List<double[]> scores, Map<PointStatus, Long> statusCounts, long elapsedNanos) {}

  /**
   * Runs {@code provider} with {@code parameters} over every series.
   *
   * @param threads worker threads, ≥ 1
   * @throws IllegalArgumentException for invalid parameters
   */
  public static DetectorRun run(NabCorpus corpus, AnomalyDetectorProvider provider, Map<String, Double> parameters,
      int threads) {
    ParameterValues resolved = provider.resolve(parameters);
    long t0 = System.nanoTime();
    List<NabSeries> all = corpus.series();
    List<double[]> scores = new ArrayList<>();
    List<Map<PointStatus, Long>> counts = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "nab-runner");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Object[]>> futures = new ArrayList<>();
      for (NabSeries s : all) {
        futures.add(pool.submit(() -> {
          SeriesGuard guard = new SeriesGuard(provider.create(resolved,
              provider.usesSeriesHints() ? hints(s) : null));
          return new Object[] {runSeries(s, guard), guard.counts()};
        }));
      }
      for (Future<Object[]> f : futures) {
        Object[] r = f.get();
        scores.add((double[]) r[0]);
        @SuppressWarnings("unchecked")
        Map<PointStatus, Long> c = (Map<PointStatus, Long>) r[1];
        counts.add(c);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + provider.name(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Map<PointStatus, Long> total = new EnumMap<>(PointStatus.class);
    for (Map<PointStatus, Long> c : counts) {
      c.forEach((k, v) -> total.merge(k, v, Long::sum));
    }
    return new DetectorRun(List.copyOf(scores), total, System.nanoTime() - t0);
  }

  /** Feeds every row of {@code s} to {@code guard}, returning one score per row. */
  public static double[] runSeries(NabSeries s, SeriesGuard guard) {
    double[] out = new double[s.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = guard.accept(s.timestampEpochSeconds(i), s.value(i)).score();
    }
    return out;
  }

  /** Runs one detector instance over one series, without a guard (for benchmarks and tests). */
  public static double[] runSeries(NabSeries s, AnomalyDetector detector) {
    double[] out = new double[s.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = detector.score(s.timestampEpochSeconds(i), s.value(i));
    }
    return out;
  }

  /** NAB's hints for a series: the minimum and maximum of its finite values and its probation. */
  public static SeriesHints hints(NabSeries s) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.rows(); i++) {
      double v = s.value(i);
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new SeriesHints(min, max, s.probationRows());
  }
}

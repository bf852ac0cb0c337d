package io.citybrain.live.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad points in a series: one answer per point, in order, and the detector never sees them. */
class SeriesGuardTest {
  /** Records what it is fed and scores each point with its own value (in [0, 1] for these tests). */
  private static final class Recorder implements AnomalyDetector {
    final List<long[]> seen = new ArrayList<>();

    @Override
    public double score(long t, double v) {
      seen.add(new long[] {t, (long) (v * 100)});
      return v;
    }
  }

  @Test
  void nanAndInfiniteValuesAreMissingAndNotFed() {
    Recorder r = new Recorder();
    SeriesGuard g = new SeriesGuard(r);
    assertThat(g.accept(0, 0.1)).isEqualTo(new SeriesGuard.GuardedScore(0.1, PointStatus.SCORED));
    assertThat(g.accept(60, Double.NaN)).isEqualTo(new SeriesGuard.GuardedScore(0.0, PointStatus.MISSING_VALUE));
    assertThat(g.accept(120, Double.POSITIVE_INFINITY).status()).isEqualTo(PointStatus.MISSING_VALUE);
    // no interval known yet after a single point, so no gap can be told
    assertThat(g.accept(180, 0.4)).isEqualTo(new SeriesGuard.GuardedScore(0.4, PointStatus.SCORED));
    assertThat(r.seen).extracting(p -> p[0]).containsExactly(0L, 180L);
    assertThat(g.counts()).containsEntry(PointStatus.MISSING_VALUE, 2L).containsEntry(PointStatus.SCORED, 2L);
  }

  @Test
  void duplicateAndOutOfOrderTimestampsScoreZeroAndKeepTheirPlace() {
    Recorder r = new Recorder();
    SeriesGuard g = new SeriesGuard(r);
    double[] answers = {
      g.accept(300, 0.1).score(), g.accept(600, 0.2).score(), g.accept(600, 0.9).score(),
      g.accept(450, 0.8).score(), g.accept(900, 0.3).score()
    };
    assertThat(answers).containsExactly(0.1, 0.2, 0.0, 0.0, 0.3);
    assertThat(r.seen).extracting(p -> p[0]).containsExactly(300L, 600L, 900L);
    assertThat(g.counts()).containsEntry(PointStatus.DUPLICATE_TIMESTAMP, 1L).containsEntry(PointStatus.OUT_OF_ORDER, 1L);
  }

  @Test
  void gapsAreFlaggedNotFilled() {
    Recorder r = new Recorder();
    SeriesGuard g = new SeriesGuard(r);
    g.accept(0, 0.1);
    g.accept(300, 0.1);
    assertThat(g.accept(600, 0.1).status()).isEqualTo(PointStatus.SCORED);
    assertThat(g.accept(1500, 0.1).status()).isEqualTo(PointStatus.SCORED); // 3 intervals: not yet a gap
    assertThat(g.accept(2700, 0.1).status()).isEqualTo(PointStatus.SCORED_AFTER_GAP); // 4 intervals
    assertThat(g.largestGapSeconds()).isEqualTo(1200);
    assertThat(r.seen).hasSize(5);
  }

  @Test
  void aDetectorScoreOutsideZeroToOneIsABugAndSaysWhich() {
    SeriesGuard g = new SeriesGuard((t, v) -> 1.5);
    assertThatThrownBy(() -> g.accept(0, 1.0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1.5").hasMessageContaining("[0, 1]");
  }

  /** The names of every anomaly detector in the algorithm registry: a new one is tested here too. */
  static List<String> detectorNames() {
    return AnomalyDetectors.domain().names();
  }

  /**
   * Every registered detector behind the guard: a series with NaNs, duplicate and out-of-order
   * timestamps and a gap gets one answer per point; the bad points score 0, and the good points
   * score exactly what the same detector gives the good points alone (nothing shifts).
   */
  @ParameterizedTest
  @MethodSource("detectorNames")
  void badPointsNeverShiftTheGoodPointsScores(String name) {
    AnomalyDetectorProvider p = AnomalyDetectors.byName(name);
    // 3,000 points of a 5-minute daily wave with a spike, bad points mixed in every 97 points
    List<long[]> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Boolean> good = new ArrayList<>();
    long t = 1_400_000_000L;
    for (int i = 0; i < 3000; i++) {
      t += i == 1500 ? 300L * 20 : 300L; // a gap of 20 intervals at point 1,500
      double v = 50 + 40 * Math.sin(2 * Math.PI * i / 288.0) + (i == 2500 ? 400 : 0);
      times.add(new long[] {t});
      values.add(v);
      good.add(true);
      if (i % 97 == 5) {
        times.add(new long[] {t}); // duplicate
        values.add(v + 1000);
        good.add(false);
        times.add(new long[] {t - 600}); // out of order
        values.add(v - 1000);
        good.add(false);
        times.add(new long[] {t + 1}); // a missing value (the next good point is later still)
        values.add(Double.NaN);
        good.add(false);
      }
    }
    SeriesGuard guarded = new SeriesGuard(p.create(Map.of(), null));
    AnomalyDetector alone = p.create(Map.of(), null);
    int answers = 0;
    for (int k = 0; k < times.size(); k++) {
      SeriesGuard.GuardedScore g = guarded.accept(times.get(k)[0], values.get(k));
      answers++;
      if (good.get(k)) {
        assertThat(g.score()).as("%s point %d", name, k).isEqualTo(alone.score(times.get(k)[0], values.get(k)));
      } else {
        assertThat(g.score()).as("%s bad point %d", name, k).isZero();
        assertThat(g.status()).isIn(PointStatus.DUPLICATE_TIMESTAMP, PointStatus.OUT_OF_ORDER, PointStatus.MISSING_VALUE);
      }
    }
    assertThat(answers).isEqualTo(times.size());
    assertThat(guarded.counts()).containsEntry(PointStatus.SCORED_AFTER_GAP, 1L)
        .containsEntry(PointStatus.DUPLICATE_TIMESTAMP, 31L).containsEntry(PointStatus.OUT_OF_ORDER, 31L)
        .containsEntry(PointStatus.MISSING_VALUE, 31L);
  }

  /** Every registered detector, behind the guard, on every kind of bad series: no crash, scores in [0, 1]. */
  @ParameterizedTest
  @MethodSource("detectorNames")
  void everyDetectorSurvivesBadSeries(String name) {
    AnomalyDetectorProvider p = AnomalyDetectors.byName(name);
    double[][] series = {
      {},                                  // nothing
      {5.0},                               // a single point
      {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, // constant
      {Double.NaN, Double.NaN, 1, Double.NaN, 2},
    };
    for (double[] values : series) {
      SeriesGuard g = new SeriesGuard(p.create(Map.of(), null));
      for (int i = 0; i < values.length; i++) {
        assertThat(g.accept(300L * i, values[i]).score()).isBetween(0.0, 1.0);
      }
    }
    // constant for a long time: no alarm at all
    SeriesGuard g = new SeriesGuard(p.create(Map.of(), null));
    for (int i = 0; i < 5000; i++) {
      assertThat(g.accept(300L * i, 7.25).score()).as("point %d", i).isLessThan(name.equals("range-break") ? 0.5 : 1.0);
    }
  }
}

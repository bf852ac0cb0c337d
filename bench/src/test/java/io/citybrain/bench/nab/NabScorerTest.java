package io.citybrain.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rules on hand-computed cases. */
class NabScorerTest {
  /** 100 rows (P = 15), one window of 10 rows at [40, 49]. */
  private static NabCorpus oneWindow() {
    long[] t = new long[100];
    for (int i = 0; i < t.length; i++) {
      t[i] = 300L * i;
    }
    return new NabCorpus(List.of(new NabSeries("cat/one.csv", t, new double[100], List.of(new NabWindow(40, 49)))));
  }

  private static double[] detections(int... rows) {
    double[] a = new double[100];
    for (int r : rows) {
      a[r] = 1.0;
    }
    return a;
  }

  private static double at(NabCorpus c, NabProfile p, double[] scores) {
    return new NabScorer(c).scoreAt(List.of(scores), p, 0.5).rawScore();
  }

  @Test
  void scaledSigmoidReferenceValues() {
    assertThat(NabScorer.scaledSigmoid(-1.0)).isCloseTo(0.9866143, within(1e-7));
    assertThat(NabScorer.scaledSigmoid(-0.5)).isCloseTo(0.848284, within(1e-6));
    assertThat(NabScorer.scaledSigmoid(0.0)).isEqualTo(0.0);
    assertThat(NabScorer.scaledSigmoid(1.0)).isCloseTo(-0.9866143, within(1e-7));
    assertThat(NabScorer.scaledSigmoid(3.0001)).isEqualTo(-1.0);
  }

  @Test
  void probationIsFifteenPercentCappedAt750() {
    assertThat(NabSeries.probationRows(100)).isEqualTo(15);
    assertThat(NabSeries.probationRows(4032)).isEqualTo(604);
    assertThat(NabSeries.probationRows(5000)).isEqualTo(750);
    assertThat(NabSeries.probationRows(22695)).isEqualTo(750);
    assertThat(NabSeries.probationRows(1)).isZero();
  }

  @Test
  void firstWindowRowIsWorthExactlyTheTruePositiveWeight() {
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(40))).isEqualTo(1.0);
    assertThat(at(oneWindow(), NabProfile.REWARD_LOW_FN, detections(40))).isEqualTo(1.0);
  }

  @Test
  void aMissedWindowCostsTheFalseNegativeWeight() {
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections())).isEqualTo(-1.0);
    assertThat(at(oneWindow(), NabProfile.REWARD_LOW_FN, detections())).isEqualTo(-2.0);
  }

  @Test
  void aFalseAlarmBeforeAnyWindowCostsTheFullWeightPerRow() {
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(20, 40))).isCloseTo(1.0 - 0.11, within(1e-15));
    assertThat(at(oneWindow(), NabProfile.REWARD_LOW_FP, detections(20, 21, 40))).isCloseTo(1.0 - 0.44, within(1e-15));
  }

  @Test
  void laterDetectionsInAWindowAreWorthLessAndCountOnce() {
    // row 45: y = -(49 - 45 + 1)/10 = -0.5
    double mid = 0.848284 / 0.9866143;
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(45))).isCloseTo(mid, within(1e-6));
    // an earlier detection wins; further ones add nothing
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(40, 45, 49))).isEqualTo(1.0);
    // last row: y = -1/10, sigma(-0.1) = 2/(1+e^-0.5) - 1
    double last = (2 / (1 + Math.exp(-0.5)) - 1) / 0.9866143;
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(49))).isCloseTo(last, within(1e-6));
  }

  @Test
  void aFalseAlarmAfterAWindowCostsLessNearIt() {
    // row 58: y = (58 - 49)/(10 - 1) = 1 -> 0.11 * sigma(1); row 50: y = 1/9
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(58))).isCloseTo(-1.0 - 0.11 * 0.9866143, within(1e-6));
    double near = 2 / (1 + Math.exp(5.0 / 9)) - 1;
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(50))).isCloseTo(-1.0 + 0.11 * near, within(1e-12));
    // beyond 3 window widths: the full weight
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(80))).isCloseTo(-1.11, within(1e-12));
  }

  @Test
  void probationaryRowsAreIgnored() {
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(0, 5, 14))).isEqualTo(-1.0);
    assertThat(at(oneWindow(), NabProfile.STANDARD, detections(15))).isCloseTo(-1.11, within(1e-12));
  }

  @Test
  void thresholdSweepPicksTheBestCandidateAndTheHighestAmongEquals() {
    NabScorer scorer = new NabScorer(oneWindow());
    double[] a = new double[100];
    a[20] = 0.9; // a false alarm
    a[41] = 0.8; // a hit on the window's second row
    a[60] = 0.3; // another false alarm
    // candidates: 1.1 -> -1; 0.9 -> -1.11; 0.8 -> -0.11 + v41; 0.3 -> v41 - 0.11 - 0.11*sigma(11/9)
    double v41 = NabScorer.scaledSigmoid(-0.9) / NabScorer.SIGMOID_AT_WINDOW_START;
    NabScorer.CorpusScore s = scorer.score(List.of(a), NabProfile.STANDARD);
    assertThat(s.threshold()).isEqualTo(0.8);
    assertThat(s.rawScore()).isCloseTo(v41 - 0.11, within(1e-12));
    assertThat(scorer.sweep(List.of(a), NabProfile.STANDARD)).extracting(NabScorer.SweepPoint::threshold)
        .containsExactly(1.1, 0.9, 0.8, 0.3, 0.0);
    // a constant detector: every candidate scores the same or worse; "no detection" (1.1) wins
    double[] flat = new double[100];
    Arrays.fill(flat, 0.5);
    assertThat(scorer.score(List.of(flat), NabProfile.STANDARD).threshold()).isEqualTo(1.1);
    assertThat(scorer.score(List.of(flat), NabProfile.STANDARD).normalizedScore()).isEqualTo(0.0);
  }

  @Test
  void normalisationMapsNullToZeroAndPerfectToHundred() {
    assertThat(NabScorer.normalize(-116, NabProfile.STANDARD, 116)).isEqualTo(0.0);
    assertThat(NabScorer.normalize(116, NabProfile.REWARD_LOW_FP, 116)).isEqualTo(100.0);
    assertThat(NabScorer.normalize(-232, NabProfile.REWARD_LOW_FN, 116)).isEqualTo(0.0);
    assertThat(NabScorer.normalize(0, NabProfile.REWARD_LOW_FN, 116)).isCloseTo(100.0 * 232 / 348, within(1e-12));
  }

  @Test
  void scoresOutsideZeroToOneAreRefusedNamingSeriesAndRow() {
    double[] a = new double[100];
    a[7] = Double.NaN;
    assertThatThrownBy(() -> new NabScorer(oneWindow()).score(List.of(a), NabProfile.STANDARD))
        .hasMessageContaining("cat/one.csv").hasMessageContaining("row 7");
    assertThatThrownBy(() -> new NabScorer(oneWindow()).score(List.of(new double[99]), NabProfile.STANDARD))
        .hasMessageContaining("expected 100 anomaly scores");
  }

  @Test
  void profilesParseByNabNameAndShortName() {
    assertThat(NabProfile.parse("reward_low_FP_rate")).isEqualTo(NabProfile.REWARD_LOW_FP);
    assertThat(NabProfile.parse("low-fn")).isEqualTo(NabProfile.REWARD_LOW_FN);
    assertThat(NabProfile.parse("Standard")).isEqualTo(NabProfile.STANDARD);
    assertThatThrownBy(() -> NabProfile.parse("strict")).hasMessageContaining("standard, low-fp, low-fn");
  }
}

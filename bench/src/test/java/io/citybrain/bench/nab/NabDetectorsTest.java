package io.citybrain.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.live.anomaly.AnomalyDetectors;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our detectors on the full NAB corpus, streamed through the runner and scored as NAB does. */
class NabDetectorsTest {
  private static NabScorer scorer;

  @BeforeAll
  static void load() throws IOException {
    scorer = new NabScorer(NabCorpusReader.bundled());
  }

  /**
   * The windowed Gaussian port gives NAB's published raw totals for that detector exactly, with
   * its scores at the precision NAB stored them (12 significant digits), and the same detections
   * (521 rows in windows, 409 outside).
   */
  @Test
  void windowedGaussianReproducesItsPublishedTotals() {
    List<double[]> scores = NabPrecision.round(
        NabRunner.run(scorer.corpus(), AnomalyDetectors.byName("windowed-gaussian"), Map.of(), 2).scores());
    NabEvaluation e = NabEvaluation.of("windowed-gaussian", scorer, scores);
    assertThat(e.scores().get(NabProfile.STANDARD).rawScore()).isCloseTo(-24.013, within(5e-4));
    assertThat(e.scores().get(NabProfile.REWARD_LOW_FP).rawScore()).isCloseTo(-67.586, within(5e-4));
    assertThat(e.scores().get(NabProfile.REWARD_LOW_FN).rawScore()).isCloseTo(-67.013, within(5e-4));
    assertThat(e.scores().get(NabProfile.STANDARD).truePositiveRows()).isEqualTo(521);
    assertThat(e.scores().get(NabProfile.STANDARD).falsePositiveRows()).isEqualTo(409);
    assertThat(e.scores().get(NabProfile.STANDARD).normalizedScore()).isCloseTo(39.6, within(0.05));
  }

  @Test
  void rangeBreakScoresWhatDocsSay() {
    NabRunner.DetectorRun run = NabRunner.run(scorer.corpus(), AnomalyDetectors.byName("range-break"), Map.of(), 2);
    NabEvaluation e = NabEvaluation.of("range-break", scorer, NabPrecision.round(run.scores()));
    // docs/anomaly-detection.md, version 3 (its one global parameter set)
    assertThat(e.scores().get(NabProfile.STANDARD).normalizedScore()).isCloseTo(73.31, within(0.01));
    assertThat(e.scores().get(NabProfile.REWARD_LOW_FP).normalizedScore()).isCloseTo(65.36, within(0.01));
    assertThat(e.scores().get(NabProfile.REWARD_LOW_FN).normalizedScore()).isCloseTo(78.18, within(0.01));
    assertThat(e.scores().get(NabProfile.STANDARD).windowsDetected()).isEqualTo(102);
    assertThat(e.scores().get(NabProfile.STANDARD).falsePositiveRows()).isEqualTo(174);
    // the same scores on one thread: series are independent
    NabRunner.DetectorRun single = NabRunner.run(scorer.corpus(), AnomalyDetectors.byName("range-break"), Map.of(), 1);
    for (int s = 0; s < run.scores().size(); s++) {
      assertThat(single.scores().get(s)).isEqualTo(run.scores().get(s));
    }
  }

  /**
   * Version 1's rule is version 3 with weights 1, no history penalty, no profile warm-up, rate
   * 0.05, no spike exclusion and a rest of 20 points.
   */
  @Test
  void rangeBreakVersionOneIsReachableByParameters() {
    Map<String, Double> v1 = Map.of("profileWarmup", 0.0, "valueWeight", 1.0, "levelWeight", 1.0,
        "historyPenaltyPoints", 0.0, "profileLearningRate", 0.05, "spikeExclusion", 0.0, "restPoints", 20.0);
    NabRunner.DetectorRun run = NabRunner.run(scorer.corpus(), AnomalyDetectors.byName("range-break"), v1, 2);
    NabEvaluation e = NabEvaluation.of("range-break", scorer, NabPrecision.round(run.scores()));
    assertThat(e.scores().get(NabProfile.STANDARD).normalizedScore()).isCloseTo(69.78, within(0.01));
    assertThat(e.scores().get(NabProfile.REWARD_LOW_FP).normalizedScore()).isCloseTo(62.52, within(0.01));
    assertThat(e.scores().get(NabProfile.REWARD_LOW_FN).normalizedScore()).isCloseTo(74.40, within(0.01));
  }
}

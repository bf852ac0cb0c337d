package io.citybrain.live.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The windowed Gaussian's rules on hand-computed cases (its NAB score is checked in bench). */
class WindowedGaussianDetectorTest {
  @Test
  void firstPointScoresZeroThenTailProbabilityOfPreviousValues() {
    WindowedGaussianDetector d = new WindowedGaussianDetector(6400, 100);
    assertThat(d.score(0, 10)).isZero();
    // window {10}: mean 10, std 0 -> 1e-6; 10 is at the mean: Q(0) = 0.5 -> score 0.5
    assertThat(d.score(1, 10)).isEqualTo(0.5);
    // window {10, 10, 12}: mean 32/3, population std sqrt(8/9); x = 12 -> z = (4/3)/(sqrt(8)/3) = sqrt(2)
    d.score(2, 12);
    double z = Math.sqrt(2);
    assertThat(d.score(3, 12)).isCloseTo(1 - 0.5 * org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2)), within(1e-15));
  }

  @Test
  void fullWindowSlidesByWholeSteps() {
    WindowedGaussianDetector d = new WindowedGaussianDetector(4, 2);
    for (int i = 0; i < 4; i++) {
      d.score(i, 0); // window {0,0,0,0}
    }
    d.score(4, 100); // buffered, window unchanged
    // still mean 0, std 1e-6: 1 is 1e6 sigma away -> exactly 1.0
    assertThat(d.score(5, 1)).isEqualTo(1.0); // this one completes the step: window {0,0,100,1}
    // mean 25.25, population std sqrt(((25.25^2)*2 + 74.75^2 + 24.25^2)/4)
    double mean = 25.25;
    double std = Math.sqrt((2 * mean * mean + 74.75 * 74.75 + 24.25 * 24.25) / 4);
    assertThat(d.score(6, mean)).isEqualTo(0.5);
    assertThat(WindowedGaussianDetector.tailProbability(mean + std, mean, std)).isCloseTo(0.158655, within(1e-6));
  }

  @Test
  void pairwiseSummationMatchesNumpyOrder() {
    double[] a = new double[300];
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.1;
    }
    // NumPy 2: np.add.reduce(np.array([0.1]*300)) == 29.999999999999996 and np.mean(...) ==
    // 0.09999999999999999 (pairwise); Python's plain sum() gives 30.000000000000156
    assertThat(WindowedGaussianDetector.pairwiseSum(a, 0, 300)).isEqualTo(29.999999999999996);
    assertThat(WindowedGaussianDetector.pairwiseSum(a, 0, 300) / 300).isEqualTo(0.09999999999999999);
  }
}

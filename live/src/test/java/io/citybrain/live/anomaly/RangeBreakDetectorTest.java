package io.citybrain.live.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


import io.citybrain.commons.algorithm.AlgorithmArtifact;
import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** range-break on hand-computed cases. */
class RangeBreakDetectorTest {
  /** window 100, no smoothing beyond 1 point, rest 5, 10 points of history, margin 0. */
  private static RangeBreakDetector small() {
    return new RangeBreakDetector(100, 1, 5, 10, 0.0, 0.1);
  }

  @Test
  void aValueAboveTheTrailingRangeAlarmsWithItsExcess() {
    RangeBreakDetector d = small();
    // hourly values alternating 0 and 10 (the daily profile needs a day: not involved here)
    for (int i = 0; i < 20; i++) {
      assertThat(d.score(3600L * i, i % 2 == 0 ? 0 : 10)).isZero();
    }
    // 15 exceeds the range [0, 10] by 0.5 ranges: 0.5 + 0.5 * 0.5 / 1.5
    assertThat(d.score(3600L * 20, 15)).isCloseTo(0.5 + 0.5 * 0.5 / 1.5, within(1e-12));
  }

  @Test
  void oneEventRaisesOneAlarmThenRests() {
    RangeBreakDetector d = small();
    for (int i = 0; i < 20; i++) {
      d.score(3600L * i, i % 2 == 0 ? 0 : 10);
    }
    assertThat(d.score(3600L * 20, 20)).isGreaterThan(0.5);
    for (int i = 21; i <= 25; i++) {
      assertThat(d.score(3600L * i, 40 + i)).as("resting at %d", i).isZero();
    }
    // rest over; 100 is beyond everything seen (including the resting points): a new alarm
    assertThat(d.score(3600L * 26, 100)).isGreaterThan(0.5);
  }

  @Test
  void noAlarmBeforeEnoughHistoryNorInsideTheRange() {
    RangeBreakDetector d = small();
    for (int i = 0; i < 10; i++) {
      assertThat(d.score(3600L * i, i * 1000.0)).isZero(); // rising, but under 10 points of history
    }
    for (int i = 10; i < 30; i++) {
      assertThat(d.score(3600L * i, 4500)).isZero();
    }
  }

  @Test
  void aDayWithTheWrongShapeIsCaughtByTheDailyProfile() {
    // 5-minute data, a daily sine between 0 and 100; on day 8 the afternoon stays flat at 50
    RangeBreakDetector d = new RangeBreakDetector(4000, 8, 50, 50, 0.0, 0.1);
    double worst = 0;
    int firstAlarm = -1;
    for (int i = 0; i < 288 * 9; i++) {
      double phase = 2 * Math.PI * (i % 288) / 288.0;
      double v = 50 + 50 * Math.sin(phase);
      boolean flat = i >= 288 * 8 + 60 && i < 288 * 8 + 200;
      double s = d.score(1_400_000_000L + 300L * i, flat ? 50 : v);
      if (i < 288 * 8 + 60) {
        worst = Math.max(worst, i > 288 ? s : 0);
      } else if (s > 0 && firstAlarm < 0) {
        firstAlarm = i;
      }
    }
    assertThat(worst).as("no alarm on normal days after the first").isZero();
    assertThat(firstAlarm).as("alarm soon after the flat part starts").isBetween(288 * 8 + 60, 288 * 8 + 80);
  }

  @Test
  void providerChecksParameters() {
    AnomalyDetectorProvider p = new RangeBreakDetector.Provider();
    assertThatThrownBy(() -> p.create(Map.of("restPoints", -1.0), null))
        .hasMessageContaining("parameter 'restPoints' of anomaly detector 'range-break' is -1.0")
        .hasMessageContaining("[0, 1000000] points");
    assertThatThrownBy(() -> p.create(Map.of("restPoints", 2.5), null)).hasMessageContaining("whole number of points");
    assertThatThrownBy(() -> p.create(Map.of("windowPoint", 5.0), null)).hasMessageContaining("unknown parameter 'windowPoint'")
        .hasMessageContaining("windowPoints");
    assertThatThrownBy(() -> p.create(Map.of("windowPoints", 5.0), null)).hasMessageContaining("minHistoryPoints");
  }

  /** The detectors are the anomaly-detection domain of the one algorithm registry, not a registry of their own. */
  @Test
  void detectorsAreInTheOneAlgorithmRegistry() {
    assertThat(AnomalyDetectors.byName("range-break")).isInstanceOf(RangeBreakDetector.Provider.class);
    assertThatThrownBy(() -> AnomalyDetectors.byName("nope"))
        .hasMessageContaining("unknown anomaly detector 'nope'; known: range-break, windowed-gaussian");
    AlgorithmProvider shared = AlgorithmRegistry.shared().require("windowed-gaussian");
    assertThat(shared.domain()).isEqualTo(AlgorithmDomain.ANOMALY_DETECTION);
    assertThat(AlgorithmRegistry.shared().all(AlgorithmDomain.ANOMALY_DETECTION)).extracting(AlgorithmProvider::name)
        .containsExactlyElementsOf(AnomalyDetectors.domain().names());
    AnomalyDetectorProvider p = AnomalyDetectors.byName("range-break");
    AlgorithmArtifact defaults = p.artifact(p.resolve(Map.of()));
    AlgorithmArtifact other = p.artifact(p.resolve(Map.of("restPoints", 21.0)));
    // the digest covers the detector's code (and its helper) and changes with a parameter value
    assertThat(defaults.code()).extracting(c -> c.className())
        .contains("io.citybrain.live.anomaly.RangeBreakDetector", "io.citybrain.live.anomaly.TrailingExtremes");
    assertThat(other.codeDigest()).isEqualTo(defaults.codeDigest());
    assertThat(other.digest()).isNotEqualTo(defaults.digest());
    assertThat(p.parameters()).allSatisfy(s -> assertThat(s.unit()).isNotBlank());
  }
}

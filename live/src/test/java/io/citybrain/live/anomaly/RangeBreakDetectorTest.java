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
  void theHistoryPenaltyAndTheWeightsScaleTheExcess() {
    // window 100, smoothing 1 (level = value), rest 5, 10 points of history, margin 0, rate 0.1,
    // value weight 2, level view off, residual weight 1, history penalty 2 points
    RangeBreakDetector d = new RangeBreakDetector(100, 1, 5, 10, 0.0, 0.1, 2.0, 0.0, 1.0, 2.0, false);
    for (int i = 0; i < 20; i++) {
      assertThat(d.score(3600L * i, i % 2 == 0 ? 0 : 10)).isZero();
    }
    // 15 over [0, 10] after 20 values: (0.5 − 2/20) × 2 = 0.8, scored 0.5 + 0.5 × 0.8 / 1.8
    assertThat(d.score(3600L * 20, 15)).isCloseTo(0.5 + 0.5 * 0.8 / 1.8, within(1e-12));
    // a break smaller than the penalty is no break: 10.5 is 0.05 ranges out, less than 2/26 ≈ 0.077
    RangeBreakDetector e = new RangeBreakDetector(100, 1, 0, 10, 0.0, 0.1, 1.0, 0.0, 0.0, 2.0, false);
    for (int i = 0; i < 26; i++) {
      e.score(3600L * i, i % 2 == 0 ? 0 : 10);
    }
    assertThat(e.score(3600L * 26, 10.5)).isZero();
  }

  @Test
  void profileWarmupAveragesASlotsFirstValuesEqually() {
    // hourly data: 24 slots of one hour; at 12:00 the values are 10, 20, 30 on days 0, 1, 2
    RangeBreakDetector warm = new RangeBreakDetector(1000, 1, 0, 10, 0.0, 0.1, 1.0, 1.0, 1.0, 0.0, true);
    RangeBreakDetector cold = new RangeBreakDetector(1000, 1, 0, 10, 0.0, 0.1);
    long noon = 12 * 3600L;
    for (int day = 0; day < 3; day++) {
      for (int h = 0; h < 24; h++) {
        double v = h == 12 ? 10.0 * (day + 1) : 5.0;
        warm.score(86_400L * day + 3600L * h, v);
        cold.score(86_400L * day + 3600L * h, v);
      }
      if (day == 1) {
        assertThat(warm.profileAt(noon)).isEqualTo(15.0); // mean of 10 and 20
        assertThat(cold.profileAt(noon)).isCloseTo(11.0, within(1e-12)); // 10 + 0.1 × (20 − 10)
      }
    }
    assertThat(warm.profileAt(noon)).isCloseTo(20.0, within(1e-12)); // mean of 10, 20, 30: 1/3 ≥ 0.1
    assertThat(cold.profileAt(noon)).isCloseTo(12.9, within(1e-12)); // 11 + 0.1 × (30 − 11)
  }

  /** window 100, smoothing 1, rest 3, 10 points of history, margin 0, value view only, exclusion above 0.5. */
  private static RangeBreakDetector excluding() {
    return new RangeBreakDetector(100, 1, 3, 10, 0.0, 0.1, 1.0, 0.0, 0.0, 0.0, false, 0.5);
  }

  @Test
  void aSpikeDoesNotWidenTheRangeSoTheNextSpikeOfItsSizeAlarmsToo() {
    RangeBreakDetector d = excluding();
    for (int i = 0; i < 20; i++) {
      d.score(3600L * i, i % 2 == 0 ? 0 : 10);
    }
    double first = d.score(3600L * 20, 30); // 2 ranges out of [0, 10]
    assertThat(first).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-12));
    for (int i = 21; i <= 24; i++) {
      assertThat(d.score(3600L * i, i % 2 == 0 ? 0 : 10)).isZero(); // 3 resting, then back in range
    }
    // the range is still [0, 10]: the same spike again is the same break
    assertThat(d.score(3600L * 25, 30)).isCloseTo(first, within(1e-12));
    // without exclusion (version 2) the first spike widened the range to [0, 30]
    RangeBreakDetector v2 = new RangeBreakDetector(100, 1, 3, 10, 0.0, 0.1, 1.0, 0.0, 0.0, 0.0, false);
    for (int i = 0; i < 20; i++) {
      v2.score(3600L * i, i % 2 == 0 ? 0 : 10);
    }
    assertThat(v2.score(3600L * 20, 30)).isEqualTo(first);
    for (int i = 21; i <= 24; i++) {
      v2.score(3600L * i, i % 2 == 0 ? 0 : 10);
    }
    assertThat(v2.score(3600L * 25, 30)).isZero();
  }

  @Test
  void aNewLevelIsAdmittedAfterTheRestWithoutASecondAlarm() {
    RangeBreakDetector d = excluding();
    for (int i = 0; i < 20; i++) {
      d.score(3600L * i, i % 2 == 0 ? 0 : 10);
    }
    assertThat(d.score(3600L * 20, 30)).isGreaterThan(0.5);
    for (int i = 21; i < 60; i++) {
      // resting (21–23), then still out of range at 24: the held values join the range, no alarm
      assertThat(d.score(3600L * i, 30)).as("point %d", i).isZero();
    }
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
    assertThatThrownBy(() -> p.create(Map.of("profileWarmup", 0.5), null)).hasMessageContaining("expected 0 or 1");
    assertThatThrownBy(() -> p.create(Map.of("spikeExclusion", 2.0), null)).hasMessageContaining("[0, 1]");
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

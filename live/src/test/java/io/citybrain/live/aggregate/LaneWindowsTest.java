package io.citybrain.live.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.live.contract.DetectorObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneWindowsTest {
  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

  private static DetectorObservation obs(int startSeconds, int seconds, int count, double occupancy, double speed) {
    return DetectorObservation.loop("d1", "r_0", T.plusSeconds(startSeconds), T.plusSeconds(startSeconds + seconds), count, occupancy, speed);
  }

  @Test
  void foldsByHandComputedAverages() {
    LaneWindows w = new LaneWindows(300);
    WindowAccumulator s = new WindowAccumulator();
    List<LaneAggregate> out = new ArrayList<>();
    // 08:00-08:05: 60 s at 0.10 with 10 veh at 10 m/s, 120 s at 0.40 with 2 veh at 4 m/s, 60 s empty
    assertThat(w.add(s, obs(0, 60, 10, 0.10, 10), out::add)).isTrue();
    assertThat(w.add(s, obs(60, 120, 2, 0.40, 4), out::add)).isTrue();
    assertThat(w.add(s, obs(180, 60, 0, 0.0, Double.NaN), out::add)).isTrue();
    assertThat(out).isEmpty();
    // the next window's first observation closes the first
    assertThat(w.add(s, obs(300, 60, 5, 0.2, 8), out::add)).isTrue();
    assertThat(out).singleElement().satisfies(a -> {
      assertThat(a.windowStartMillis()).isEqualTo(T.toEpochMilli());
      assertThat(a.windowEndMillis()).isEqualTo(T.plusSeconds(300).toEpochMilli());
      assertThat(a.observations()).isEqualTo(3);
      assertThat(a.count()).isEqualTo(12);
      assertThat(a.observedSeconds()).isEqualTo(240.0);
      // (0.1*60 + 0.4*120 + 0*60) / 240 = 54/240
      assertThat(a.occupancyMeanFraction()).isCloseTo(0.225, within(1e-12));
      assertThat(a.occupancyMinFraction()).isEqualTo(0.0);
      assertThat(a.occupancyMaxFraction()).isEqualTo(0.4);
      // (10*10 + 4*2) / 12 = 9 m/s
      assertThat(a.speedMeanMetersPerSecond()).isCloseTo(9.0, within(1e-12));
      assertThat(a.speedMinMetersPerSecond()).isEqualTo(4.0);
      assertThat(a.speedMaxMetersPerSecond()).isEqualTo(10.0);
      assertThat(a.flowVehiclesPerHour()).isCloseTo(180.0, within(1e-9));
    });
    // an observation for the emitted window is late and changes nothing
    assertThat(w.add(s, obs(240, 60, 7, 0.9, 1), out::add)).isFalse();
    w.flush(s, T.plusSeconds(599).toEpochMilli(), out::add);
    assertThat(out).hasSize(1);
    w.flush(s, T.plusSeconds(600).toEpochMilli(), out::add);
    assertThat(out).hasSize(2);
    assertThat(out.get(1).count()).isEqualTo(5);
    assertThat(out.get(1).speedMeanMetersPerSecond()).isEqualTo(8.0);
  }

  @Test
  void windowsAlignToTheEpoch() {
    LaneWindows w = new LaneWindows(300);
    assertThat(w.windowStart(T.plusSeconds(299).toEpochMilli())).isEqualTo(T.toEpochMilli());
    assertThat(w.windowStart(T.plusSeconds(301).toEpochMilli())).isEqualTo(T.plusSeconds(300).toEpochMilli());
    assertThat(w.windowStart(-1)).isEqualTo(-300_000);
  }

  @Test
  void aWindowWithoutSpeedsHasNoMeanSpeed() {
    LaneWindows w = new LaneWindows(60);
    WindowAccumulator s = new WindowAccumulator();
    List<LaneAggregate> out = new ArrayList<>();
    w.add(s, obs(0, 60, 0, 0, Double.NaN), out::add);
    w.flush(s, Long.MAX_VALUE, out::add);
    assertThat(out.get(0).speedMeanMetersPerSecond()).isNaN();
    assertThat(out.get(0).speedMinMetersPerSecond()).isNaN();
    assertThat(s.isOpen()).isFalse();
  }
}

package io.citybrain.live.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.contract.DetectorObservation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DetectorHealthRulesTest {
  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
  private final DetectorHealthRules rules = new DetectorHealthRules(new HealthLimits(10, 300, 1800, 3000));

  private static DetectorObservation obs(int start, int count, double occupancy) {
    return DetectorObservation.loop("d1", "r_0", T.plusSeconds(start), T.plusSeconds(start + 60), count, occupancy, 5);
  }

  @Test
  void silenceIsDeclaredAfterTheLimitAndEndsWithTheNextReport() {
    DetectorHealthState s = new DetectorHealthState();
    assertThat(rules.check(s, T.toEpochMilli())).isEqualTo(DetectorStatus.SILENT);
    assertThat(rules.observe(s, obs(0, 10, 0.2))).isEqualTo(DetectorStatus.OK);
    long end = T.plusSeconds(60).toEpochMilli();
    assertThat(rules.check(s, end + 10_000)).isEqualTo(DetectorStatus.OK);
    assertThat(rules.check(s, end + 10_001)).isEqualTo(DetectorStatus.SILENT);
    assertThat(rules.observe(s, obs(60, 10, 0.2))).isEqualTo(DetectorStatus.OK);
  }

  @Test
  void fullOccupancyForFiveMinutesIsMaxPresence() {
    DetectorHealthState s = new DetectorHealthState();
    for (int m = 0; m < 4; m++) {
      assertThat(rules.observe(s, obs(60 * m, 0, 1.0))).isEqualTo(DetectorStatus.OK);
    }
    // the fifth full minute reaches 300 s of presence
    assertThat(rules.observe(s, obs(240, 0, 1.0))).isEqualTo(DetectorStatus.MAX_PRESENCE);
    assertThat(rules.observe(s, obs(300, 3, 0.3))).isEqualTo(DetectorStatus.OK);
  }

  @Test
  void moreVehiclesThanALaneCarriesIsErratic() {
    DetectorHealthState s = new DetectorHealthState();
    // 3,000 veh/h over 60 s is 50 vehicles; 52 is still allowed (two-vehicle margin), 53 is not
    assertThat(rules.observe(s, obs(0, 52, 0.5))).isEqualTo(DetectorStatus.OK);
    assertThat(rules.observe(s, obs(60, 53, 0.5))).isEqualTo(DetectorStatus.ERRATIC_COUNTS);
  }

  @Test
  void noVehicleForHalfAnHourIsNoActivity() {
    DetectorHealthState s = new DetectorHealthState();
    DetectorStatus last = null;
    for (int m = 0; m < 30; m++) {
      last = rules.observe(s, obs(60 * m, 0, 0));
    }
    assertThat(last).isEqualTo(DetectorStatus.NO_ACTIVITY);
    assertThat(rules.observe(s, obs(1800, 1, 0.01))).isEqualTo(DetectorStatus.OK);
  }
}

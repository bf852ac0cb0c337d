package io.citybrain.live.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.LiveFixtures;
import io.citybrain.live.contract.ControlSource;
import io.citybrain.live.field.FieldPace;
import io.citybrain.live.field.FieldSummary;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.traffic.sim.Scenario;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A detector rack goes silent: the centre stops commanding the junctions that need its lanes, their
 * cabinets reach the fixed plan within the stated time (staleness limit + the longest hold + the
 * command grace), and when the rack reports again the centre takes them back.
 */
class SilentDetectorTest {
  @Test
  void aSilentStationDegradesItsJunctionsToTheFixedPlanAndTheyRecover() throws Exception {
    Scenario jinan = LiveFixtures.scenario("jinan");
    LoopSettings settings = new LoopSettings(1, 5, 2, Duration.ofMillis(100));
    String junction = "intersection_1_1";
    long[] silencedAt = {-1};
    long[] localAt = {-1};
    long[] restoredAt = {-1};
    long[] centralAgainAt = {-1};
    // lock-step waits for due commands at most 1 s: a degraded junction's never come, and on a
    // loaded machine (load 20 on 2 cores) commands take up to 0.5 s, so 0.3 s let most expire
    try (LiveFixtures.Loop live = new LiveFixtures.Loop(jinan, "max-pressure", FieldPace.lockStep(1_000), settings,
        HealthLimits.DEFAULTS, 2, null)) {
      FieldSummary f = live.field.run(240, k -> {
        ControlSource src = live.field.cabinets().source(junction);
        if (k == 60) {
          live.field.silence(Set.of(junction));
          silencedAt[0] = k;
        }
        if (silencedAt[0] >= 0 && localAt[0] < 0 && src == ControlSource.LOCAL_PLAN) {
          localAt[0] = k;
        }
        if (k == 150) {
          live.field.silence(Set.of());
          restoredAt[0] = k;
        }
        if (restoredAt[0] >= 0 && centralAgainAt[0] < 0 && src == ControlSource.CENTRAL) {
          centralAgainAt[0] = k;
        }
      });
      assertThat(live.centre.pipeline().awaitDrained(Duration.ofSeconds(10))).isTrue();
      // the stated time: noticed after the staleness limit, the last command's hold then runs out
      // (at most a yellow plus the longer of minimum green and decision interval), then the grace
      var p = io.citybrain.traffic.control.SignalControllers.require("max-pressure");
      var timing = p.timing(p.resolve(java.util.Map.of()));
      double bound = settings.staleAfterSeconds() + timing.yellowSeconds()
          + Math.max(timing.minGreenSeconds(), timing.decisionIntervalSeconds()) + 2 + 1;
      assertThat(localAt[0]).as("reached the fixed plan").isPositive();
      assertThat((double) (localAt[0] - silencedAt[0])).isLessThanOrEqualTo(bound);
      assertThat(live.loop.stats().degradations()).isPositive();
      assertThat(centralAgainAt[0]).as("taken back by the centre").isPositive();
      assertThat(live.loop.isDegraded(junction)).isFalse();
      assertThat(f.fallbacks()).isPositive();
      assertThat(live.centre.pipeline().reconciliation().balanced()).isTrue();
    }
  }
}

package io.citybrain.live.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.LiveFixtures;
import io.citybrain.live.field.CommandOutcome;
import io.citybrain.live.field.FieldPace;
import io.citybrain.live.field.FieldSummary;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.ingest.Reconciliation;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live loop (field and centre joined through the message contracts, every step waiting for its
 * commands) gives the offline run's result exactly: the same controller, seeing the same detector
 * data, shows the same phases, so the average travel time is equal to the last bit.
 */
class LiveLoopAgreementTest {
  @Test
  void maxPressureLiveEqualsOffline() throws Exception {
    assertAgreement("max-pressure", 240);
  }

  /** Checks one controller on Jinan's first {@code steps} seconds. */
  static void assertAgreement(String controller, int steps) throws Exception {
    final int STEPS = steps;
    Scenario jinan = LiveFixtures.scenario("jinan");
    double offline = TrafficRunner.run(jinan, controller, Map.of(), SimulationConfig.defaults(), STEPS, RunListener.NONE)
        .summary().averageTravelTimeSeconds();
    try (LiveFixtures.Loop live = new LiveFixtures.Loop(jinan, controller, FieldPace.lockStep(10_000),
        LoopSettings.defaults(), HealthLimits.DEFAULTS, 2, null)) {
      FieldSummary f = live.field.run(STEPS, k -> {});
      assertThat(live.centre.pipeline().awaitDrained(Duration.ofSeconds(30))).isTrue();
      assertThat(f.averageTravelTimeSeconds()).isEqualTo(offline);
      assertThat(f.localDecisions()).as("every decision came from the centre").isZero();
      assertThat(f.fallbacks()).isZero();
      assertThat(f.commandOutcomes().get(CommandOutcome.ACCEPTED)).isEqualTo(f.commandsReceived()).isPositive();
      Reconciliation r = live.centre.pipeline().reconciliation();
      // 601 reports per station (the initial one, then one per step), one observation per lane
      assertThat(r.observationsReceived()).isEqualTo(f.observationsPublished());
      assertThat(r.observationsStored()).isEqualTo(f.observationsPublished());
      assertThat(r.observationsAggregated()).isEqualTo(f.observationsPublished());
      assertThat(r.balanced()).isTrue();
      assertThat(r.reportsMissing()).isZero();
      assertThat(live.store.observationCount()).isEqualTo((int) f.observationsPublished());
    }
  }
}

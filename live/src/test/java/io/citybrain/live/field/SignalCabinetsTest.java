package io.citybrain.live.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.LiveFixtures;
import io.citybrain.live.contract.ControlSource;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.control.SignalTiming;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Safety at the edge: what a cabinet refuses, and its return to the fixed plan when commands stop. */
class SignalCabinetsTest {
  private static final SignalTiming TIMING = new SignalTiming(10, 5, 10);
  private static final double GRACE = 2;

  private Simulation sim;
  private SignalCabinets cabinets;
  private FieldClock clock;
  private final List<SignalState> states = new ArrayList<>();
  private IntersectionLayout junction;
  private long seq;

  @BeforeEach
  void setUp() {
    Scenario jinan = LiveFixtures.scenario("jinan");
    sim = jinan.newSimulation(SimulationConfig.defaults());
    clock = new FieldClock(LiveFixtures.ORIGIN_MILLIS, 1);
    SignalControllerProvider fixed = SignalControllers.require("fixed-time");
    ParameterValues fp = fixed.resolve(Map.of());
    cabinets = new SignalCabinets(sim, new LaneTable(jinan.compiled()), clock, TIMING, fixed.create(fp), fixed.timing(fp), GRACE,
        states::add);
    junction = cabinets.layouts().get(0);
  }

  @AfterEach
  void tearDown() {
    sim.close();
  }

  private SignalCommand command(int phase, long sinceStep, long untilStep, long expiresStep) {
    return new SignalCommand(junction.id(), seq++, phase, clock.instantOfStep(sinceStep), clock.instantOfStep(untilStep),
        clock.instantOfStep(expiresStep), Instant.now(), "test@1");
  }

  private void step(boolean fallBackNow) {
    cabinets.beforeStep(fallBackNow);
    sim.step();
  }

  private int green(int n) {
    return junction.greenPhases().get(n);
  }

  @Test
  void refusesExpiredWrongPhaseOldAndTooEarlyCommands() {
    cabinets.receive(command(green(1), 0, 20, 2));
    step(true);
    assertThat(sim.phase(junction.index())).isEqualTo(green(1));
    assertThat(cabinets.source(junction.id())).isEqualTo(ControlSource.CENTRAL);

    // a command whose expiry has passed when it arrives (at step 1, it expired at step 0.5)
    SignalCommand expired = new SignalCommand(junction.id(), seq++, green(2), clock.instantOfStep(0), clock.instantOfStep(30),
        clock.instantOfStep(0).plusMillis(500), Instant.now(), "test@1");
    cabinets.receive(expired);
    step(true);
    assertThat(cabinets.outcomes().get(CommandOutcome.EXPIRED)).isEqualTo(1);
    // the yellow is the cabinet's own: a command may not name it
    cabinets.receive(command(junction.yellowPhase(), 2, 30, 4));
    step(true);
    assertThat(cabinets.outcomes().get(CommandOutcome.NOT_A_GREEN)).isEqualTo(1);
    // a repeat of an old number
    cabinets.receive(new SignalCommand(junction.id(), 0, green(2), clock.instantOfStep(3), clock.instantOfStep(30),
        clock.instantOfStep(5), Instant.now(), "test@1"));
    step(true);
    assertThat(cabinets.outcomes().get(CommandOutcome.STALE_SEQUENCE)).isEqualTo(1);
    // a change 4 s into a 10 s minimum green
    cabinets.receive(command(green(2), 4, 30, 6));
    step(true);
    assertThat(cabinets.outcomes().get(CommandOutcome.MIN_GREEN)).isEqualTo(1);
    assertThat(sim.phase(junction.index())).as("nothing refused changed the junction").isEqualTo(green(1));
    assertThat(cabinets.outcomes().get(CommandOutcome.ACCEPTED)).isEqualTo(1);
  }

  @Test
  void returnsToItsFixedPlanAtTheHoldsEndPlusGraceAndBackToCentralOnTheNextValidCommand() {
    cabinets.receive(command(green(1), 0, 20, 2));
    long fellBackAt = -1;
    for (int k = 0; k < 40; k++) {
      step(false);
      if (fellBackAt < 0 && cabinets.source(junction.id()) == ControlSource.LOCAL_PLAN) {
        fellBackAt = k;
      }
    }
    // held to step 20, kept while the command may come (grace 2 s), local plan at step 22
    assertThat(fellBackAt).isEqualTo(20 + (long) GRACE);
    assertThat(cabinets.fallbacks()).isEqualTo(1);
    assertThat(states.stream().filter(s -> s.intersectionId().equals(junction.id())).reduce((a, b) -> b).orElseThrow().source())
        .isEqualTo(ControlSource.LOCAL_PLAN);

    // the centre comes back: a valid command during the local plan's green takes over at once
    int shown = sim.phase(junction.index());
    cabinets.receive(command(shown, 40, 50, 42));
    step(false);
    assertThat(cabinets.source(junction.id())).isEqualTo(ControlSource.CENTRAL);
  }
}

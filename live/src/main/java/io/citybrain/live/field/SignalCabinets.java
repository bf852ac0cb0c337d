package io.citybrain.live.field;

import io.citybrain.live.contract.ControlSource;
import io.citybrain.live.contract.PhaseKind;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.PhaseDecision;
import io.citybrain.traffic.control.SignalController;
import io.citybrain.traffic.control.SignalTiming;
import io.citybrain.traffic.sim.IntersectionLayouts;
import io.citybrain.traffic.sim.Simulation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The field's signal controllers (one cabinet per signalised junction of a simulation): they show
 * the centre's decisions and keep the junction safe on their own, as a cabinet's controller and
 * conflict monitor do.
 *
 * <p>Safety at the edge, checked again for every command: it must not have expired on arrival, must
 * be newer than the last one applied, must name a green phase (the cabinet inserts the yellow
 * change itself, so the sequence is always green → yellow → green), and must not end the green shown
 * before its minimum green. A yellow is never cut short. A refused command changes nothing.
 *
 * <p>Fallback: each cabinet starts on its local fixed plan. When a decision is due (the held green
 * ends) and no valid command has come for {@code commandGraceSeconds}, the cabinet keeps the green
 * shown meanwhile and then returns to its local plan, which it runs until a valid command comes.
 * So when commands stop, a junction is on its fixed plan at most the remaining hold plus the grace
 * after the last command.
 *
 * <p>Timing is that of {@link io.citybrain.traffic.sim.SignalTimer} (the offline engine): at step
 * 0 the first decision is shown at once; a kept green is held to the command's {@code until}; a
 * different green is preceded by the yellow phase for the yellow time and then held to {@code
 * until}, and at least the minimum green. With every command on time, a live run therefore shows
 * exactly the phases the offline run shows.
 *
 * <p>Commands arrive on any thread ({@link #receive}); everything else runs on the simulation's
 * thread.
 */
public final class SignalCabinets {
  private static final byte GREEN = 0;
  private static final byte YELLOW = 1;

  private final Simulation sim;
  private final LaneTable lanes;
  private final FieldClock clock;
  private final SignalTiming timing;
  private final SignalController localPlan;
  private final SignalTiming localTiming;
  private final List<IntersectionLayout> layouts;
  private final Map<String, Integer> byId = new HashMap<>();
  private final CabinetObservation observation;
  private final Consumer<SignalState> stateOut;
  private final double commandGraceSeconds;
  private final int yellowSteps;
  private final int minGreenSteps;

  private final byte[] mode;
  private final long[] until;
  private final int[] next;
  private final long[] nextHold;
  private final long[] phaseStart; // by intersection index (the observation asks by it)
  private final ControlSource[] source;
  private final long[] lastSeq;
  private final SignalCommand[] pending;
  private final long[] dueSince;
  private final long[] stateSeq;
  private final ConcurrentLinkedQueue<SignalCommand> inbox = new ConcurrentLinkedQueue<>();
  private final Map<CommandOutcome, AtomicLong> outcomes = new EnumMap<>(CommandOutcome.class);
  private final AtomicLong fallbacks = new AtomicLong();
  private final AtomicLong centralDecisions = new AtomicLong();
  private final AtomicLong localDecisions = new AtomicLong();

  /**
   * @param sim the simulation at step 0
   * @param lanes its lanes
   * @param clock the field's clock
   * @param timing minimum green, yellow; the same as the centre's controller uses
   * @param localPlan the fixed plan each cabinet falls back to (a fresh controller)
   * @param localTiming the fixed plan's own timing (its green and yellow times)
   * @param commandGraceSeconds how long a due decision waits for a command before the local plan
   *     takes over, s &ge; 0
   * @param stateOut receives every signal state change
   */
  public SignalCabinets(
      Simulation sim,
      LaneTable lanes,
      FieldClock clock,
      SignalTiming timing,
      SignalController localPlan,
      SignalTiming localTiming,
      double commandGraceSeconds,
      Consumer<SignalState> stateOut) {
    if (!(commandGraceSeconds >= 0)) {
      throw new IllegalArgumentException("commandGraceSeconds must be >= 0, got " + commandGraceSeconds);
    }
    this.sim = sim;
    this.lanes = lanes;
    this.clock = clock;
    this.timing = timing;
    this.localPlan = localPlan;
    this.localTiming = localTiming;
    this.layouts = IntersectionLayouts.of(sim.network());
    this.stateOut = stateOut;
    this.commandGraceSeconds = commandGraceSeconds;
    this.observation = new CabinetObservation(sim, this);
    double dt = sim.intervalSeconds();
    this.yellowSteps = (int) Math.round(timing.yellowSeconds() / dt);
    this.minGreenSteps = Math.max(1, (int) Math.round(timing.minGreenSeconds() / dt));
    int n = layouts.size();
    mode = new byte[n];
    until = new long[n];
    next = new int[n];
    nextHold = new long[n];
    phaseStart = new long[sim.network().intersectionCount()];
    source = new ControlSource[n];
    lastSeq = new long[n];
    pending = new SignalCommand[n];
    dueSince = new long[n];
    stateSeq = new long[n];
    for (int j = 0; j < n; j++) {
      byId.put(layouts.get(j).id(), j);
      source[j] = ControlSource.LOCAL_PLAN;
      lastSeq[j] = -1;
      dueSince[j] = -1;
    }
    for (CommandOutcome o : CommandOutcome.values()) {
      outcomes.put(o, new AtomicLong());
    }
    localPlan.init(layouts);
  }

  /** The junctions, as the centre's controller sees them. */
  public List<IntersectionLayout> layouts() {
    return layouts;
  }

  LaneTable lanes() {
    return lanes;
  }

  /** Hands a command over (any thread); it is checked and applied before the next step. */
  public void receive(SignalCommand command) {
    inbox.add(command);
  }

  /**
   * Takes in the commands that arrived and counts the junctions whose decision is due at the
   * coming step and that wait for the centre: the field's lock-step pace waits until this is 0.
   */
  public int awaitingCommands() {
    long k = sim.stepCount();
    drainInbox(k);
    int waiting = 0;
    for (int j = 0; j < layouts.size(); j++) {
      boolean due = k == 0 || (mode[j] == GREEN && k >= until[j]);
      if (due && pending[j] == null) {
        waiting++;
      }
    }
    return waiting;
  }

  /**
   * Applies due decisions for the coming step; call before every {@link Simulation#step()}.
   *
   * @param fallBackNow true to let due junctions without a command take their local plan at once
   *     (the lock-step pace after its wait), false to let them wait the command grace first
   */
  public void beforeStep(boolean fallBackNow) {
    long k = sim.stepCount();
    drainInbox(k);
    double dt = sim.intervalSeconds();
    for (int j = 0; j < layouts.size(); j++) {
      IntersectionLayout layout = layouts.get(j);
      int i = layout.index();
      SignalCommand cmd = pending[j];
      if (k != 0 && k < until[j]) {
        if (mode[j] == GREEN && cmd != null && clock.stepAtOrAfter(cmd.since()) <= k) {
          // an early decision (pre-emption, or a centre resynchronising): checked like any other
          applyCommand(j, cmd, k);
        }
        continue;
      }
      if (k != 0 && mode[j] == YELLOW) {
        if (cmd != null && clock.stepAtOrAfter(cmd.since()) <= k) {
          // decided again at the end of the yellow: the green that follows changes
          next[j] = cmd.phase();
          nextHold[j] = Math.max(minGreenSteps, clock.stepAtOrAfter(cmd.until()) - k);
          accept(j, cmd);
        }
        show(j, i, next[j], k);
        mode[j] = GREEN;
        until[j] = k + nextHold[j];
        publish(j, k);
        continue;
      }
      if (cmd != null) {
        dueSince[j] = -1;
        applyCommand(j, cmd, k);
        continue;
      }
      if (source[j] == ControlSource.CENTRAL && !fallBackNow) {
        if (dueSince[j] < 0) {
          dueSince[j] = k;
        }
        if ((k - dueSince[j]) * dt < commandGraceSeconds) {
          until[j] = k + 1; // keep the green one more step while the command may still come
          continue;
        }
      }
      if (source[j] == ControlSource.CENTRAL) {
        fallbacks.incrementAndGet();
      }
      dueSince[j] = -1;
      source[j] = ControlSource.LOCAL_PLAN;
      PhaseDecision d = localPlan.decide(layout, observation);
      localDecisions.incrementAndGet();
      int holdSteps = holdSteps(d, k == 0 || d.phase() != sim.phase(i), localTiming);
      decide(j, i, d.phase(), k, holdSteps);
    }
  }

  private int holdSteps(PhaseDecision d, boolean change, SignalTiming t) {
    double hold = d.holdSeconds();
    if (Double.isNaN(hold)) {
      hold = change ? t.minGreenSeconds() : t.decisionIntervalSeconds();
    }
    if (change) {
      hold = Math.max(hold, Math.max(t.minGreenSeconds(), timing.minGreenSeconds()));
    }
    return Math.max(1, (int) Math.round(hold / sim.intervalSeconds()));
  }

  /** Shows decision {@code p} at step k as the offline timer does; holdSteps after any yellow. */
  private void decide(int j, int i, int p, long k, long holdSteps) {
    IntersectionLayout layout = layouts.get(j);
    int cur = sim.phase(i);
    if (k == 0) {
      show(j, i, p, k);
      until[j] = k + holdSteps;
    } else if (p == cur) {
      until[j] = k + holdSteps;
    } else if (yellowSteps > 0 && layout.yellowPhase() >= 0 && cur != layout.yellowPhase()) {
      show(j, i, layout.yellowPhase(), k);
      mode[j] = YELLOW;
      until[j] = k + yellowSteps;
      next[j] = p;
      nextHold[j] = holdSteps;
    } else {
      show(j, i, p, k);
      until[j] = k + holdSteps;
    }
    publish(j, k);
  }

  private void applyCommand(int j, SignalCommand cmd, long k) {
    int i = layouts.get(j).index();
    int cur = sim.phase(i);
    boolean change = k == 0 || cmd.phase() != cur;
    if (change && k != 0 && mode[j] == GREEN && cur != layouts.get(j).yellowPhase()
        && (k - phaseStart[i]) < minGreenSteps) {
      refuse(j, CommandOutcome.MIN_GREEN);
      return;
    }
    long untilStep = clock.stepAtOrAfter(cmd.until());
    long holdSteps;
    if (!change) {
      holdSteps = untilStep - k;
    } else if (k != 0 && yellowSteps > 0 && layouts.get(j).yellowPhase() >= 0 && cur != layouts.get(j).yellowPhase()) {
      holdSteps = Math.max(minGreenSteps, untilStep - (k + yellowSteps));
    } else {
      holdSteps = Math.max(k == 0 ? 1 : minGreenSteps, untilStep - k);
    }
    accept(j, cmd);
    source[j] = ControlSource.CENTRAL;
    centralDecisions.incrementAndGet();
    decide(j, i, cmd.phase(), k, Math.max(1, holdSteps));
  }

  private void accept(int j, SignalCommand cmd) {
    lastSeq[j] = cmd.seq();
    pending[j] = null;
    outcomes.get(CommandOutcome.ACCEPTED).incrementAndGet();
  }

  private void refuse(int j, CommandOutcome why) {
    pending[j] = null;
    outcomes.get(why).incrementAndGet();
  }

  private void drainInbox(long k) {
    Instant now = clock.instantOfStep(k);
    SignalCommand c;
    while ((c = inbox.poll()) != null) {
      Integer j = byId.get(c.intersectionId());
      if (j == null) {
        outcomes.get(CommandOutcome.UNKNOWN_INTERSECTION).incrementAndGet();
        continue;
      }
      if (c.expiresAt().isBefore(now)) {
        outcomes.get(CommandOutcome.EXPIRED).incrementAndGet();
        continue;
      }
      if (c.seq() <= lastSeq[j] || (pending[j] != null && c.seq() <= pending[j].seq())) {
        outcomes.get(CommandOutcome.STALE_SEQUENCE).incrementAndGet();
        continue;
      }
      if (!layouts.get(j).greenPhases().contains(c.phase())) {
        outcomes.get(CommandOutcome.NOT_A_GREEN).incrementAndGet();
        continue;
      }
      pending[j] = c;
    }
  }

  private void show(int j, int i, int p, long k) {
    sim.setPhase(i, p);
    phaseStart[i] = k;
  }

  private void publish(int j, long k) {
    IntersectionLayout layout = layouts.get(j);
    int i = layout.index();
    int p = sim.phase(i);
    PhaseKind kind = mode[j] == YELLOW ? PhaseKind.YELLOW : PhaseKind.GREEN;
    stateOut.accept(new SignalState(
        layout.id(),
        stateSeq[j]++,
        p,
        kind,
        clock.instantOfStep(phaseStart[i]),
        clock.instantOfStep(until[j]),
        source[j],
        source[j] == ControlSource.CENTRAL ? lastSeq[j] : -1));
  }

  double phaseElapsedSeconds(int intersection) {
    return (sim.stepCount() - phaseStart[intersection]) * sim.intervalSeconds();
  }

  /** Commands by outcome so far. */
  public Map<CommandOutcome, Long> outcomes() {
    Map<CommandOutcome, Long> m = new EnumMap<>(CommandOutcome.class);
    outcomes.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  /** Times a junction went from central control to its local plan. */
  public long fallbacks() {
    return fallbacks.get();
  }

  /** Decisions taken from the centre's commands. */
  public long centralDecisions() {
    return centralDecisions.get();
  }

  /** Decisions taken by the local plans. */
  public long localDecisions() {
    return localDecisions.get();
  }

  /** Who controls junction {@code intersectionId} now, or null when this field does not run it. */
  public ControlSource source(String intersectionId) {
    Integer j = byId.get(intersectionId);
    return j == null ? null : source[j];
  }
}

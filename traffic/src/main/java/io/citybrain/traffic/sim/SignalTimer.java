package io.citybrain.traffic.sim;

import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.PhaseDecision;
import io.citybrain.traffic.control.SignalController;
import io.citybrain.traffic.control.SignalTiming;
import java.util.List;

/**
 * Runs a {@link SignalController} on a {@link Simulation} and enforces the timing rules around
 * its decisions: at step 0 the controller's first choice is shown at once; afterwards a decision
 * is due when the held time expires. A kept green is held for the decision interval (or the
 * controller's hold); a different green is preceded by the yellow phase for {@code
 * yellowSeconds} and then held for at least {@code minGreenSeconds}. The target chosen at the
 * decision is not re-evaluated after the yellow. This is the protocol of {@code
 * docs/traffic-protocol.md}; each intersection runs on its own timer.
 *
 * <p>Pre-emption: while a green is held, and at the end of each yellow, the controller's {@link
 * SignalController#interrupt} is asked whether it needs a decision at once (an emergency vehicle
 * approaches). An interrupted green is decided again now (a change still shows the yellow first);
 * at the end of a yellow, an interrupt lets the controller choose the green that follows. The
 * baselines never interrupt, so their timing is exactly the protocol's.
 */
public final class SignalTimer {
  private static final byte GREEN = 0;
  private static final byte YELLOW = 1;

  private final Simulation sim;
  private final SignalController controller;
  private final SignalTiming timing;
  private final List<IntersectionLayout> layouts;
  private final SimObservation observation;
  private final int initialPhase;
  private final boolean protocolTiming;

  private final byte[] mode;
  private final int[] until;
  private final int[] next;
  private final int[] nextHold;
  private final int[] phaseStart;

  private long decisions;
  private long decisionNanos;
  private long phaseChanges;
  private final long[] phaseChangesByIntersection;

  /**
   * @param sim the simulation (at step 0)
   * @param controller a fresh controller
   * @param timing the timing to enforce
   */
  public SignalTimer(Simulation sim, SignalController controller, SignalTiming timing) {
    this(sim, controller, timing, IntersectionLayouts.of(sim.net), -1, false);
  }

  /**
   * A timer for a protocol that limits the phases and may set an initial phase.
   *
   * @param sim the simulation (at step 0)
   * @param controller a fresh controller
   * @param timing the timing to enforce
   * @param layouts the controller's view of the signalised intersections ({@link
   *     IntersectionLayouts#of(SimNetwork, List)})
   * @param initialPhase phase shown at every signalised intersection before step 0, the first
   *     decision then being an ordinary one (a change shows the yellow first, as in the XLight
   *     code); -1 for none: the first choice is shown at once
   * @param protocolTiming true when a protocol fixes the decision instants (xlight15): the
   *     controller's own hold times are ignored and it is never asked to interrupt, so every
   *     controller decides at the same instants
   */
  public SignalTimer(
      Simulation sim,
      SignalController controller,
      SignalTiming timing,
      List<IntersectionLayout> layouts,
      int initialPhase,
      boolean protocolTiming) {
    this.sim = sim;
    this.controller = controller;
    this.timing = timing;
    this.layouts = layouts;
    this.initialPhase = initialPhase;
    this.protocolTiming = protocolTiming;
    this.observation = new SimObservation(sim, this);
    int n = sim.net.intersectionIds.length;
    mode = new byte[n];
    until = new int[n];
    next = new int[n];
    nextHold = new int[n];
    phaseStart = new int[n];
    phaseChangesByIntersection = new long[n];
    if (initialPhase >= 0) {
      for (IntersectionLayout layout : layouts) {
        if (initialPhase >= layout.phases().size()) {
          throw new IllegalArgumentException(
              "intersection '" + layout.id() + "' has no initial phase " + initialPhase);
        }
        show(layout.index(), initialPhase, 0);
      }
    }
    controller.init(layouts);
  }

  /** The signalised intersections' layouts, as given to the controller. */
  public List<IntersectionLayout> layouts() {
    return layouts;
  }

  /** Applies due decisions for the coming step; call before every {@link Simulation#step()}. */
  public void beforeStep() {
    int k = sim.stepCount();
    for (IntersectionLayout layout : layouts) {
      int i = layout.index();
      if (k != 0 && k < until[i]) {
        if (mode[i] == YELLOW || protocolTiming || !controller.interrupt(layout, observation)) {
          continue;
        }
        // pre-empted green: decide now (a different green still gets its yellow)
      } else if (k != 0 && mode[i] == YELLOW) {
        if (!protocolTiming && controller.interrupt(layout, observation)) {
          // pre-emption during the yellow: choose the green that follows it again
          PhaseDecision d = decide(layout);
          double hold = Double.isNaN(d.holdSeconds()) ? timing.minGreenSeconds() : d.holdSeconds();
          next[i] = d.phase();
          nextHold[i] = Math.max(1, (int) Math.round(Math.max(hold, timing.minGreenSeconds()) / sim.intervalSeconds()));
        }
        show(i, next[i], k);
        mode[i] = GREEN;
        until[i] = k + nextHold[i];
        continue;
      }
      PhaseDecision d = decide(layout);
      int p = d.phase();
      int cur = sim.phase(i);
      boolean first = k == 0 && initialPhase < 0;
      boolean change = first || p != cur;
      double hold = protocolTiming ? Double.NaN : d.holdSeconds();
      if (Double.isNaN(hold)) {
        hold = change ? timing.minGreenSeconds() : timing.decisionIntervalSeconds();
      }
      if (change) {
        hold = Math.max(hold, timing.minGreenSeconds());
      }
      int holdSteps = Math.max(1, (int) Math.round(hold / sim.intervalSeconds()));
      int yellowSteps = (int) Math.round(timing.yellowSeconds() / sim.intervalSeconds());
      if (first) {
        show(i, p, k);
        until[i] = k + holdSteps;
      } else if (p == cur) {
        until[i] = k + holdSteps;
      } else if (yellowSteps > 0 && layout.yellowPhase() >= 0 && cur != layout.yellowPhase()) {
        show(i, layout.yellowPhase(), k);
        mode[i] = YELLOW;
        until[i] = k + yellowSteps;
        next[i] = p;
        nextHold[i] = holdSteps;
        phaseChanges++;
        phaseChangesByIntersection[i]++;
      } else {
        show(i, p, k);
        until[i] = k + holdSteps;
        phaseChanges++;
        phaseChangesByIntersection[i]++;
      }
    }
  }

  private PhaseDecision decide(IntersectionLayout layout) {
    long t0 = System.nanoTime();
    PhaseDecision d = controller.decide(layout, observation);
    decisionNanos += System.nanoTime() - t0;
    decisions++;
    int p = d.phase();
    if (p < 0 || p >= layout.phases().size()) {
      throw new IllegalStateException(
          "controller chose phase " + p + " at intersection '" + layout.id() + "', which has phases 0.."
              + (layout.phases().size() - 1));
    }
    return d;
  }

  private void show(int i, int p, int k) {
    sim.setPhase(i, p);
    phaseStart[i] = k;
  }

  double phaseElapsedSeconds(int intersection) {
    return (sim.stepCount() - phaseStart[intersection]) * sim.intervalSeconds();
  }

  /** Number of controller decisions taken. */
  public long decisions() {
    return decisions;
  }

  /** Total wall time spent inside the controller's decisions, ns. */
  public long decisionNanos() {
    return decisionNanos;
  }

  /**
   * Decisions that changed an intersection's phase after step 0, over all intersections (a
   * switch to a different green counts once, with or without a yellow before it).
   */
  public long phaseChanges() {
    return phaseChanges;
  }

  /** {@link #phaseChanges()} by intersection index. */
  public long[] phaseChangesByIntersection() {
    return phaseChangesByIntersection.clone();
  }
}

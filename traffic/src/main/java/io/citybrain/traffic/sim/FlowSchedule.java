package io.citybrain.traffic.sim;

import io.citybrain.traffic.demand.Flow;
import java.util.Arrays;
import java.util.List;

/**
 * When each flow creates its vehicles, as CityFlow's flow.cpp {@code Flow::nextStep} (commit
 * 81ee0f4): a flow creates one vehicle at its start time, then one every {@code interval} s while
 * the flow clock is at most its end time (−1: no end). The flow clock, shared by all flows,
 * advances by Δt each step; a flow's own clock counts the time since its last vehicle. Times in s.
 *
 * <p>Only flows that have started and not ended are visited, in file order, so a step costs time
 * in the active flows, not all flows; the vehicles due in a step come out in flow-file order, the
 * order CityFlow creates them (and draws their random numbers).
 *
 * <p>Skipped flows (routes that cannot be driven) keep their clocks but create nothing; the
 * vehicles they would have created are counted ({@link #vehiclesSkipped()}).
 */
final class FlowSchedule {
  private final List<Flow> flows;
  private final double dt;
  private final boolean[] skipped;
  private long vehiclesSkipped;

  /** Flow indices by start time (ties in file order). */
  private final int[] flowsByStart;

  /** Per flow: time since its last vehicle, s. */
  private final double[] flowNow;

  private int nextFlowToStart;
  private int[] activeFlows = new int[16];
  private int activeFlowCount;
  private double flowClock;

  // flows of the vehicles due this step, in creation order
  private int[] due = new int[16];
  private int dueCount;

  /**
   * @param flows the flows, in file order
   * @param dt step length, s
   * @param skipped per flow, true when it must create no vehicle (same length as {@code flows})
   */
  FlowSchedule(List<Flow> flows, double dt, boolean[] skipped) {
    this.flows = flows;
    this.dt = dt;
    this.skipped = skipped.clone();
    int nf = flows.size();
    flowNow = new double[nf];
    Integer[] order = new Integer[nf];
    for (int f = 0; f < nf; f++) {
      order[f] = f;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c =
              Double.compare(flows.get(a).startTimeSeconds(), flows.get(b).startTimeSeconds());
          return c != 0 ? c : Integer.compare(a, b);
        });
    flowsByStart = new int[nf];
    for (int f = 0; f < nf; f++) {
      flowsByStart[f] = order[f];
    }
    clear();
  }

  /** Rewinds every flow to time 0. */
  void clear() {
    for (int f = 0; f < flows.size(); f++) {
      flowNow[f] = flows.get(f).intervalSeconds();
    }
    nextFlowToStart = 0;
    activeFlowCount = 0;
    flowClock = 0;
    dueCount = 0;
    vehiclesSkipped = 0;
  }

  /**
   * Runs the flows for one step and advances the flow clock.
   *
   * @return the number of vehicles to create this step; {@link #due}(0..n-1) gives their flows
   */
  int advance() {
    dueCount = 0;
    // activate flows whose start time has come (their clock equals the shared flow clock)
    while (nextFlowToStart < flowsByStart.length
        && flows.get(flowsByStart[nextFlowToStart]).startTimeSeconds() <= flowClock) {
      int f = flowsByStart[nextFlowToStart++];
      insertActiveFlow(f);
    }
    int w = 0;
    for (int k = 0; k < activeFlowCount; k++) {
      int f = activeFlows[k];
      Flow flow = flows.get(f);
      double end = flow.endTimeSeconds();
      if (end != -1 && flowClock > end) {
        continue; // drop from active list
      }
      double interval = flow.intervalSeconds();
      while (flowNow[f] >= interval) {
        if (skipped[f]) {
          vehiclesSkipped++;
        } else {
          addDue(f);
        }
        flowNow[f] -= interval;
      }
      flowNow[f] += dt;
      activeFlows[w++] = f;
    }
    activeFlowCount = w;
    flowClock += dt;
    return dueCount;
  }

  /** Vehicles skipped flows would have created so far. */
  long vehiclesSkipped() {
    return vehiclesSkipped;
  }

  /** The flow of the {@code k}-th vehicle due this step. */
  int due(int k) {
    return due[k];
  }

  private void addDue(int f) {
    if (dueCount == due.length) {
      due = Arrays.copyOf(due, dueCount * 2);
    }
    due[dueCount++] = f;
  }

  private void insertActiveFlow(int f) {
    if (activeFlowCount == activeFlows.length) {
      activeFlows = Arrays.copyOf(activeFlows, activeFlows.length * 2);
    }
    int pos = activeFlowCount;
    while (pos > 0 && activeFlows[pos - 1] > f) {
      activeFlows[pos] = activeFlows[pos - 1];
      pos--;
    }
    activeFlows[pos] = f;
    activeFlowCount++;
  }
}

package io.citybrain.traffic.sim;

import java.util.Arrays;

/**
 * The counters and sums behind a simulation's figures (definitions in {@code docs/metrics.md}):
 * vehicles spawned, entered, finished, running and waiting; finished trips' travel time, delay
 * and delay index; stops and standstills; lane-link entries; vehicle-steps. Times in s, counts in
 * vehicles. The travel-time bookkeeping gives CityFlow's {@code getAverageTravelTime()} (commit
 * 81ee0f4) in constant time: unfinished vehicles are counted by the sum of their creation times;
 * a lane's stopped count is CityFlow's lane waiting count (speed below {@link
 * Simulation#STOPPED_SPEED}).
 *
 * <p>The fields are read directly by {@link Simulation}'s query methods and written only by the
 * methods below. Stops are counted per part of the step's worker team ({@link #countStops}), each
 * part writing only its own drivables' entries and its own tally, and combined in part order
 * ({@link #endStep}), so the figures do not depend on the thread count.
 */
final class StepStats {
  private final VehicleTable vehicles;
  private final int[][] dv;
  private final int[] dvCount;
  private final int laneCount;
  private final double dt;
  private final PartTally[] tallies;

  long spawned;
  long entered;
  long finished;
  int running;
  int waiting;
  long vehicleSteps;
  int peakRunning;
  long overlapsPrevented;

  double finishedTravelTimeSum;
  double finishedDelaySum;
  double finishedDelayIndexSum;
  long finishedStops;

  /** Σ creation time of the vehicles spawned and not finished, s. */
  double unfinishedEnterTimeSum;

  /** Lane-change shadows alive (not in {@link #running}). */
  int shadows;

  /** Σ of the creation times of the vehicles the alive shadows copy, s. */
  double shadowEnterTimeSum;

  long laneChangesStarted;
  long laneChangesCompleted;
  long laneChangesAborted;

  /**
   * Whether alive shadows count as unfinished vehicles in the average travel time (CityFlow does;
   * CityFlow-compatible mode only).
   */
  boolean shadowsInTravelTime;

  long totalStops;
  double maxStoppedSeconds;

  /** Per lane: vehicles on it below the stopped speed after the last step. */
  final int[] laneStopped;

  /** Σ of {@link #laneStopped}. */
  int stoppedOnLanes;

  /** Per lane link (drivable − lanes): vehicles that entered it since the start. */
  final long[] linkEntries;

  /**
   * @param vehicles the vehicle table
   * @param dv per drivable, its vehicles front to back (read only)
   * @param dvCount per drivable, the number of vehicles in its list
   * @param net the compiled network
   * @param dt step length, s
   * @param parts number of parts of the step's worker team
   */
  StepStats(
      VehicleTable vehicles, int[][] dv, int[] dvCount, SimNetwork net, double dt, int parts) {
    this.vehicles = vehicles;
    this.dv = dv;
    this.dvCount = dvCount;
    this.laneCount = net.laneCount;
    this.dt = dt;
    this.laneStopped = new int[laneCount];
    this.linkEntries = new long[net.drivableCount - laneCount];
    this.tallies = new PartTally[parts];
    for (int p = 0; p < parts; p++) {
      tallies[p] = new PartTally();
    }
  }

  /** Back to zero, as at time 0. */
  void clear() {
    Arrays.fill(linkEntries, 0);
    Arrays.fill(laneStopped, 0);
    stoppedOnLanes = 0;
    spawned = 0;
    entered = 0;
    finished = 0;
    finishedTravelTimeSum = 0;
    finishedDelaySum = 0;
    finishedDelayIndexSum = 0;
    finishedStops = 0;
    unfinishedEnterTimeSum = 0;
    running = 0;
    waiting = 0;
    vehicleSteps = 0;
    overlapsPrevented = 0;
    peakRunning = 0;
    totalStops = 0;
    maxStoppedSeconds = 0;
    shadows = 0;
    shadowEnterTimeSum = 0;
    laneChangesStarted = 0;
    laneChangesCompleted = 0;
    laneChangesAborted = 0;
  }

  void shadowCreated(double enterTime) {
    shadows++;
    shadowEnterTimeSum += enterTime;
    laneChangesStarted++;
  }

  void laneChangeCompleted(double enterTime) {
    shadows--;
    shadowEnterTimeSum -= enterTime;
    laneChangesCompleted++;
  }

  void laneChangeAborted(double enterTime) {
    shadows--;
    shadowEnterTimeSum -= enterTime;
    laneChangesAborted++;
  }

  /** A flow created a vehicle at {@code createdAt}, s; it waits to enter. */
  void vehicleSpawned(double createdAt) {
    spawned++;
    waiting++;
    unfinishedEnterTimeSum += createdAt;
  }

  /** A waiting vehicle entered its first lane. */
  void vehicleEntered() {
    waiting--;
    running++;
    entered++;
  }

  /** Vehicle {@code v} finished its trip after {@code travelTime} s (before its slot is freed). */
  void tripFinished(int v, double travelTime) {
    running--;
    finished++;
    finishedTravelTimeSum += travelTime;
    finishedDelaySum += travelTime - vehicles.freeFlowTime[v];
    finishedDelayIndexSum += travelTime / vehicles.freeFlowTime[v];
    finishedStops += vehicles.stops[v];
    unfinishedEnterTimeSum -= vehicles.enterTime[v];
  }

  /** A vehicle entering a drivable was held back to prevent an overlap. */
  void overlapPrevented() {
    overlapsPrevented++;
  }

  /**
   * Counts the lane links on path {@code pa} entered when moving from path position {@code from}
   * to {@code to}.
   */
  void countLinkEntries(int[] pa, int from, int to) {
    for (int p = from + 1; p <= to && p < pa.length; p++) {
      if (pa[p] >= laneCount) {
        linkEntries[pa[p] - laneCount]++;
      }
    }
  }

  /**
   * Updates the stop records of the vehicles on drivables {@code from} (incl.) to {@code to}, and
   * the lanes' stopped counts, into part {@code part}'s tally.
   *
   * @param t the simulated time at the end of the step, s
   */
  void countStops(int part, int from, int to, double t) {
    PartTally tally = tallies[part];
    tally.stops = 0;
    tally.maxStopped = 0;
    tally.stoppedOnLanes = 0;
    for (int d = from; d < to; d++) {
      int n = dvCount[d];
      int[] list = dv[d];
      int stopped = 0;
      for (int k = 0; k < n; k++) {
        if (trackStop(list[k], t, tally)) {
          stopped++;
        }
      }
      if (d < laneCount) {
        laneStopped[d] = stopped;
        tally.stoppedOnLanes += stopped;
      }
    }
  }

  /** Updates vehicle {@code v}'s stop record; returns true when it stands still now. */
  private boolean trackStop(int v, double t, PartTally tally) {
    boolean stoppedNow = vehicles.speed[v] < Simulation.STOPPED_SPEED;
    double since = vehicles.stoppedSince[v];
    if (stoppedNow) {
      if (Double.isNaN(since)) {
        vehicles.stoppedSince[v] = t - dt;
        vehicles.stops[v]++;
        tally.stops++;
      } else if (t - since > tally.maxStopped) {
        tally.maxStopped = t - since;
      }
    } else if (!Double.isNaN(since)) {
      vehicles.stoppedSince[v] = Double.NaN;
    }
    return stoppedNow;
  }

  /** Combines the parts' tallies (in part order) and adds the step's vehicle-steps. */
  void endStep() {
    peakRunning = Math.max(peakRunning, running);
    stoppedOnLanes = 0;
    for (PartTally tally : tallies) {
      stoppedOnLanes += tally.stoppedOnLanes;
      totalStops += tally.stops;
      maxStoppedSeconds = Math.max(maxStoppedSeconds, tally.maxStopped);
    }
    // shadows are simulated like vehicles (CityFlow's getVehicleCount counts them too)
    vehicleSteps += running + shadows;
  }

  /**
   * CityFlow's average travel time at time {@code now}, s: finished trips plus the time so far of
   * every vehicle spawned but not finished, over all spawned vehicles; 0 when none was spawned.
   */
  double averageTravelTime(double now) {
    long unfinished = spawned - finished;
    double enterSum = unfinishedEnterTimeSum;
    if (shadowsInTravelTime) {
      unfinished += shadows;
      enterSum += shadowEnterTimeSum;
    }
    long n = finished + unfinished;
    if (n == 0) {
      return 0;
    }
    double tt = finishedTravelTimeSum + unfinished * now - enterSum;
    return tt / n;
  }

  /** Mean travel time of finished trips, s; NaN when none has finished. */
  double averageTravelTimeFinished() {
    return finished == 0 ? Double.NaN : finishedTravelTimeSum / finished;
  }

  /** Mean delay of finished trips against their free-flow time, s; NaN when none finished. */
  double averageDelayFinished() {
    return finished == 0 ? Double.NaN : finishedDelaySum / finished;
  }

  /** Mean delay index of finished trips; NaN when none finished. */
  double averageDelayIndexFinished() {
    return finished == 0 ? Double.NaN : finishedDelayIndexSum / finished;
  }

  /** One part's stop figures of the current step. */
  private static final class PartTally {
    long stops;
    double maxStopped;
    int stoppedOnLanes;
  }
}

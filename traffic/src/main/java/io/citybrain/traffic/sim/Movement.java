package io.citybrain.traffic.sim;

import static io.citybrain.traffic.sim.VehicleTable.NONE;
import static io.citybrain.traffic.sim.VehicleTable.RUNNING;

import java.util.Arrays;

/**
 * Keeps every drivable's list of vehicles, front (index 0, nearest the drivable's end) to back,
 * and each vehicle's leader and gap, as vehicles enter the network, move and finish. Follows
 * CityFlow's engine.cpp (commit 81ee0f4): {@code Engine::handleWaiting} (a lane admits one queued
 * vehicle per step), {@code Engine::updateLocation} (vehicles that change drivable join the back
 * of their new one, in CityFlow's push order) and {@code Engine::updateLeaderAndGap} with {@code
 * Vehicle::updateLeaderAndGap} (the vehicle ahead, or the nearest last vehicle on the drivables
 * ahead within the approach distance). By default it also prevents the overlaps CityFlow lets
 * happen when two vehicles merge onto one lane in the same step ({@link #resolveOverlap}).
 *
 * <p>Positions in m from the start of a drivable. The per-drivable phases ({@link #compact},
 * {@link #commit}, {@link #updateLeadersAndGaps}) touch only the drivables of their range and the
 * vehicles on them; everything that crosses ranges (finished trips, vehicles changing drivable)
 * is gathered per part and handled on one thread in drivable order ({@link #gatherMoves}, {@link
 * #placeMovers}), so the result is the same at any thread count.
 */
final class Movement {
  private final SimNetwork net;
  private final VehicleTypes types;
  private final VehicleTable vehicles;
  private final int[][] dv;
  private final int[] dvCount;
  private final IntQueue[] waiting;
  private final StepStats stats;
  private final boolean safeMerging;
  private final int laneCount;

  // per part: vehicles leaving their drivable this step, in drivable order
  private final PartBuffer[] partBuffers;

  // all parts' movers and finishers of the current step
  private int[] movers = new int[64];
  private int[] sortedMovers = new int[64];
  private long[] moverKeys = new long[64];
  private int moverCount;
  private int[] finishers = new int[64];
  private int finisherCount;

  /**
   * @param net the compiled network
   * @param types the vehicle types
   * @param vehicles the vehicle table
   * @param dv per drivable, its vehicles front to back (the lists this class maintains)
   * @param dvCount per drivable, the number of vehicles in its list
   * @param waiting per lane, the vehicles queued outside the network to enter it
   * @param stats the counters (entries, lane-link entries, overlaps prevented)
   * @param safeMerging whether to prevent overlaps when vehicles merge (off in CityFlow-compatible
   *     mode)
   * @param parts number of parts of the step's worker team
   */
  Movement(
      SimNetwork net,
      VehicleTypes types,
      VehicleTable vehicles,
      int[][] dv,
      int[] dvCount,
      IntQueue[] waiting,
      StepStats stats,
      boolean safeMerging,
      int parts) {
    this.net = net;
    this.types = types;
    this.vehicles = vehicles;
    this.dv = dv;
    this.dvCount = dvCount;
    this.waiting = waiting;
    this.stats = stats;
    this.safeMerging = safeMerging;
    this.laneCount = net.laneCount;
    this.partBuffers = new PartBuffer[parts];
    for (int p = 0; p < parts; p++) {
      partBuffers[p] = new PartBuffer();
    }
  }

  /** Empties every list and queue, releasing the memory of long ones. */
  void clear() {
    for (int k = 0; k < dv.length; k++) {
      if (dv[k].length > 16) {
        dv[k] = new int[4];
      }
      dvCount[k] = 0;
    }
    for (IntQueue q : waiting) {
      q.clear();
    }
    movers = new int[64];
    moverCount = 0;
    finishers = new int[64];
    finisherCount = 0;
  }

  /**
   * Lets the first queued vehicle of each lane enter it, at rest at position 0, if the lane is
   * empty or its last vehicle's rear is more than the entering vehicle's min gap from the start.
   */
  void admitWaitingVehicles() {
    for (int lane = 0; lane < laneCount; lane++) {
      IntQueue q = waiting[lane];
      if (q.isEmpty()) {
        continue;
      }
      int v = q.peek();
      int n = dvCount[lane];
      int tail = n > 0 ? dv[lane][n - 1] : NONE;
      if (tail == NONE
          || vehicles.dis[tail] > types.len[vehicles.type[tail]] + types.minGap[vehicles.type[v]]) {
        q.poll();
        vehicles.state[v] = RUNNING;
        stats.vehicleEntered();
        push(lane, v);
        updateLeaderAndGap(v, tail);
      }
    }
  }

  private void push(int d, int v) {
    int n = dvCount[d];
    if (n == dv[d].length) {
      dv[d] = Arrays.copyOf(dv[d], n * 2);
    }
    dv[d][n] = v;
    dvCount[d] = n + 1;
  }

  /**
   * Removes leaving and finishing vehicles from the lists of drivables {@code from} (incl.) to
   * {@code to}, collecting them in part {@code part}'s buffer.
   */
  void compact(int part, int from, int to) {
    PartBuffer buf = partBuffers[part];
    buf.clear();
    for (int d = from; d < to; d++) {
      int n = dvCount[d];
      if (n == 0) {
        continue;
      }
      int[] list = dv[d];
      int w = 0;
      for (int k = 0; k < n; k++) {
        int v = list[k];
        if (vehicles.state[v] == VehicleTable.DROPPING) {
          buf.dropped = append(buf.dropped, buf.droppedCount++, v);
        } else if (vehicles.nextEnd[v]) {
          buf.finishers = append(buf.finishers, buf.finisherCount++, v);
        } else if (vehicles.nextPathPos[v] != vehicles.pathPos[v]) {
          buf.movers = append(buf.movers, buf.moverCount++, v);
        } else {
          list[w++] = v;
        }
      }
      dvCount[d] = w;
    }
  }

  private static int[] append(int[] a, int at, int v) {
    if (at == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[at] = v;
    return a;
  }

  /**
   * Gathers the parts' finishers and movers in part (= drivable) order and puts the movers in
   * CityFlow's push order.
   *
   * @return the number of vehicles that finish their trip this step: {@link #finisher}(0..n-1)
   */
  int gatherMoves() {
    moverCount = 0;
    finisherCount = 0;
    for (PartBuffer buf : partBuffers) {
      for (int k = 0; k < buf.finisherCount; k++) {
        finishers = append(finishers, finisherCount++, buf.finishers[k]);
      }
      for (int k = 0; k < buf.moverCount; k++) {
        addMover(buf.movers[k]);
      }
    }
    sortMovers();
    return finisherCount;
  }

  /** The {@code k}-th vehicle finishing its trip this step, in drivable order. */
  int finisher(int k) {
    return finishers[k];
  }

  /**
   * Frees the slots of the vehicles that finished this step and of those dropped by lane changes
   * (after {@link #commit}).
   */
  void releaseFinishers() {
    for (int k = 0; k < finisherCount; k++) {
      vehicles.release(finishers[k]);
    }
    finisherCount = 0;
    for (PartBuffer buf : partBuffers) {
      for (int k = 0; k < buf.droppedCount; k++) {
        vehicles.release(buf.dropped[k]);
      }
      buf.droppedCount = 0;
    }
  }

  /**
   * Inserts lane-change shadow {@code s} into lane {@code lane}'s list directly in front of
   * {@code follower} (at the back when it is NONE) and sets the leaders and gaps of the shadow and
   * of the follower.
   */
  void insertShadow(int lane, int s, int follower) {
    int n = dvCount[lane];
    if (n == dv[lane].length) {
      dv[lane] = Arrays.copyOf(dv[lane], n * 2);
    }
    int[] list = dv[lane];
    int at = n;
    if (follower != NONE) {
      for (int k = 0; k < n; k++) {
        if (list[k] == follower) {
          at = k;
          break;
        }
      }
    }
    System.arraycopy(list, at, list, at + 1, n - at);
    list[at] = s;
    dvCount[lane] = n + 1;
    updateLeaderAndGap(s, at > 0 ? list[at - 1] : NONE);
    if (follower != NONE) {
      updateLeaderAndGap(follower, s);
    }
  }

  /**
   * Moves the gathered movers onto their new drivables, in push order.
   *
   * @param step the index of the current step (the lane-link entry time)
   */
  void placeMovers(int step) {
    for (int k = 0; k < moverCount; k++) {
      int v = movers[k];
      int d = vehicles.path[v][vehicles.nextPathPos[v]];
      if (safeMerging && dvCount[d] > 0 && wouldOverlap(v, d)) {
        d = resolveOverlap(v, d);
        if (d == NONE) {
          continue; // stays on the drivable it was on
        }
        insertOrdered(d, v);
      } else {
        push(d, v);
      }
      countLinkEntries(v);
      vehicles.enterLaneLinkStep[v] = d >= laneCount ? step : Integer.MAX_VALUE;
    }
  }

  /** True when mover {@code v} would end this step ahead of the rear of {@code d}'s last one. */
  private boolean wouldOverlap(int v, int d) {
    int tail = dv[d][dvCount[d] - 1];
    return vehicles.nextDis[v] > vehicles.nextDis[tail] - types.len[vehicles.type[tail]];
  }

  /**
   * Overlap-free merging (not in CityFlow, which lets the vehicle overlap for a step): vehicles
   * from different lane links can reach the same lane in the same step, each unaware of the other.
   * The later one is held just behind the rear of the one ahead, at no more than its speed; if
   * that rear is still on the previous drivable, the vehicle stays on the drivable before {@code
   * d}. About ten such events happen in an hour of a real 3x4 grid.
   *
   * @return the drivable {@code v} ends on if it still changes drivable, or {@code NONE} if it
   *     stays (re-inserted) on its current drivable
   */
  private int resolveOverlap(int v, int d) {
    int tail = dv[d][dvCount[d] - 1];
    double rear = vehicles.nextDis[tail] - types.len[vehicles.type[tail]];
    stats.overlapPrevented();
    vehicles.nextSpeed[v] = Math.min(vehicles.nextSpeed[v], vehicles.nextSpeed[tail]);
    if (rear >= 0) {
      vehicles.nextDis[v] = rear;
      return d;
    }
    int back = vehicles.nextPathPos[v] - 1;
    int prev = vehicles.path[v][back];
    vehicles.nextPathPos[v] = back;
    double held = net.length[prev] + rear;
    vehicles.nextDis[v] =
        back == vehicles.pathPos[v] ? Math.max(vehicles.dis[v], held) : Math.max(0, held);
    if (back == vehicles.pathPos[v]) {
      insertOrdered(prev, v);
      return NONE;
    }
    return prev;
  }

  /**
   * Inserts {@code v} into {@code d}'s list keeping front-to-back order of new positions, and
   * holds any vehicle behind it that would now overlap it.
   */
  private void insertOrdered(int d, int v) {
    int n = dvCount[d];
    if (n == dv[d].length) {
      dv[d] = Arrays.copyOf(dv[d], n * 2);
    }
    int[] list = dv[d];
    int at = 0;
    while (at < n && vehicles.nextDis[list[at]] >= vehicles.nextDis[v]) {
      at++;
    }
    System.arraycopy(list, at, list, at + 1, n - at);
    list[at] = v;
    dvCount[d] = n + 1;
    for (int j = Math.max(1, at); j <= n; j++) {
      int lead = list[j - 1];
      int follower = list[j];
      double rear = vehicles.nextDis[lead] - types.len[vehicles.type[lead]];
      if (vehicles.nextDis[follower] > rear) {
        boolean staying = vehicles.nextPathPos[follower] == vehicles.pathPos[follower];
        vehicles.nextDis[follower] = Math.max(staying ? vehicles.dis[follower] : 0, rear);
        vehicles.nextSpeed[follower] =
            Math.min(vehicles.nextSpeed[follower], vehicles.nextSpeed[lead]);
      }
    }
  }

  /** Counts the lane links vehicle {@code v} enters this step. */
  void countLinkEntries(int v) {
    stats.countLinkEntries(vehicles.path[v], vehicles.pathPos[v], vehicles.nextPathPos[v]);
  }

  private void addMover(int v) {
    if (moverCount == movers.length) {
      movers = Arrays.copyOf(movers, moverCount * 2);
    }
    movers[moverCount++] = v;
  }

  /**
   * Orders movers as CityFlow pushes them: by destination, then by new position, largest first
   * (ties by priority), so each destination receives them front to back. A primitive sort by
   * destination, then insertion sort within each destination's (small) group.
   */
  private void sortMovers() {
    if (moverKeys.length < moverCount) {
      moverKeys = new long[movers.length];
    }
    for (int k = 0; k < moverCount; k++) {
      int v = movers[k];
      moverKeys[k] = ((long) vehicles.path[v][vehicles.nextPathPos[v]] << 32) | k;
    }
    Arrays.sort(moverKeys, 0, moverCount);
    int[] sorted = sortedMovers.length >= moverCount ? sortedMovers : new int[movers.length];
    for (int k = 0; k < moverCount; k++) {
      sorted[k] = movers[(int) moverKeys[k]];
    }
    for (int i = 1; i < moverCount; i++) {
      int v = sorted[i];
      int j = i - 1;
      while (j >= 0 && moverBefore(v, sorted[j])) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = v;
    }
    sortedMovers = movers;
    movers = sorted;
  }

  private boolean moverBefore(int a, int b) {
    int da = vehicles.path[a][vehicles.nextPathPos[a]];
    int db = vehicles.path[b][vehicles.nextPathPos[b]];
    if (da != db) {
      return da < db;
    }
    if (vehicles.nextDis[a] != vehicles.nextDis[b]) {
      return vehicles.nextDis[a] > vehicles.nextDis[b];
    }
    return vehicles.priority[a] > vehicles.priority[b];
  }

  /**
   * Makes the decided speed, position and drivable of the vehicles on drivables {@code from}
   * (incl.) to {@code to} current, and their buffered blocker (none if it finished this step).
   */
  void commit(int from, int to) {
    for (int d = from; d < to; d++) {
      int n = dvCount[d];
      int[] list = dv[d];
      for (int k = 0; k < n; k++) {
        int v = list[k];
        vehicles.speed[v] = vehicles.nextSpeed[v];
        vehicles.dis[v] = vehicles.nextDis[v];
        if (vehicles.nextPathPos[v] != vehicles.pathPos[v]) {
          vehicles.prevDrivable[v] = vehicles.drivable[v];
          vehicles.pathPos[v] = vehicles.nextPathPos[v];
          vehicles.drivable[v] = vehicles.path[v][vehicles.pathPos[v]];
        }
        int b = vehicles.bufBlocker[v];
        vehicles.blocker[v] =
            b != NONE && vehicles.state[b] >= VehicleTable.FINISHING ? NONE : b;
      }
    }
  }

  /** Recomputes leaders and gaps on drivables {@code from} (incl.) to {@code to}. */
  void updateLeadersAndGaps(int from, int to) {
    for (int d = from; d < to; d++) {
      int n = dvCount[d];
      int[] list = dv[d];
      int prev = NONE;
      for (int k = 0; k < n; k++) {
        int v = list[k];
        updateLeaderAndGap(v, prev);
        prev = v;
      }
    }
  }

  private void updateLeaderAndGap(int v, int prev) {
    if (prev != NONE && vehicles.drivable[prev] == vehicles.drivable[v]) {
      vehicles.leader[v] = prev;
      vehicles.gap[v] = vehicles.dis[prev] - types.len[vehicles.type[prev]] - vehicles.dis[v];
    } else {
      lookAheadLeader(v);
    }
  }

  /** CityFlow's leader search along the planned drivables, within the approach distance. */
  private void lookAheadLeader(int v) {
    vehicles.leader[v] = NONE;
    int t = vehicles.type[v];
    double acc = net.length[vehicles.drivable[v]] - vehicles.dis[v];
    for (int i = 0; ; i++) {
      int d = vehicles.nextDrivable(v, i);
      if (d == NONE) {
        return;
      }
      if (d >= laneCount) {
        // lane links leaving the same lane overlap: take the nearest last vehicle of any of them
        int start = net.linkStartLane[d - laneCount];
        for (int link : net.laneOutLinks[start]) {
          int n = dvCount[link];
          if (n > 0) {
            int c = dv[link][n - 1];
            double cg = acc + vehicles.dis[c] - types.len[vehicles.type[c]];
            if (vehicles.leader[v] == NONE || cg < vehicles.gap[v]) {
              vehicles.leader[v] = c;
              vehicles.gap[v] = cg;
            }
          }
        }
        if (vehicles.leader[v] != NONE) {
          return;
        }
      } else {
        int n = dvCount[d];
        if (n > 0) {
          int c = dv[d][n - 1];
          vehicles.leader[v] = c;
          vehicles.gap[v] = acc + vehicles.dis[c] - types.len[vehicles.type[c]];
          return;
        }
      }
      acc += net.length[d];
      if (acc > types.approach[t]) {
        return;
      }
    }
  }

  /** Per-part scratch space of one step. */
  private static final class PartBuffer {
    int[] movers = new int[64];
    int moverCount;
    int[] finishers = new int[16];
    int finisherCount;
    int[] dropped = new int[16];
    int droppedCount;

    void clear() {
      moverCount = 0;
      finisherCount = 0;
      droppedCount = 0;
    }
  }
}

package io.citybrain.traffic.sim;

import java.util.Arrays;

/**
 * The state of every vehicle of a simulation, as a struct of arrays indexed by a vehicle slot, and
 * the free list of slots. Positions are m from the start of the vehicle's drivable (its front),
 * speeds m/s, times s of simulated time; vehicles and drivables are referred to by index, {@link
 * #NONE} for none. The fields mirror CityFlow's per-vehicle state (vehicle.h {@code
 * ControllerInfo} and {@code Buffer}, commit 81ee0f4): the {@code next*} arrays and {@link
 * #bufBlocker} are the step's buffer, decided from the state at the start of the step and
 * committed after movement.
 *
 * <p>A slot is taken when a flow creates a vehicle and released when its trip ends; released slots
 * are handed out again, and new slots lowest first after growth, so slot numbers (and hence
 * iteration orders) depend only on the run's events. Growing replaces every array: a caller may
 * hold an array in a local variable within one phase of a step, but never across {@link #add}.
 *
 * <p>The fields are read and written directly by the step's phases (package-private, no
 * accessors), as the inner loops need.
 */
final class VehicleTable {
  /** No vehicle, no drivable. */
  static final int NONE = -1;

  /** {@link #state}: a free slot. */
  static final byte FREE = 0;

  /** {@link #state}: created, queued outside the network to enter its first lane. */
  static final byte WAITING = 1;

  /** {@link #state}: on a lane or lane link. */
  static final byte RUNNING = 2;

  /** {@link #state}: reached the end of its route this step; released at the end of the step. */
  static final byte FINISHING = 3;

  /**
   * {@link #state}: removed this step without finishing its trip (the original of a completed lane
   * change, or an aborted shadow); released at the end of the step.
   */
  static final byte DROPPING = 4;

  /** {@link #lcRole}: not changing lanes. */
  static final byte LC_NONE = 0;

  /** {@link #lcRole}: the original of a lane change in progress (its shadow is {@link #partner}). */
  static final byte LC_CHANGING = 1;

  /** {@link #lcRole}: the shadow of a lane change in progress, on the target lane. */
  static final byte LC_SHADOW = 2;

  /**
   * Bytes of state per slot, from the element sizes of the arrays below (compressed references:
   * 4 bytes).
   */
  static final long BYTES_PER_SLOT =
      1 // state
          + 4L * 14 // type, flowOf, serial, uid, pathPos, drivable, prevDrivable, enterLaneLinkStep,
          // leader, blocker, bufBlocker, nextPathPos, stops, freeSlots
          + 8L * 8 // speed, dis, enterTime, freeFlowTime, gap, nextSpeed, nextDis, stoppedSince
          + 8 // priority
          + 1 // nextEnd
          // lane changing: lcRole, lcSignal; partner, lcTarget, lcRecvFrom, lcTargetLeader,
          // lcTargetFollower; lcOffset, lcLastTime, lcGapBehind, nextDelta
          + 2
          + 4L * 5
          + 8L * 4
          + 4; // path reference (paths are shared per flow)

  /** Initial number of slots (also after a reset). */
  private static final int INITIAL_CAPACITY = 1024;

  int capacity;
  byte[] state;
  int[] type;
  int[] flowOf;

  /** Number of the vehicle within its flow (0, 1, ...): the {@code _<n>} of its id. */
  int[] serial;

  /** Number of the vehicle in creation order over the whole run (0, 1, ...): a stable identity. */
  int[] uid;

  /** Drivables of the vehicle's route (shared by the vehicles of a flow). */
  int[][] path;

  int[] pathPos;
  int[] drivable;

  /** The drivable before the current one, or {@link #NONE} on the first. */
  int[] prevDrivable;

  double[] speed;
  double[] dis;
  double[] enterTime;
  double[] freeFlowTime;

  /** Step at which the vehicle entered the lane link it is on; {@code MAX_VALUE} on a lane. */
  int[] enterLaneLinkStep;

  /** Random tie-breaker at conflict points and among vehicles entering a drivable. */
  long[] priority;

  int[] leader;

  /** Gap from the front to the leader's rear, m (meaningless without a leader). */
  double[] gap;

  /** The vehicle yielded to at a conflict point in the last step, or {@link #NONE}. */
  int[] blocker;

  int[] bufBlocker;
  double[] nextSpeed;
  double[] nextDis;
  int[] nextPathPos;
  boolean[] nextEnd;

  /** Time the current standstill began, s; NaN while moving. */
  double[] stoppedSince;

  /** Stops the vehicle has made. */
  int[] stops;

  /** Distance the vehicle moves in this step, m (the step's buffer, for the lane-change pair). */
  double[] nextDelta;

  // lane changing (LaneChanges): role, partner (shadow <-> original), lateral offset (signed, m),
  // time of the last completed change (s), the step's signal (held, target lane), the signal
  // received (its sender), and, for a sender, its target leader and follower and the gap behind
  byte[] lcRole;
  int[] partner;
  double[] lcOffset;
  double[] lcLastTime;
  boolean[] lcSignal;
  int[] lcTarget;
  int[] lcRecvFrom;
  int[] lcTargetLeader;
  int[] lcTargetFollower;
  double[] lcGapBehind;

  private int[] freeSlots;
  private int freeCount;

  VehicleTable() {
    clear();
  }

  /** Frees every slot and goes back to the initial capacity, releasing the memory held. */
  void clear() {
    int cap = INITIAL_CAPACITY;
    capacity = cap;
    state = new byte[cap];
    type = new int[cap];
    flowOf = new int[cap];
    serial = new int[cap];
    uid = new int[cap];
    path = new int[cap][];
    pathPos = new int[cap];
    drivable = new int[cap];
    prevDrivable = new int[cap];
    speed = new double[cap];
    dis = new double[cap];
    enterTime = new double[cap];
    freeFlowTime = new double[cap];
    enterLaneLinkStep = new int[cap];
    priority = new long[cap];
    leader = new int[cap];
    gap = new double[cap];
    blocker = new int[cap];
    bufBlocker = new int[cap];
    nextSpeed = new double[cap];
    nextDis = new double[cap];
    nextPathPos = new int[cap];
    nextEnd = new boolean[cap];
    stoppedSince = new double[cap];
    stops = new int[cap];
    nextDelta = new double[cap];
    lcRole = new byte[cap];
    partner = new int[cap];
    lcOffset = new double[cap];
    lcLastTime = new double[cap];
    lcSignal = new boolean[cap];
    lcTarget = new int[cap];
    lcRecvFrom = new int[cap];
    lcTargetLeader = new int[cap];
    lcTargetFollower = new int[cap];
    lcGapBehind = new double[cap];
    freeSlots = new int[cap];
    freeCount = cap;
    for (int k = 0; k < cap; k++) {
      freeSlots[k] = cap - 1 - k;
    }
  }

  private void grow() {
    int old = capacity;
    int cap = old * 2;
    state = Arrays.copyOf(state, cap);
    type = Arrays.copyOf(type, cap);
    flowOf = Arrays.copyOf(flowOf, cap);
    serial = Arrays.copyOf(serial, cap);
    uid = Arrays.copyOf(uid, cap);
    path = Arrays.copyOf(path, cap);
    pathPos = Arrays.copyOf(pathPos, cap);
    drivable = Arrays.copyOf(drivable, cap);
    prevDrivable = Arrays.copyOf(prevDrivable, cap);
    speed = Arrays.copyOf(speed, cap);
    dis = Arrays.copyOf(dis, cap);
    enterTime = Arrays.copyOf(enterTime, cap);
    freeFlowTime = Arrays.copyOf(freeFlowTime, cap);
    enterLaneLinkStep = Arrays.copyOf(enterLaneLinkStep, cap);
    priority = Arrays.copyOf(priority, cap);
    leader = Arrays.copyOf(leader, cap);
    gap = Arrays.copyOf(gap, cap);
    blocker = Arrays.copyOf(blocker, cap);
    bufBlocker = Arrays.copyOf(bufBlocker, cap);
    nextSpeed = Arrays.copyOf(nextSpeed, cap);
    nextDis = Arrays.copyOf(nextDis, cap);
    nextPathPos = Arrays.copyOf(nextPathPos, cap);
    nextEnd = Arrays.copyOf(nextEnd, cap);
    stoppedSince = Arrays.copyOf(stoppedSince, cap);
    stops = Arrays.copyOf(stops, cap);
    nextDelta = Arrays.copyOf(nextDelta, cap);
    lcRole = Arrays.copyOf(lcRole, cap);
    partner = Arrays.copyOf(partner, cap);
    lcOffset = Arrays.copyOf(lcOffset, cap);
    lcLastTime = Arrays.copyOf(lcLastTime, cap);
    lcSignal = Arrays.copyOf(lcSignal, cap);
    lcTarget = Arrays.copyOf(lcTarget, cap);
    lcRecvFrom = Arrays.copyOf(lcRecvFrom, cap);
    lcTargetLeader = Arrays.copyOf(lcTargetLeader, cap);
    lcTargetFollower = Arrays.copyOf(lcTargetFollower, cap);
    lcGapBehind = Arrays.copyOf(lcGapBehind, cap);
    freeSlots = Arrays.copyOf(freeSlots, cap);
    // new slots are handed out lowest first
    for (int k = cap - 1; k >= old; k--) {
      freeSlots[freeCount++] = k;
    }
    capacity = cap;
  }

  /**
   * Takes a slot (growing the table when none is free) for a vehicle just created by a flow,
   * waiting to enter the first drivable of its path at rest.
   *
   * @param t vehicle type
   * @param flow index of the creating flow
   * @param serialInFlow number of the vehicle within its flow
   * @param route the drivables it will drive
   * @param createdAt creation time, s
   * @param freeFlow free-flow travel time of {@code route}, s
   * @param prio random tie-breaker
   * @return the slot
   */
  int add(
      int t,
      int flow,
      int serialInFlow,
      int[] route,
      double createdAt,
      double freeFlow,
      long prio) {
    if (freeCount == 0) {
      grow();
    }
    int v = freeSlots[--freeCount];
    state[v] = WAITING;
    type[v] = t;
    flowOf[v] = flow;
    serial[v] = serialInFlow;
    path[v] = route;
    pathPos[v] = 0;
    drivable[v] = route[0];
    prevDrivable[v] = NONE;
    speed[v] = 0;
    dis[v] = 0;
    enterTime[v] = createdAt;
    freeFlowTime[v] = freeFlow;
    enterLaneLinkStep[v] = Integer.MAX_VALUE;
    priority[v] = prio;
    leader[v] = NONE;
    gap[v] = 0;
    blocker[v] = NONE;
    bufBlocker[v] = NONE;
    stoppedSince[v] = Double.NaN;
    stops[v] = 0;
    lcRole[v] = LC_NONE;
    partner[v] = NONE;
    lcOffset[v] = 0;
    lcLastTime[v] = 0;
    lcSignal[v] = false;
    lcTarget[v] = NONE;
    lcRecvFrom[v] = NONE;
    return v;
  }

  /**
   * Takes a slot for the shadow of vehicle {@code v}: a copy of its state (type, identity, route,
   * position, speed, leader and gap, stops), with no blocker and a fresh lane-change state. The
   * caller sets its drivable, path, priority and role.
   */
  int addShadow(int v) {
    if (freeCount == 0) {
      grow();
    }
    int s = freeSlots[--freeCount];
    state[s] = RUNNING;
    type[s] = type[v];
    flowOf[s] = flowOf[v];
    serial[s] = serial[v];
    uid[s] = uid[v];
    path[s] = path[v];
    pathPos[s] = pathPos[v];
    drivable[s] = drivable[v];
    prevDrivable[s] = prevDrivable[v];
    speed[s] = speed[v];
    dis[s] = dis[v];
    enterTime[s] = enterTime[v];
    freeFlowTime[s] = freeFlowTime[v];
    enterLaneLinkStep[s] = enterLaneLinkStep[v];
    priority[s] = priority[v];
    leader[s] = leader[v];
    gap[s] = gap[v];
    blocker[s] = NONE;
    bufBlocker[s] = NONE;
    stoppedSince[s] = stoppedSince[v];
    stops[s] = stops[v];
    lcRole[s] = LC_SHADOW;
    partner[s] = v;
    lcOffset[s] = 0;
    lcLastTime[s] = 0;
    lcSignal[s] = false;
    lcTarget[s] = NONE;
    lcRecvFrom[s] = NONE;
    return s;
  }

  /** Frees slot {@code v}. */
  void release(int v) {
    state[v] = FREE;
    path[v] = null;
    freeSlots[freeCount++] = v;
  }

  /**
   * The {@code i}-th drivable after vehicle {@code v}'s current one on its path (0: the next), or
   * {@link #NONE} past its end.
   */
  int nextDrivable(int v, int i) {
    int p = pathPos[v] + 1 + i;
    int[] pa = path[v];
    return p < pa.length ? pa[p] : NONE;
  }

  /** Bytes held now: {@link #BYTES_PER_SLOT} per slot plus the arrays' headers. */
  long bytes() {
    return BYTES_PER_SLOT * capacity + 37L * 16;
  }
}

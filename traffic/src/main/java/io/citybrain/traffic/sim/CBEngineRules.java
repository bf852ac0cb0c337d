package io.citybrain.traffic.sim;

import static io.citybrain.traffic.sim.VehicleTable.FINISHING;
import static io.citybrain.traffic.sim.VehicleTable.RUNNING;

import io.citybrain.traffic.demand.Demand;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One step under the rules of CBEngine, the engine of the KDD Cup 2021 City Brain Challenge,
 * written out from its released source (CityBrainLab's {@code CBEngine/core}: {@code
 * vehicle.cc}, {@code driving.cc}, {@code trafficnode.cc}, {@code core.cc}) in our own code;
 * {@code docs/cbengine-rules.md} gives every rule with its source. A summary:
 *
 * <ul>
 *   <li>Vehicles are points on a lane of a road, kept at least {@value #SPACING_METERS} m apart (and
 *       max(5 m, 2·v) while moving); they accelerate by up to {@value #MAX_ACCEL} m/s and brake by
 *       up to {@value #MAX_DECEL} m/s per 1 s step; the speed limit is the road's.
 *   <li>A flow's vehicle is created at the end of its departure second, at rest at position 0 of
 *       lane 0 of its first road, whatever is there (vehicles stack at a road's start).
 *   <li>Speeds come from the state at the start of the step (every vehicle at once), then each
 *       vehicle moves by its new speed (explicit Euler).
 *   <li>A vehicle that reaches the end of a road whose end is <b>unsignalised</b> goes on, in the
 *       same step, at position 0 of its next road, in the lane of its next signalised turn (0 left,
 *       1 straight, 2 right): no conflicts, no lane restrictions, no check of the next road.
 *   <li>At a <b>signal</b> it stops exactly at the end of the road. In a later step it moves to
 *       position 0 of the next road, keeping its speed and lane index, when its movement has green
 *       (right turns: unless all red) and the next road is not blocked: blocked means every lane of
 *       it has a vehicle within its first 1e-5 m. Then it takes the lane of its next signalised
 *       turn. Otherwise its speed is set to 0.
 *   <li>While driving, a vehicle changes lanes one at a time towards a lane that permits its next
 *       signalised turn when the gaps allow (left changes in odd seconds, right changes in even
 *       ones), and brakes to wait for a gap within 200/300/400 m of a right/straight/left turn.
 *   <li>In 3 % of vehicle-steps an acceleration becomes braking by up to 5 m/s: the engine's
 *       random braking, drawn here from a stream keyed by (seed, vehicle, step) so that the draws
 *       do not depend on the thread count.
 * </ul>
 *
 * <p>Per-vehicle state lives in the simulation's {@link VehicleTable} ({@code drivable} is the
 * lane, {@code dis} the position from the road's start, {@code pathPos} twice the index of the
 * road in the route) and in the arrays below, by slot. Vehicles are processed in creation order,
 * as the challenge's engine does. Lanes keep their vehicles from front (largest position) to back;
 * ties in position put the later-created vehicle in front, which is the challenge's tie-breaker
 * (a later-created vehicle at the same position counts as ahead).
 */
final class CBEngineRules {
  /** Least distance kept to the vehicle ahead, m. */
  static final double SPACING_METERS = 5;

  /** Largest speed gain in one step, m/s (CBEngine's driving parameter 0). */
  static final double MAX_ACCEL = 2;

  /** Largest speed loss in one step, m/s (CBEngine's driving parameter 1 and vehicle braking). */
  static final double MAX_DECEL = 5;

  /** Speed gain bound of the car-following formulas, m/s (CBEngine's vehicle {@code max_acc_}). */
  static final double FOLLOWING_ACCEL = 5;

  /** Distance from the end of a road within which a vehicle is at the stop line, m. */
  static final double STOP_LINE_METERS = 1e-3;

  /** A vehicle within this distance of a road's start occupies the lane's entry, m. */
  static final double ENTRY_METERS = 1e-5;

  /** Beyond this distance to a signal or a leader a vehicle drives freely, m. */
  static final double FREE_DISTANCE_METERS = 200;

  /** Largest distance behind searched for the follower in a neighbouring lane, m. */
  static final double FOLLOWER_SEARCH_METERS = 50;

  /** Percentage of vehicle-steps in which an acceleration becomes random braking. */
  static final int RANDOM_BRAKE_PERCENT = 3;

  /** Range of the per-vehicle safety distance CBEngine draws at creation, m (whole metres). */
  static final int SAFETY_DISTANCE_MIN = 5;

  static final int SAFETY_DISTANCE_MAX = 10;

  /** Length of the all-red between two greens in the challenge, s. */
  static final int ALL_RED_SECONDS = 5;

  /** "Remaining time" CBEngine reports for a red or right-turn movement. */
  private static final double RED_REMAINING = 1000;

  /** "Remaining time" of a green held until the controller changes it (CBEngine's kInf). */
  private static final double GREEN_REMAINING = 1e9;

  // next-turn directions, CBEngine's order
  static final byte LEFT = 0;
  static final byte RIGHT = 1;
  static final byte STRAIGHT = 2;
  static final byte UTURN = 3;
  static final byte DESTINATION = 4;

  // what a vehicle does this step
  private static final byte DRIVE = 0;
  private static final byte CROSSED = 1;
  private static final byte HELD = 2;
  private static final byte DONE = 3;

  private final SimNetwork net;
  private final VehicleTable vehicles;
  private final int[][] dv;
  private final int[] dvCount;
  private final StepStats stats;
  private final boolean[] roadLinkGreen;
  private final int[] phase;
  private final StepWorkers workers;
  private final long seed;

  /** At an unsignalised junction, keep the lane index instead of taking the next turn's lane. */
  private final boolean keepLaneAtUnsignalised;

  /** Keep each vehicle's drawn safety distance (or 2 s at its speed) to its leader, not 5 m. */
  private final boolean randomSafetyDistance;

  // roads
  private final int roadCount;
  private final double[] roadLength;
  private final double[] roadLimit;
  private final boolean[] endsAtSignal;
  /** The road that enters the start of road r from the far side of a 2-road unsignalised node, or -1. */
  private final int[] backRoad;

  /** Per lane: bit d set when the lane permits next-turn direction d. */
  private final byte[] lanePermits;

  /** Per intersection: its all-red (transition) phase, or -1. */
  private final int[] allRedPhase;

  /** Per intersection: step at which its current phase began. */
  private final int[] phaseSince;

  // routes, per flow
  private final int[][] routeRoads;
  /** Per flow and route index i: the index j >= i of the road ending at the next signal, or -1. */
  private final int[][] routeSignalAt;
  /** Per flow and route index j: road link and direction from road j to road j + 1. */
  private final int[][] routeLink;

  private final byte[][] routeDir;
  /** Per flow: cumulative road lengths, m ({@code [0] = 0}). */
  private final double[][] routeCumLength;
  /** Per flow: cumulative free-flow times Σ length/limit, s. */
  private final double[][] routeCumFreeFlow;

  // per vehicle slot
  private long[] seq = new long[0];
  private byte[] action = new byte[0];
  private int[] newLane = new int[0];
  private byte[] laneDelta = new byte[0];
  private double[] speedDelta = new double[0];
  /** CBEngine's stored next-signal direction (LEFT until the vehicle first crosses a signal). */
  private byte[] storedDir = new byte[0];
  private int[] indexInLane = new int[0];
  private int[] safetyDistance = new int[0];
  private double[] leftFollowerGap = new double[0];
  private double[] rightFollowerGap = new double[0];

  /** Per flow: vehicles created so far (the {@code _<n>} of their ids). */
  private int[] flowSerial = new int[0];

  /** Active vehicles in creation order. */
  private int[] order = new int[1024];

  private int orderCount;
  private long nextSeq;

  /** Per lane: a vehicle stands in its first {@value #ENTRY_METERS} m (during the crossing phase). */
  private final boolean[] entryOccupied;

  /** Σ over finished vehicles of their challenge delay-index term. */
  private double finishedDelayTermSum;

  // the current step, for the per-part phases
  private int stepIndex;
  private final int[] partStart;
  private int[] sortScratch = new int[64];

  CBEngineRules(
      SimNetwork net,
      Demand demand,
      FlowPlans plans,
      VehicleTable vehicles,
      int[][] dv,
      int[] dvCount,
      StepStats stats,
      boolean[] roadLinkGreen,
      int[] phase,
      StepWorkers workers,
      long seed,
      EngineRules rules) {
    this.net = net;
    this.keepLaneAtUnsignalised = rules.keepsLaneAtUnsignalisedJunctions();
    this.randomSafetyDistance = rules.keepsRandomSafetyDistance();
    this.vehicles = vehicles;
    this.dv = dv;
    this.dvCount = dvCount;
    this.stats = stats;
    this.roadLinkGreen = roadLinkGreen;
    this.phase = phase;
    this.workers = workers;
    this.seed = seed;
    this.partStart = new int[workers.parts() + 1];

    roadCount = net.roadIds.length;
    roadLength = new double[roadCount];
    roadLimit = new double[roadCount];
    endsAtSignal = new boolean[roadCount];
    for (int r = 0; r < roadCount; r++) {
      int lane = net.roadFirstLane[r];
      roadLength[r] = net.length[lane];
      roadLimit[r] = net.maxSpeed[lane];
      endsAtSignal[r] = net.intersectionSignalized[net.roadEndIntersection[r]];
    }
    backRoad = backRoads(net);
    lanePermits = lanePermits(net);
    allRedPhase = allRedPhases(net);
    phaseSince = new int[allRedPhase.length];
    entryOccupied = new boolean[net.laneCount];

    Map<Long, Integer> linkOf = new HashMap<>();
    for (int g = 0; g < net.roadLinkLaneLinks.length; g++) {
      int[] lls = net.roadLinkLaneLinks[g];
      if (lls.length == 0) {
        continue;
      }
      int li = lls[0] - net.laneCount;
      long key = (long) net.laneRoad[net.linkStartLane[li]] * roadCount + net.laneRoad[net.linkEndLane[li]];
      linkOf.putIfAbsent(key, g);
    }
    int flows = demand.flows().size();
    routeRoads = new int[flows][];
    routeSignalAt = new int[flows][];
    routeLink = new int[flows][];
    routeDir = new byte[flows][];
    routeCumLength = new double[flows][];
    routeCumFreeFlow = new double[flows][];
    for (int f = 0; f < flows; f++) {
      if (plans.paths[f].length == 0) {
        continue; // skipped: its route cannot be driven
      }
      int[] path = plans.paths[f][0];
      int n = (path.length + 1) / 2;
      int[] roads = new int[n];
      for (int i = 0; i < n; i++) {
        roads[i] = net.laneRoad[path[2 * i]];
      }
      routeRoads[f] = roads;
      int[] links = new int[n];
      byte[] dirs = new byte[n];
      double[] cum = new double[n + 1];
      double[] cumFree = new double[n + 1];
      for (int i = 0; i < n; i++) {
        cum[i + 1] = cum[i] + roadLength[roads[i]];
        cumFree[i + 1] = cumFree[i] + roadLength[roads[i]] / roadLimit[roads[i]];
        links[i] = -1;
        dirs[i] = DESTINATION;
        if (i + 1 < n) {
          Integer g = linkOf.get((long) roads[i] * roadCount + roads[i + 1]);
          links[i] = g == null ? -1 : g;
          dirs[i] = g == null ? STRAIGHT : direction(net, g);
        }
      }
      int[] signalAt = new int[n];
      int next = -1;
      for (int i = n - 1; i >= 0; i--) {
        if (i + 1 < n && endsAtSignal[roads[i]]) {
          next = i;
        }
        signalAt[i] = next;
      }
      routeLink[f] = links;
      routeDir[f] = dirs;
      routeSignalAt[f] = signalAt;
      routeCumLength[f] = cum;
      routeCumFreeFlow[f] = cumFree;
    }
    clear();
  }

  /** Back to time 0: no vehicles. */
  void clear() {
    orderCount = 0;
    nextSeq = 0;
    finishedDelayTermSum = 0;
    Arrays.fill(flowSerial, 0);
    Arrays.fill(phaseSince, 0);
    ensureCapacity();
  }

  /** Records that intersection {@code i} changed phase at step {@code step} (all-red timing). */
  void phaseChanged(int i, int step) {
    phaseSince[i] = step;
  }

  // ------------------------------------------------------------------ network tables

  private static byte direction(SimNetwork net, int roadLink) {
    int li = net.roadLinkLaneLinks[roadLink][0] - net.laneCount;
    return switch (net.linkPriority[li]) {
      case 2 -> LEFT;
      case 1 -> RIGHT;
      default -> STRAIGHT;
    };
  }

  /**
   * The road entering the start node of each road from the node's other side, when that node is
   * unsignalised and has exactly two outgoing roads (CBEngine's {@code GetBackRoad}); else -1.
   */
  private static int[] backRoads(SimNetwork net) {
    int roads = net.roadIds.length;
    int nodes = net.intersectionIds.length;
    int[] outCount = new int[nodes];
    for (int r = 0; r < roads; r++) {
      outCount[net.roadStartIntersection[r]]++;
    }
    int[] back = new int[roads];
    Arrays.fill(back, -1);
    for (int r = 0; r < roads; r++) {
      int node = net.roadStartIntersection[r];
      if (outCount[node] != 2 || net.intersectionSignalized[node]) {
        continue;
      }
      for (int q = 0; q < roads; q++) {
        // the other road out of the node, reversed: the road that ends here coming from its far end
        if (q != r && net.roadEndIntersection[q] == node && net.roadStartIntersection[q] != net.roadEndIntersection[r]) {
          back[r] = q;
        }
      }
    }
    return back;
  }

  /**
   * Which next-turn directions each lane permits. CBEngine's lanes carry the file's permission
   * triple; the challenge's networks give every road 3 lanes, lane 0 left (and U-turn), lane 1
   * straight, lane 2 right, which is what the engine's lane choice after a junction assumes. Roads
   * with another lane count take their permissions from their lane links into a signalised
   * intersection, or permit every direction.
   */
  private static byte[] lanePermits(SimNetwork net) {
    byte[] permits = new byte[net.laneCount];
    for (int lane = 0; lane < net.laneCount; lane++) {
      int r = net.laneRoad[lane];
      int k = net.laneIndexInRoad[lane];
      if (net.roadLaneCount[r] == 3) {
        permits[lane] = (byte) (k == 0 ? (1 << LEFT) | (1 << UTURN) : k == 1 ? 1 << STRAIGHT : 1 << RIGHT);
        continue;
      }
      int bits = 0;
      if (net.intersectionSignalized[net.roadEndIntersection[r]]) {
        for (int link : net.laneOutLinks[lane]) {
          int p = net.linkPriority[link - net.laneCount];
          bits |= p == 2 ? (1 << LEFT) | (1 << UTURN) : p == 1 ? 1 << RIGHT : 1 << STRAIGHT;
        }
      }
      permits[lane] = (byte) (bits == 0 ? 0b1111 : bits);
    }
    return permits;
  }

  /** Per intersection, its first transition phase (green links a subset of every other's), or -1. */
  private static int[] allRedPhases(SimNetwork net) {
    int n = net.intersectionIds.length;
    int[] result = new int[n];
    Arrays.fill(result, -1);
    for (int i = 0; i < n; i++) {
      if (!net.intersectionSignalized[i]) {
        continue;
      }
      var phases = net.phases(i);
      for (int p = 0; p < phases.size() && result[i] < 0; p++) {
        List<Integer> mine = phases.get(p).availableRoadLinks();
        boolean subset = phases.size() > 1;
        for (int q = 0; q < phases.size() && subset; q++) {
          subset = phases.get(q).availableRoadLinks().containsAll(mine);
        }
        if (subset) {
          result[i] = p;
        }
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ the step

  /**
   * One step at time {@code t} (s, = the step index): crossings at signals, speeds and lane
   * changes, movement, then the vehicles created at {@code t}.
   *
   * @param t the step index
   * @param schedule the flows' schedule, advanced once here
   * @param plans the flows' paths
   * @param parallel whether to use the worker threads
   */
  void step(int t, FlowSchedule schedule, FlowPlans plans, boolean parallel) {
    stepIndex = t;
    crossSignals(t);
    partition();
    if (parallel) {
      workers.run(this::computeActionsPart);
      workers.run(this::movePart);
    } else {
      workers.runHere(this::computeActionsPart);
      workers.runHere(this::movePart);
    }
    finishMovers(t);
    rebuildLanes(parallel);
    spawn(t, schedule, plans);
  }

  /** Vehicles at a signal's stop line cross, finish or are held; in creation order (live state). */
  private void crossSignals(int t) {
    for (int lane = 0; lane < net.laneCount; lane++) {
      int n = dvCount[lane];
      entryOccupied[lane] = n > 0 && vehicles.dis[dv[lane][n - 1]] < ENTRY_METERS;
    }
    boolean moved = false;
    for (int k = 0; k < orderCount; k++) {
      int v = order[k];
      int f = vehicles.flowOf[v];
      int i = vehicles.pathPos[v] >> 1;
      int r = routeRoads[f][i];
      action[v] = DRIVE;
      if (!endsAtSignal[r] || Math.abs(vehicles.dis[v] - roadLength[r]) > STOP_LINE_METERS) {
        continue;
      }
      int last = routeRoads[f].length - 1;
      if (i == last) {
        finishTrip(v, t, 0);
        moved = true;
        continue;
      }
      int next = routeRoads[f][i + 1];
      if (canGo(f, i) && !blocked(next)) {
        int laneIndex = Math.min(net.laneIndexInRoad[vehicles.drivable[v]], net.roadLaneCount[next] - 1);
        int lane = net.roadFirstLane[next] + laneIndex;
        vehicles.drivable[v] = lane;
        vehicles.dis[v] = 0;
        vehicles.pathPos[v] = 2 * (i + 1);
        entryOccupied[lane] = true;
        storedDir[v] = nextSignalDirection(f, i + 1);
        action[v] = CROSSED;
        moved = true;
      } else {
        vehicles.speed[v] = 0;
        action[v] = HELD;
      }
    }
    if (moved) {
      rebuildLanes(false);
    }
  }

  /** Whether movement i→i+1 of flow f's route (at a signal) may go now. */
  private boolean canGo(int f, int i) {
    int g = routeLink[f][i];
    if (g < 0) {
      return false;
    }
    int node = net.roadLinkIntersection[g];
    return phase[node] != allRedPhase[node] && roadLinkGreen[g];
  }

  /** Every lane of road r has a vehicle at its entry. */
  private boolean blocked(int r) {
    int first = net.roadFirstLane[r];
    for (int k = 0; k < net.roadLaneCount[r]; k++) {
      if (!entryOccupied[first + k]) {
        return false;
      }
    }
    return true;
  }

  private byte nextSignalDirection(int f, int i) {
    int j = routeSignalAt[f][i];
    return j < 0 ? DESTINATION : routeDir[f][j];
  }

  private void partition() {
    int parts = workers.parts();
    for (int p = 0; p <= parts; p++) {
      partStart[p] = (int) ((long) orderCount * p / parts);
    }
  }

  private void computeActionsPart(int part) {
    for (int k = partStart[part]; k < partStart[part + 1]; k++) {
      int v = order[k];
      if (action[v] != HELD) {
        computeAction(v);
      }
    }
  }

  // ------------------------------------------------------------------ driving decisions

  /** Speed change and lane change of vehicle v from the state at the start of the step. */
  private void computeAction(int v) {
    int f = vehicles.flowOf[v];
    int i = vehicles.pathPos[v] >> 1;
    int r = routeRoads[f][i];
    double pos = vehicles.dis[v];
    double speed = vehicles.speed[v];
    double limit = roadLimit[r];
    int firstLane = net.roadFirstLane[r];
    int lanes = net.roadLaneCount[r];
    int laneIdx = net.laneIndexInRoad[vehicles.drivable[v]];
    byte dir = nextSignalDirection(f, i);
    if (action[v] == CROSSED) {
      laneIdx = turnLane(dir, firstLane, lanes);
    }
    newLane[v] = firstLane + laneIdx;
    int lane = firstLane + laneIdx;

    // the leader on the own lane (this road only)
    int leader = action[v] == CROSSED ? leaderByPosition(lane, pos, seq[v], true) : leaderInList(v);
    double leaderGap = leader < 0 ? 0 : vehicles.dis[leader] - pos;
    boolean firstCar = leader < 0;
    int leftLane = laneIdx > 0 ? lane - 1 : -1;
    int rightLane = laneIdx + 1 < lanes ? lane + 1 : -1;
    int leftLeader = leftLane < 0 ? -1 : leaderByPosition(leftLane, pos, seq[v], false);
    int rightLeader = rightLane < 0 ? -1 : leaderByPosition(rightLane, pos, seq[v], false);
    double leftLeaderGap = leftLeader < 0 ? 0 : vehicles.dis[leftLeader] - pos;
    double rightLeaderGap = rightLeader < 0 ? 0 : vehicles.dis[rightLeader] - pos;
    int leftFollower = leftLane < 0 ? -1 : follower(r, laneIdx - 1, pos, leftFollowerGap, v);
    int rightFollower = rightLane < 0 ? -1 : follower(r, laneIdx + 1, pos, rightFollowerGap, v);

    // the next signal
    int j = routeSignalAt[f][i];
    double[] cum = routeCumLength[f];
    double toSignal;
    double remaining;
    boolean signalGo;
    if (j < 0) {
      toSignal = cum[cum.length - 1] - cum[i] - pos;
      remaining = GREEN_REMAINING;
      signalGo = false;
    } else {
      toSignal = cum[j + 1] - cum[i] - pos;
      int g = routeLink[f][j];
      int node = g < 0 ? -1 : net.roadLinkIntersection[g];
      boolean allRed = node >= 0 && phase[node] == allRedPhase[node];
      if (node < 0) {
        signalGo = false;
        remaining = RED_REMAINING;
      } else if (allRed) {
        signalGo = false;
        remaining = Math.max(1, ALL_RED_SECONDS - (stepIndex - phaseSince[node]));
      } else if (routeDir[f][j] == RIGHT) {
        signalGo = true;
        remaining = RED_REMAINING;
      } else if (roadLinkGreen[g]) {
        signalGo = true;
        remaining = GREEN_REMAINING;
      } else {
        signalGo = false;
        remaining = RED_REMAINING;
      }
    }
    int aheadToSignal = vehiclesToSignal(f, i, pos);

    double changeMin = -MAX_DECEL;
    double changeMax = MAX_ACCEL;
    int delta = 0;
    boolean correctLane = dir == DESTINATION || permits(lane, dir);
    int bestLane = 0;
    int fewest = 1 << 30;
    for (int k = 0; k < lanes; k++) {
      if (permits(firstLane + k, dir) && aheadToSignal < fewest) {
        fewest = aheadToSignal;
        bestLane = k;
      }
    }
    boolean dangerous = false;
    int target = 0;
    // int arithmetic on purpose: with no permitted lane CBEngine's 10 * (1 << 30) wraps negative
    if (bestLane != laneIdx && 10 * fewest >= toSignal) {
      dangerous = true;
      target = bestLane < laneIdx ? -1 : 1;
    }
    if (dir != DESTINATION && !correctLane && toSignal <= cutInDistance(dir)) {
      dangerous = true;
    }
    if (target == 0 && toSignal < 1000) {
      for (int k = 0; k < lanes; k++) {
        if (permits(firstLane + k, dir)) {
          target = k < laneIdx ? -1 : 1;
          break;
        }
      }
    }
    boolean jam = dangerous && 10 * aheadToSignal >= toSignal;
    if (dir != DESTINATION && !correctLane && target != 0) {
      int nextCar = target < 0 ? leftLeader : rightLeader;
      double nextGap = target < 0 ? leftLeaderGap : rightLeaderGap;
      int back = target < 0 ? leftFollower : rightFollower;
      double backGap = target < 0 ? leftFollowerGap[v] : rightFollowerGap[v];
      changeMax =
          nextCar < 0 ? Math.min(limit - speed, MAX_ACCEL) : maxSpeedBehind(speed, vehicles.speed[nextCar], nextGap, limit);
      changeMin =
          back < 0 ? -Math.min(speed, MAX_DECEL) : minSpeedAhead(speed, vehicles.speed[back], backGap, limit);
      if (changeMin > changeMax) {
        if (dangerous) {
          if (!jam && speed < 1e-5 && (dir == LEFT || dir == UTURN)) {
            changeMin = 0;
            changeMax = 2.0;
          } else {
            changeMin = -MAX_DECEL;
            changeMax = -MAX_DECEL;
          }
        } else {
          changeMin = -Math.min(speed, MAX_DECEL);
          changeMax = Math.min(limit - speed, MAX_ACCEL);
        }
      } else {
        delta = target;
      }
    }
    // CBEngine lets vehicles change to the right in even seconds and to the left in odd ones only
    if (((stepIndex & 1) == 1 && delta == 1) || ((stepIndex & 1) == 0 && delta == -1)) {
      changeMax = MAX_ACCEL;
      changeMin = -Math.min(speed, MAX_DECEL);
      delta = 0;
    }
    if (delta == -1) {
      leader = leftLeader;
      leaderGap = leftLeaderGap;
    } else if (delta == 1) {
      leader = rightLeader;
      leaderGap = rightLeaderGap;
    }
    if ((firstCar && (toSignal >= FREE_DISTANCE_METERS || remaining >= 1e7)) || leaderGap >= FREE_DISTANCE_METERS) {
      changeMax = Math.min(changeMax, Math.min(limit - speed, MAX_ACCEL));
    }
    if (!(toSignal >= FREE_DISTANCE_METERS || remaining >= 1e7)) {
      changeMax = Math.min(changeMax, signalSpeed(speed, limit, toSignal, remaining, signalGo) - speed);
    }
    if (!firstCar) {
      // after a lane change decision the "leader" is the target lane's: a gap of 0 there (no
      // vehicle) brakes, as in CBEngine
      double keep = randomSafetyDistance ? Math.max(safetyDistance[v], 2 * speed) : SPACING_METERS;
      if (leaderGap <= keep) {
        changeMax = -Math.min(speed, MAX_DECEL);
      } else {
        changeMax = Math.min(changeMax, maxSpeedBehind(speed, vehicles.speed[leader], leaderGap, limit));
      }
    }
    if (delta != 0 && changeMin > changeMax) {
      delta = 0;
      changeMax = -Math.min(speed, MAX_DECEL);
    }
    if (changeMax < -9999) {
      changeMax = -Math.min(speed, MAX_DECEL);
    }
    if (delta == 0 && speed < MAX_DECEL && !firstCar && waitsForCutIn(v, lane, laneIdx, lanes, toSignal,
        leftLeader, leftLeaderGap, rightLeader, rightLeaderGap)) {
      changeMax = -Math.min(speed, MAX_DECEL);
    }
    double dv;
    if (changeMax < 0) {
      dv = -Math.min(-changeMax, speed);
    } else {
      dv = Math.min(changeMax, limit - speed);
      if (randomPercent(v) < RANDOM_BRAKE_PERCENT) {
        dv = -Math.min(MAX_DECEL, speed);
      }
    }
    laneDelta[v] = (byte) delta;
    speedDelta[v] = dv;
  }

  /** Lane index taken after a junction: that of the next signalised turn. */
  private int turnLane(byte dir, int firstLane, int lanes) {
    int k;
    switch (dir) {
      case LEFT, UTURN -> k = 0;
      case STRAIGHT -> k = 1;
      case RIGHT -> k = 2;
      default -> {
        // towards the destination: the first lane with nobody on it, else the one whose last
        // vehicle is farthest from the start (CBEngine's GetTurnAction)
        k = 0;
        double best = 0;
        for (int q = 0; q < lanes; q++) {
          int n = dvCount[firstLane + q];
          if (n == 0) {
            k = q;
            break;
          }
          double d = vehicles.dis[dv[firstLane + q][n - 1]];
          if (d > best) {
            best = d;
            k = q;
          }
        }
      }
    }
    return Math.min(k, lanes - 1);
  }

  private boolean permits(int lane, byte dir) {
    return dir != DESTINATION && (lanePermits[lane] & (1 << dir)) != 0;
  }

  private static double cutInDistance(byte dir) {
    return switch (dir) {
      case STRAIGHT -> 300;
      case LEFT, UTURN -> 400;
      default -> 200;
    };
  }

  /** The vehicle ahead of v on its own lane (the one before it in the lane's list), or -1. */
  private int leaderInList(int v) {
    int idx = indexInLane[v];
    return idx > 0 ? dv[vehicles.drivable[v]][idx - 1] : -1;
  }

  /**
   * The nearest vehicle ahead of position {@code pos} on {@code lane}: the last one in the list
   * (front to back) at a larger position, or at the same position and created later when {@code
   * tieBreak} (else any vehicle at the same position counts as ahead). -1 when none.
   */
  private int leaderByPosition(int lane, double pos, long mySeq, boolean tieBreak) {
    int[] list = dv[lane];
    int lo = 0;
    int hi = dvCount[lane]; // first index not ahead
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int u = list[mid];
      double d = vehicles.dis[u];
      boolean ahead = d > pos || (d == pos && (!tieBreak || seq[u] > mySeq));
      if (ahead) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo > 0 ? list[lo - 1] : -1;
  }

  /**
   * The nearest vehicle behind position {@code pos} on lane index {@code laneIdx}, searching this
   * road then, through unsignalised two-road nodes, the roads behind while within {@value
   * #FOLLOWER_SEARCH_METERS} m (CBEngine's {@code GetLastCarOnLane}); -1 when none. Its distance
   * behind goes to {@code gaps[v]}.
   */
  private int follower(int road, int laneIdx, double pos, double[] gaps, int v) {
    int r = road;
    double gap = pos - roadLength[road];
    boolean first = true;
    while (true) {
      gap += roadLength[r];
      if (laneIdx < net.roadLaneCount[r]) {
        int lane = net.roadFirstLane[r] + laneIdx;
        int found = first ? lastBehind(lane, pos) : (dvCount[lane] > 0 ? dv[lane][0] : -1);
        if (found >= 0) {
          gaps[v] = gap - vehicles.dis[found];
          return found;
        }
      }
      first = false;
      int b = backRoad[r];
      if (b < 0 || gap > FOLLOWER_SEARCH_METERS) {
        return -1;
      }
      r = b;
    }
  }

  /** The nearest vehicle strictly behind position {@code pos} on {@code lane}, or -1. */
  private int lastBehind(int lane, double pos) {
    int[] list = dv[lane];
    int lo = 0;
    int hi = dvCount[lane];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (vehicles.dis[list[mid]] >= pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < dvCount[lane] ? list[lo] : -1;
  }

  /** Vehicles ahead towards the next signal, counted as CBEngine does (see the class comment). */
  private int vehiclesToSignal(int f, int i, double pos) {
    int[] roads = routeRoads[f];
    int count = 0;
    for (int k = i; k < roads.length; k++) {
      int r = roads[k];
      int idx = k - i;
      // CBEngine counts lane number (route index - current index) of each road: its lane argument
      // is the loop counter; kept so that lane choices match the challenge's engine
      if (idx < net.roadLaneCount[r]) {
        int lane = net.roadFirstLane[r] + idx;
        count += idx == 0 ? atOrAhead(lane, pos) : dvCount[lane];
      }
      if (endsAtSignal[r]) {
        break;
      }
    }
    return count;
  }

  /** Vehicles on {@code lane} at or ahead of {@code pos}. */
  private int atOrAhead(int lane, double pos) {
    int[] list = dv[lane];
    int lo = 0;
    int hi = dvCount[lane];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (vehicles.dis[list[mid]] >= pos - 1e-9) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean waitsForCutIn(
      int v, int lane, int laneIdx, int lanes, double toSignal, int leftLeader, double leftGap, int rightLeader,
      double rightGap) {
    if (leftLeader >= 0) {
      double dist = toSignal - leftGap;
      byte d = storedDir[leftLeader];
      if (leftGap >= 5 && leftGap <= 10 && dist >= 0
          && (dist <= cutInDistance(d) || vehicles.speed[leftLeader] < 1e-5)
          && !permits(lane - 1, d)
          && (d == RIGHT || d == STRAIGHT)) {
        return true;
      }
    }
    if (rightLeader >= 0) {
      double dist = toSignal - rightGap;
      byte d = storedDir[rightLeader];
      return rightGap >= 5 && rightGap <= 10 && dist >= 0
          && (dist <= cutInDistance(d) || vehicles.speed[rightLeader] < 1e-5)
          && !permits(lane + 1, d)
          && (d == LEFT || d == UTURN);
    }
    return false;
  }

  private int randomPercent(int v) {
    return (int) Long.remainderUnsigned(mix(seed, seq[v], stepIndex), 100);
  }

  /** A well-mixed 64-bit value of (seed, vehicle, step): SplitMix64's finaliser over their sum. */
  private static long mix(long seed, long vehicle, long step) {
    long z = seed * 0x9E3779B97F4A7C15L + vehicle * 0xBF58476D1CE4E5B9L + step * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ------------------------------------------------------------------ car-following formulas

  /**
   * Distance covered while braking from speed {@code v} by {@code a} per step to a stop, with the
   * current step's move counted (CBEngine's {@code CalcStopDis}), m.
   */
  static double stopDistance(double v, double a) {
    double steps = Math.ceil(v / a);
    if (v - steps * a < 0) {
      steps -= 1;
    }
    return (v + v - steps * a) * (steps + 1) / 2;
  }

  /** True when a follower at {@code back} can stop behind a leader at {@code front} {@code gap} m ahead. */
  static boolean canStop(double front, double back, double gap, double eps) {
    if (back - front < 0) {
      return true;
    }
    return stopDistance(back, MAX_DECEL) + SPACING_METERS < stopDistance(front, MAX_DECEL) + gap + eps;
  }

  /**
   * Speed change that keeps a vehicle at speed {@code v} able to stop {@value #SPACING_METERS} m
   * behind a leader at {@code leaderSpeed} {@code gap} m ahead even if the leader brakes
   * (CBEngine's {@code GetMaxVelocityNew}); -10000 when it must brake as hard as it can.
   */
  static double maxSpeedBehind(double v, double leaderSpeed, double gap, double limit) {
    if (gap < Math.max(SPACING_METERS, 2 * v)) {
      return -10000;
    }
    double vl = Math.max(0, leaderSpeed - MAX_DECEL);
    double rest = gap - SPACING_METERS;
    double top = Math.ceil(vl / MAX_DECEL) * MAX_DECEL;
    double steps = Math.floor(top / MAX_DECEL + 0.5);
    if (steps < 0.5) {
      steps = 1;
      top = MAX_DECEL;
    }
    if (!(top - vl * steps >= rest)) {
      rest -= (top - vl) * steps;
      double b = steps + 0.5;
      double x = Math.floor(-b + Math.sqrt(b * b + 2 * rest / MAX_DECEL));
      rest -= MAX_DECEL * (steps * x + x * (x + 1) / 2);
      top += x * MAX_DECEL;
      steps = Math.floor(top / MAX_DECEL + 0.5) + 1;
    } else {
      top = vl;
    }
    double ans = top + rest / steps;
    double lo = Math.max(0, v - MAX_DECEL);
    double hi = Math.min(v + FOLLOWING_ACCEL, limit);
    if (ans < lo) {
      return -10000;
    }
    return Math.min(Math.max(ans, lo), hi) - v;
  }

  /**
   * Least speed change that keeps a follower at {@code followerSpeed} {@code gap} m behind able to
   * stop behind us (CBEngine's {@code GetMinVelocityNew}); 10000 when no speed is safe.
   */
  static double minSpeedAhead(double v, double followerSpeed, double gap, double limit) {
    double followerTop = Math.min(limit, followerSpeed + FOLLOWING_ACCEL);
    double lo = Math.max(0, v - MAX_DECEL);
    double hi = Math.min(v + FOLLOWING_ACCEL, limit);
    if (gap < Math.max(SPACING_METERS, 2 * followerSpeed)) {
      return 10000;
    }
    if (!canStop(hi, followerTop, gap, 1e-5)) {
      return 10000;
    }
    double u = Math.min(followerSpeed + FOLLOWING_ACCEL, limit);
    double rest = gap - SPACING_METERS;
    double floorU = Math.floor(u / MAX_DECEL) * MAX_DECEL;
    double steps = Math.floor(floorU / MAX_DECEL + 0.5) + 1;
    double res;
    if ((u - floorU) * steps > rest) {
      res = u - rest / steps;
    } else {
      rest -= (u - floorU) * steps;
      u = floorU;
      if ((steps - 1) * steps / 2 * MAX_DECEL <= rest) {
        res = 0;
      } else {
        double a = -MAX_DECEL / 2;
        double b = MAX_DECEL / 2 * (2 * steps - 1);
        double c = -rest;
        double ub = Math.floor((-b + Math.sqrt(b * b - 4 * a * c)) / 2 / a);
        rest -= MAX_DECEL * (2 * steps - 1 - ub) * ub / 2;
        u -= ub * MAX_DECEL;
        steps -= 1 + ub;
        res = u - rest / steps;
      }
    }
    return Math.min(hi, Math.max(lo, res)) - v;
  }

  /**
   * Highest speed for the coming step that respects the next signal (CBEngine's signal rules in
   * {@code ConductDriving}): on red or all red, one from which the vehicle can still stop before
   * the stop line, or reach it no sooner than the light changes; on green with a known remaining
   * time, full acceleration when the line can be reached in time, else one that can stop.
   */
  static double signalSpeed(double v, double limit, double toSignal, double remaining, boolean go) {
    double lo = Math.max(0, v - MAX_DECEL);
    double hi = Math.min(v + MAX_ACCEL, limit);
    if (!go) {
      for (int it = 0; it < 100; it++) {
        double mid = (lo + hi) / 2;
        double down = (int) (mid / MAX_DECEL + 1e-9);
        double dist = (2 * mid - MAX_DECEL * down) * (down + 1) / 2;
        if ((down <= remaining && dist <= toSignal) || mid * remaining <= toSignal) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
    int accelSteps = (int) ((limit - v) / MAX_ACCEL);
    double reach;
    if (accelSteps >= remaining) {
      reach = (2 * v + MAX_ACCEL * (remaining + 1)) * remaining / 2;
    } else {
      reach = (2 * v + MAX_ACCEL * (accelSteps + 1)) * accelSteps / 2 + (remaining - accelSteps) * limit;
    }
    if (reach >= toSignal) {
      return Math.min(v + MAX_ACCEL, limit);
    }
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      double down = mid / MAX_DECEL;
      double dist = (2 * mid - MAX_DECEL * down) * (down + 1) / 2;
      if (dist <= toSignal) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ------------------------------------------------------------------ movement

  private void movePart(int part) {
    for (int k = partStart[part]; k < partStart[part + 1]; k++) {
      int v = order[k];
      if (action[v] == DRIVE || action[v] == CROSSED) {
        move(v);
      }
    }
  }

  /** Applies v's lane and speed change, then drives 1 s (CBEngine's {@code GoTime}). */
  private void move(int v) {
    int f = vehicles.flowOf[v];
    int[] roads = routeRoads[f];
    int i = vehicles.pathPos[v] >> 1;
    int lane = newLane[v] + laneDelta[v];
    double speed = Math.max(0, vehicles.speed[v] + speedDelta[v]);
    double pos = vehicles.dis[v];
    double time = 1;
    while (time > 0) {
      int r = roads[i];
      double left = roadLength[r] - pos;
      double needed = speed > 0 ? left / speed : 1e10;
      if (time < needed) {
        pos += time * speed;
        break;
      }
      time -= needed;
      if (i == roads.length - 1) {
        // CBEngine leaves the position where this road began for the vehicle (the delay index
        // then counts the rest of the road at free flow)
        vehicles.nextDis[v] = pos;
        action[v] = DONE;
        break;
      }
      if (endsAtSignal[r]) {
        pos = roadLength[r];
        break;
      }
      // unsignalised: straight on to the next road, in the lane of the next signalised turn
      byte dir = nextSignalDirection(f, i);
      int next = roads[i + 1];
      int k =
          dir == DESTINATION || keepLaneAtUnsignalised
              ? Math.min(net.laneIndexInRoad[lane], net.roadLaneCount[r] - 1)
              : turnLaneIndex(dir);
      i++;
      lane = net.roadFirstLane[next] + Math.min(k, net.roadLaneCount[next] - 1);
      pos = 0;
    }
    vehicles.speed[v] = speed;
    vehicles.drivable[v] = lane;
    vehicles.pathPos[v] = 2 * i;
    if (action[v] != DONE) {
      vehicles.dis[v] = pos;
    } else {
      vehicles.dis[v] = vehicles.nextDis[v];
    }
  }

  private static int turnLaneIndex(byte dir) {
    return switch (dir) {
      case LEFT, UTURN -> 0;
      case STRAIGHT -> 1;
      default -> 2;
    };
  }

  /** Trips that ended during movement finish, in creation order. */
  private void finishMovers(int t) {
    for (int k = 0; k < orderCount; k++) {
      int v = order[k];
      if (action[v] == DONE && vehicles.state[v] == RUNNING) {
        int f = vehicles.flowOf[v];
        int i = vehicles.pathPos[v] >> 1;
        int r = routeRoads[f][i];
        finishTrip(v, t, (roadLength[r] - vehicles.dis[v]) / roadLimit[r]);
      }
    }
  }

  /**
   * Ends v's trip in step t: its travel time counts to t (CBEngine's arrival time), its challenge
   * term to t - 1 (the last step the engine recorded for it) plus {@code restSeconds} at free flow.
   */
  private void finishTrip(int v, int t, double restSeconds) {
    vehicles.state[v] = FINISHING;
    action[v] = DONE;
    double created = vehicles.enterTime[v];
    finishedDelayTermSum += ((t - 1) - created + restSeconds) / vehicles.freeFlowTime[v];
    stats.tripFinished(v, t - created);
  }

  // ------------------------------------------------------------------ lanes, creation

  /**
   * Rebuilds every lane's list from the active vehicles (creation order), sorted front to back:
   * larger position first, later creation first at equal positions. Finished vehicles leave the
   * order and their slots are released.
   */
  private void rebuildLanes(boolean parallel) {
    for (int lane = 0; lane < net.laneCount; lane++) {
      dvCount[lane] = 0;
    }
    int w = 0;
    for (int k = 0; k < orderCount; k++) {
      int v = order[k];
      if (vehicles.state[v] == FINISHING) {
        vehicles.release(v);
        continue;
      }
      order[w++] = v;
      int lane = vehicles.drivable[v];
      if (dvCount[lane] == dv[lane].length) {
        dv[lane] = Arrays.copyOf(dv[lane], dv[lane].length * 2);
      }
      dv[lane][dvCount[lane]++] = v;
    }
    orderCount = w;
    for (int lane = 0; lane < net.laneCount; lane++) {
      int n = dvCount[lane];
      if (n > 1) {
        sortLane(dv[lane], n);
      }
      for (int q = 0; q < n; q++) {
        indexInLane[dv[lane][q]] = q;
      }
    }
  }

  /** Insertion sort from the back; lists arrive in creation order and mostly ordered. */
  private void sortLane(int[] a, int n) {
    if (sortScratch.length < n) {
      sortScratch = new int[Math.max(n, sortScratch.length * 2)];
    }
    mergeSort(a, 0, n, sortScratch);
  }

  private void mergeSort(int[] a, int from, int to, int[] tmp) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && before(x, a[j])) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, from, mid, tmp);
    mergeSort(a, mid, to, tmp);
    if (!before(a[mid], a[mid - 1])) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && !before(tmp[j], tmp[i]))) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }

  /** True when x comes before y front to back: farther along, or created later at a tie. */
  private boolean before(int x, int y) {
    double dx = vehicles.dis[x];
    double dy = vehicles.dis[y];
    return dx > dy || (dx == dy && seq[x] > seq[y]);
  }

  /** Creates the vehicles due at time t at the start of their first road's lane 0. */
  private void spawn(int t, FlowSchedule schedule, FlowPlans plans) {
    int n = schedule.advance();
    for (int k = 0; k < n; k++) {
      int f = schedule.due(k);
      int[] path = plans.paths[f][0];
      int[] roads = routeRoads[f];
      double freeFlow = routeCumFreeFlow[f][roads.length];
      int v = vehicles.add(plans.flowType[f], f, serial(f), path, t, freeFlow, 0);
      ensureCapacity();
      int lane = net.roadFirstLane[roads[0]];
      vehicles.drivable[v] = lane;
      vehicles.state[v] = RUNNING;
      seq[v] = nextSeq++;
      storedDir[v] = LEFT;
      safetyDistance[v] = SAFETY_DISTANCE_MIN + (int) Long.remainderUnsigned(mix(seed, seq[v], -1), SAFETY_DISTANCE_MAX - SAFETY_DISTANCE_MIN + 1);
      action[v] = DRIVE;
      if (orderCount == order.length) {
        order = Arrays.copyOf(order, order.length * 2);
      }
      order[orderCount++] = v;
      stats.vehicleSpawned(t);
      stats.vehicleEntered();
      // at position 0, later-created in front: it joins the front of the vehicles stacked there
      insertAtEntry(lane, v);
    }
  }

  private int serial(int f) {
    if (flowSerial.length <= f) {
      flowSerial = Arrays.copyOf(flowSerial, Math.max(f + 1, flowSerial.length * 2));
    }
    return flowSerial[f]++;
  }

  private void insertAtEntry(int lane, int v) {
    if (dvCount[lane] == dv[lane].length) {
      dv[lane] = Arrays.copyOf(dv[lane], dv[lane].length * 2);
    }
    int[] list = dv[lane];
    int q = dvCount[lane];
    while (q > 0 && before(v, list[q - 1])) {
      list[q] = list[q - 1];
      indexInLane[list[q]] = q;
      q--;
    }
    list[q] = v;
    indexInLane[v] = q;
    dvCount[lane]++;
  }

  private void ensureCapacity() {
    int cap = vehicles.capacity;
    if (seq.length < cap) {
      seq = Arrays.copyOf(seq, cap);
      action = Arrays.copyOf(action, cap);
      newLane = Arrays.copyOf(newLane, cap);
      laneDelta = Arrays.copyOf(laneDelta, cap);
      speedDelta = Arrays.copyOf(speedDelta, cap);
      storedDir = Arrays.copyOf(storedDir, cap);
      indexInLane = Arrays.copyOf(indexInLane, cap);
      safetyDistance = Arrays.copyOf(safetyDistance, cap);
      leftFollowerGap = Arrays.copyOf(leftFollowerGap, cap);
      rightFollowerGap = Arrays.copyOf(rightFollowerGap, cap);
    }
  }

  // ------------------------------------------------------------------ the challenge's metric

  /**
   * The challenge's delay index now, over every vehicle created so far (see {@link
   * Simulation#challengeDelayIndex()}).
   *
   * @param stepsDone steps taken (the check's time T: running vehicles were last recorded at T - 1)
   */
  double challengeDelayIndex(int stepsDone) {
    long created = stats.spawned;
    if (created == 0) {
      return Double.NaN;
    }
    double sum = finishedDelayTermSum;
    for (int k = 0; k < orderCount; k++) {
      int v = order[k];
      if (vehicles.state[v] != RUNNING) {
        continue;
      }
      int f = vehicles.flowOf[v];
      int i = vehicles.pathPos[v] >> 1;
      int r = routeRoads[f][i];
      double[] cumFree = routeCumFreeFlow[f];
      double rest = (roadLength[r] - vehicles.dis[v]) / roadLimit[r] + cumFree[cumFree.length - 1] - cumFree[i + 1];
      sum += ((stepsDone - 1) - vehicles.enterTime[v] + rest) / vehicles.freeFlowTime[v];
    }
    return sum / created;
  }
}

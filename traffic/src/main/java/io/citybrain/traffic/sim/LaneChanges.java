package io.citybrain.traffic.sim;

import static io.citybrain.traffic.sim.VehicleTable.DROPPING;
import static io.citybrain.traffic.sim.VehicleTable.LC_CHANGING;
import static io.citybrain.traffic.sim.VehicleTable.LC_NONE;
import static io.citybrain.traffic.sim.VehicleTable.LC_SHADOW;
import static io.citybrain.traffic.sim.VehicleTable.NONE;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lane changing as CityFlow models it with {@code laneChange: true} (commit 81ee0f4:
 * lanechange.cpp {@code SimpleLaneChange}, engine.cpp {@code scheduleLaneChange}, vehicle.cpp
 * {@code makeLaneChangeSignal}, {@code finishChanging}, {@code abortLaneChange}; written out in
 * {@code docs/traffic-model.md}, "Lane changing"). A vehicle moves only to an adjacent lane of its
 * road that offers more room ahead and can still continue its route; the change is not a jump: a
 * <em>shadow</em> (a copy on the target lane) and the vehicle move as a pair at the slower of
 * their two speeds while the lateral offset grows, until the shadow takes over.
 *
 * <p>Each step, after admission and before the conflict points:
 *
 * <ol>
 *   <li>{@link #decide}: every running vehicle that is not a shadow makes its signal (cool-down,
 *       no target on a lane link or within {@value #END_MARGIN} m of the lane end, the own gap
 *       test against 1.5 and 2 lengths + 4 steps at maximum speed, the outer lane first, then the
 *       inner lane if it offers strictly more room);
 *   <li>{@link #schedule}: the vehicles planning a change, in ascending priority (CityFlow's
 *       order follows memory addresses and is not reproducible; this is the order its own
 *       maintainers' diagnostic build used), find their target leader and follower, send them
 *       their signal (accepted by priority), and start the change when both gaps allow braking
 *       and no other vehicle's signal was received first: the shadow is inserted in the target
 *       lane in front of the follower;
 *   <li>{@link #pairAndProgress}, after every vehicle's speed is decided: each pair takes the
 *       slower partner's move, the offset grows by max(0.2·v′, 1 m/s)·Δt up to half the two lanes'
 *       widths, and then the shadow takes the vehicle's place; a shadow that leaves its lane
 *       first is removed and the vehicle stays (abort).
 * </ol>
 *
 * A vehicle that received a signal yields to its sender in its speed decision ({@link
 * SpeedRules}). Two modes: {@code cityFlowCompatible} keeps CityFlow's rules, quirks included (the
 * own gap is the gap to the last leader seen, starting at 0; the cool-down only blocks the first
 * 3 s of the run; a shadow alive at the end counts as one more unfinished vehicle in the average
 * travel time); the default mends them (no change without a leader: a free vehicle has no reason
 * to change, which stops the weaving of lone vehicles every second step; a real 3 s cool-down
 * after each completed change; shadows never count as vehicles in the figures). In both modes an
 * aborted shadow is not counted as a finished trip (CityFlow counts it; no change was ever
 * aborted in the bundled benchmarks).
 *
 * <p>Runs on the calling thread (the decisions are cheap, the scheduling must be sequential);
 * the vehicle-set order CityFlow used is replaced by drivable order for the decisions, which do
 * not interact, and ascending priority for the scheduling, so results do not depend on the thread
 * count. No allocation per step once the buffers and the path cache have grown.
 */
final class LaneChanges {
  /** No change starts within this distance of the lane end, m (CityFlow's 30). */
  static final double END_MARGIN = 30;

  /** Shortest time between two changes of one vehicle, s (CityFlow's 3). */
  static final double COOL_DOWN_SECONDS = 3;

  private static final int[] NOT_ALLOWED = new int[0];

  private final SimNetwork net;
  private final VehicleTypes types;
  private final VehicleTable vehicles;
  private final int[][] dv;
  private final int[] dvCount;
  private final StepStats stats;
  private final Movement movement;
  private final SpeedRules speedRules;
  private final boolean compatible;
  private final double dt;
  private final int laneCount;

  // per path array: [road position][lane index in road] -> path from that lane, or NOT_ALLOWED
  private final Map<int[], int[][][]> replanned = new IdentityHashMap<>();

  private int[] planners = new int[64];
  private int plannerCount;

  // originals of the changes in progress, in the order they started
  private int[] active = new int[64];
  private int activeCount;

  LaneChanges(
      SimNetwork net,
      VehicleTypes types,
      VehicleTable vehicles,
      int[][] dv,
      int[] dvCount,
      StepStats stats,
      Movement movement,
      SpeedRules speedRules,
      boolean compatible,
      double dt) {
    this.net = net;
    this.types = types;
    this.vehicles = vehicles;
    this.dv = dv;
    this.dvCount = dvCount;
    this.stats = stats;
    this.movement = movement;
    this.speedRules = speedRules;
    this.compatible = compatible;
    this.dt = dt;
    this.laneCount = net.laneCount;
  }

  /** Forgets the changes in progress (the vehicle table is cleared separately). */
  void clear() {
    plannerCount = 0;
    activeCount = 0;
  }

  /** The time of the last completed change a new vehicle starts with, s. */
  double initialLastChangeTime() {
    // CityFlow starts at 0, which blocks changes in the first 3 s of the run
    return compatible ? 0 : Double.NEGATIVE_INFINITY;
  }

  /**
   * Every running vehicle clears the signals of the last step and, unless it is a shadow, makes
   * its signal for this one; collects the vehicles that plan a change.
   *
   * @param now simulated time at the start of the step, s
   */
  void decide(double now) {
    plannerCount = 0;
    for (int d = 0; d < dv.length; d++) {
      int n = dvCount[d];
      int[] list = dv[d];
      for (int k = 0; k < n; k++) {
        int v = list[k];
        vehicles.lcRecvFrom[v] = NONE;
        byte role = vehicles.lcRole[v];
        if (role == LC_SHADOW) {
          continue;
        }
        if (role == LC_CHANGING) {
          addPlanner(v); // keeps its signal and target
          continue;
        }
        vehicles.lcTarget[v] = NONE;
        if (now - vehicles.lcLastTime[v] < COOL_DOWN_SECONDS) {
          vehicles.lcSignal[v] = false;
          continue;
        }
        vehicles.lcSignal[v] = true;
        if (d >= laneCount) {
          continue;
        }
        int target = chooseTarget(v, d);
        if (target != NONE) {
          vehicles.lcTarget[v] = target;
          addPlanner(v);
        }
      }
    }
  }

  /** The adjacent lane vehicle {@code v} on lane {@code lane} wants, or NONE. */
  private int chooseTarget(int v, int lane) {
    double x = vehicles.dis[v];
    if (net.length[lane] - x < END_MARGIN) {
      return NONE;
    }
    int t = vehicles.type[v];
    double len = types.len[t];
    if (!compatible && vehicles.leader[v] == NONE) {
      return NONE; // nothing ahead: no reason to change
    }
    double g = vehicles.gap[v];
    double expected = 2 * len + 4 * dt * types.maxSpeed[t];
    if (g > expected || g < 1.5 * len) {
      return NONE;
    }
    int road = net.laneRoad[lane];
    int index = net.laneIndexInRoad[lane];
    int target = NONE;
    double outerRoom = 0;
    if (index + 1 < net.roadLaneCount[road] && allowed(v, lane + 1)) {
      outerRoom = roomAhead(lane + 1, x);
      if (outerRoom > g + len) {
        target = lane + 1;
      }
    }
    if (index > 0 && allowed(v, lane - 1)) {
      double innerRoom = roomAhead(lane - 1, x);
      if (innerRoom > g + len && innerRoom > outerRoom) {
        target = lane - 1;
      }
    }
    return target;
  }

  /** Free length ahead of position {@code x} on lane {@code lane}, m. */
  private double roomAhead(int lane, double x) {
    int a = ahead(lane, x);
    if (a == NONE) {
      return net.length[lane] - x;
    }
    return vehicles.dis[a] - types.len[vehicles.type[a]] - x;
  }

  /** The vehicle on drivable {@code d} with the smallest position at or beyond {@code x}, or NONE. */
  private int ahead(int d, double x) {
    int best = NONE;
    int n = dvCount[d];
    int[] list = dv[d];
    for (int k = 0; k < n; k++) {
      int u = list[k];
      double p = vehicles.dis[u];
      if (p >= x && (best == NONE || p < vehicles.dis[best])) {
        best = u;
      }
    }
    return best;
  }

  /** The vehicle on drivable {@code d} with the largest position below {@code x}, or NONE. */
  private int behind(int d, double x) {
    int best = NONE;
    int n = dvCount[d];
    int[] list = dv[d];
    for (int k = 0; k < n; k++) {
      int u = list[k];
      double p = vehicles.dis[u];
      if (p < x && (best == NONE || p > vehicles.dis[best])) {
        best = u;
      }
    }
    return best;
  }

  /** True when vehicle {@code v} can still continue its route from lane {@code lane}. */
  private boolean allowed(int v, int lane) {
    return replan(v, lane) != null;
  }

  /** The path of vehicle {@code v} from lane {@code lane} of its road, or null (cached). */
  private int[] replan(int v, int lane) {
    int[] path = vehicles.path[v];
    int pos = vehicles.pathPos[v];
    int[][][] table = replanned.get(path);
    if (table == null) {
      table = new int[(path.length + 1) / 2][][];
      replanned.put(path, table);
    }
    int road = net.laneRoad[lane];
    int[][] row = table[pos / 2];
    if (row == null) {
      row = new int[net.roadLaneCount[road]][];
      table[pos / 2] = row;
    }
    int index = net.laneIndexInRoad[lane];
    if (row[index] == null) {
      int[] p = FlowPlans.replan(net, path, pos, lane);
      row[index] = p == null ? NOT_ALLOWED : p;
    }
    return row[index] == NOT_ALLOWED ? null : row[index];
  }

  private void addPlanner(int v) {
    if (plannerCount == planners.length) {
      planners = Arrays.copyOf(planners, 2 * plannerCount);
    }
    planners[plannerCount++] = v;
  }

  /**
   * Processes the planning vehicles one at a time in ascending priority: target neighbours,
   * signals, gap acceptance, shadow insertion.
   *
   * @param random the run's generator (a new shadow's priority)
   */
  void schedule(SplittableRandom random) {
    sortPlannersByPriority();
    for (int k = 0; k < plannerCount; k++) {
      int v = planners[k];
      boolean changing = vehicles.lcRole[v] == LC_CHANGING;
      int target = changing ? vehicles.drivable[vehicles.partner[v]] : vehicles.lcTarget[v];
      int current = vehicles.drivable[v];
      double x = vehicles.dis[v];
      int t = vehicles.type[v];
      int leader = ahead(target, x);
      double gapAhead =
          leader == NONE
              ? net.length[current] - x
              : vehicles.dis[leader] - types.len[vehicles.type[leader]] - x;
      int follower = behind(target, x);
      double gapBehind =
          follower == NONE ? Double.POSITIVE_INFINITY : x - types.len[t] - vehicles.dis[follower];
      vehicles.lcTargetLeader[v] = leader;
      vehicles.lcTargetFollower[v] = follower;
      vehicles.lcGapBehind[v] = gapBehind;
      send(v, leader);
      send(v, follower);
      if (changing
          || !vehicles.lcSignal[v]
          || vehicles.lcRecvFrom[v] != NONE
          || current >= laneCount
          || gapAhead < types.minBrakeDistance(t, vehicles.speed[v])
          || (follower != NONE
              && gapBehind < types.minBrakeDistance(vehicles.type[follower], vehicles.speed[follower]))) {
        continue;
      }
      startChange(v, target, follower, random);
    }
  }

  /** Insertion sort: planners are few (tens per step in a city grid). */
  private void sortPlannersByPriority() {
    long[] prio = vehicles.priority;
    for (int i = 1; i < plannerCount; i++) {
      int v = planners[i];
      int j = i - 1;
      while (j >= 0 && prio[planners[j]] > prio[v]) {
        planners[j + 1] = planners[j];
        j--;
      }
      planners[j + 1] = v;
    }
  }

  /** Vehicle {@code receiver} accepts the signal of {@code sender} if it outranks what it holds. */
  private void send(int sender, int receiver) {
    if (receiver == NONE || vehicles.lcRole[receiver] == LC_CHANGING) {
      return;
    }
    long p = vehicles.priority[sender];
    int held = vehicles.lcRecvFrom[receiver];
    if (held != NONE && vehicles.priority[held] >= p) {
      return;
    }
    if (vehicles.lcSignal[receiver] && vehicles.priority[receiver] >= p) {
      return;
    }
    vehicles.lcRecvFrom[receiver] = sender;
  }

  private void startChange(int v, int target, int follower, SplittableRandom random) {
    int[] path = replan(v, target);
    int s = vehicles.addShadow(v);
    vehicles.priority[s] = random.nextLong();
    vehicles.path[s] = path;
    vehicles.drivable[s] = target;
    vehicles.lcRole[v] = LC_CHANGING;
    vehicles.partner[v] = s;
    vehicles.lcOffset[v] = 0;
    movement.insertShadow(target, s, follower);
    stats.shadowCreated(vehicles.enterTime[s]);
    if (activeCount == active.length) {
      active = Arrays.copyOf(active, 2 * activeCount);
    }
    active[activeCount++] = v;
  }

  /**
   * After the speed decisions: each pair moves as its slower partner, the lateral offset grows,
   * and the change completes (the shadow takes over, the original is dropped) or aborts (the
   * shadow left its lane first and is dropped).
   *
   * @param now simulated time at the start of the step, s
   */
  void pairAndProgress(double now) {
    int k = 0;
    while (k < activeCount) {
      int v = active[k];
      int s = vehicles.partner[v];
      if (vehicles.nextDelta[v] <= vehicles.nextDelta[s]) {
        speedRules.moveAs(s, v);
      } else {
        speedRules.moveAs(v, s);
      }
      double width = (net.laneWidth[vehicles.drivable[v]] + net.laneWidth[vehicles.drivable[s]]) / 2;
      double offset =
          Math.min(
              Math.abs(vehicles.lcOffset[v]) + Math.max(0.2 * vehicles.nextSpeed[v], 1) * dt, width);
      vehicles.lcOffset[v] = offset;
      boolean done;
      if (offset >= width) {
        // the shadow takes the vehicle's place and identity; the original leaves without finishing
        vehicles.lcRole[s] = LC_NONE;
        vehicles.partner[s] = NONE;
        vehicles.lcLastTime[s] = compatible ? 0 : now;
        drop(v);
        stats.laneChangeCompleted(vehicles.enterTime[s]);
        done = true;
      } else if (vehicles.nextEnd[s] || vehicles.nextPathPos[s] != vehicles.pathPos[s]) {
        // the shadow ran off its lane first: the vehicle stays where it is
        drop(s);
        vehicles.lcRole[v] = LC_NONE;
        vehicles.partner[v] = NONE;
        vehicles.lcOffset[v] = 0;
        stats.laneChangeAborted(vehicles.enterTime[s]);
        done = true;
      } else {
        done = false;
      }
      if (done) {
        active[k] = active[--activeCount];
      } else {
        k++;
      }
    }
  }

  private void drop(int v) {
    vehicles.state[v] = DROPPING;
    vehicles.lcRole[v] = LC_NONE;
    vehicles.partner[v] = NONE;
    vehicles.lcSignal[v] = false;
  }

  /** Lane changes in progress. */
  int inProgress() {
    return activeCount;
  }

  /** Signed lateral offset of vehicle {@code v} (+ outwards), m; 0 when not changing. */
  double offset(int v) {
    if (vehicles.lcRole[v] != LC_CHANGING) {
      return 0;
    }
    int s = vehicles.partner[v];
    int dir = net.laneIndexInRoad[vehicles.drivable[s]] > net.laneIndexInRoad[vehicles.drivable[v]] ? 1 : -1;
    return dir * vehicles.lcOffset[v];
  }
}

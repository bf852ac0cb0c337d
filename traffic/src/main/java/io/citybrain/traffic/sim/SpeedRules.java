package io.citybrain.traffic.sim;

import static io.citybrain.traffic.sim.VehicleTable.NONE;

/**
 * Decides each running vehicle's next speed and where that speed takes it in one step, following
 * CityFlow's vehicle.cpp (commit 81ee0f4): {@code getNextSpeed} takes the lowest of the
 * vehicle's maximum speed, one step of its maximum acceleration, the drivable's limit, the
 * car-following speed ({@code getCarFollowSpeed}, {@code getNoCollisionSpeed}: a Krauss-type safe
 * speed) and, near or in an intersection, the intersection-related speed ({@code
 * isIntersectionRelated}, {@code getIntersectionRelatedSpeed}: red light, blocked exit lane, turn
 * speed, yielding at conflict points through {@link ConflictPoints}; {@code getStopBeforeSpeed}),
 * and never brakes harder than the maximum deceleration. The vehicle then moves by the trapezoidal
 * rule, (v + v′)·Δt/2, through as many drivables of its path as that covers.
 *
 * <p>Speeds in m/s, distances in m, Δt in s. A decision reads only the state at the start of the
 * step and writes only the vehicle's own buffer entries in the {@link VehicleTable} ({@code
 * nextSpeed}, {@code nextDis}, {@code nextPathPos}, {@code nextEnd}, {@code bufBlocker}), so
 * vehicles may be decided in any order and on any thread with the same result.
 */
final class SpeedRules {
  private static final double EPS = 1e-8;

  private final SimNetwork net;
  private final VehicleTypes types;
  private final VehicleTable vehicles;
  private final ConflictPoints conflicts;
  private final int[][] dv;
  private final int[] dvCount;
  private final boolean[] roadLinkGreen;
  private final double[] blockedAt;
  private final double dt;
  private final int laneCount;

  /**
   * @param net the compiled network
   * @param types the vehicle types
   * @param vehicles the vehicle table
   * @param conflicts the conflict points, notified for this step before any decision
   * @param dv per drivable, its vehicles front to back (read only)
   * @param dvCount per drivable, the number of vehicles in its list
   * @param roadLinkGreen per road link, whether it has green now
   * @param blockedAt per lane, where an incident blocks it now (m from its start), NaN when open
   * @param dt step length, s
   */
  SpeedRules(
      SimNetwork net,
      VehicleTypes types,
      VehicleTable vehicles,
      ConflictPoints conflicts,
      int[][] dv,
      int[] dvCount,
      boolean[] roadLinkGreen,
      double[] blockedAt,
      double dt) {
    this.net = net;
    this.types = types;
    this.vehicles = vehicles;
    this.conflicts = conflicts;
    this.dv = dv;
    this.dvCount = dvCount;
    this.roadLinkGreen = roadLinkGreen;
    this.blockedAt = blockedAt;
    this.dt = dt;
    this.laneCount = net.laneCount;
  }

  /**
   * Decides the next speed and position of every vehicle on drivables {@code from} (incl.) to
   * {@code to}.
   *
   * @param now the simulated time at the start of the step, s
   */
  void computeActions(int from, int to, double now) {
    for (int d = from; d < to; d++) {
      int n = dvCount[d];
      int[] list = dv[d];
      for (int k = 0; k < n; k++) {
        computeAction(list[k], now);
      }
    }
  }

  private void computeAction(int v, double now) {
    int t = vehicles.type[v];
    int d = vehicles.drivable[v];
    double spd = vehicles.speed[v];
    vehicles.bufBlocker[v] = NONE;
    double vn = Math.min(types.maxSpeed[t], spd + types.maxPosAcc[t] * dt);
    vn = Math.min(vn, net.maxSpeed[d]);
    vn = Math.min(vn, carFollowSpeed(v, t, spd));
    if (isIntersectionRelated(v, t, d)) {
      vn = Math.min(vn, intersectionSpeed(v, t, d, spd, now));
    }
    if (d < laneCount) {
      double block = blockedAt[d];
      if (block == block && vehicles.dis[v] <= block) {
        // an incident ahead on this lane: stop before it, as before a red light (a vehicle too
        // close to stop when it starts passes, as CityFlow's vehicles run a light they cannot stop at)
        double remain = block - vehicles.dis[v];
        if (!(types.minBrakeDistance(t, spd) > remain)) {
          vn = Math.min(vn, stopBeforeSpeed(t, spd, remain));
        }
      }
    }
    int sender = vehicles.lcRecvFrom[v];
    if (sender != NONE && vehicles.lcTargetLeader[sender] != v) {
      vn = Math.min(vn, yieldSpeed(v, t, spd, sender));
    }
    vn = Math.max(vn, spd - types.maxNegAcc[t] * dt);
    double delta;
    if (vn < 0) {
      delta = 0.5 * spd * spd / types.maxNegAcc[t];
      vn = 0;
    } else {
      delta = (spd + vn) * dt / 2;
    }
    vehicles.nextSpeed[v] = vn;
    vehicles.nextDelta[v] = delta;
    advance(v, delta);
  }

  /**
   * Speed that lets a vehicle that received a lane-change signal from {@code sender} (as its
   * target follower) keep room for it: the safe speed behind a leader at the sender's speed whose
   * rear is the signal's gap, less this vehicle's braking distance, ahead (CityFlow's {@code
   * Vehicle::getNextSpeed} lane-change term); no constraint when no speed is safe (the follower
   * gives up yielding).
   */
  private double yieldSpeed(int v, int t, double spd, int sender) {
    int follower = vehicles.lcTargetFollower[sender];
    double g =
        vehicles.lcGapBehind[sender]
            - (follower == NONE ? 0 : types.minBrakeDistance(vehicles.type[follower], vehicles.speed[follower]));
    double u =
        noCollisionSpeed(
            vehicles.speed[sender], types.maxNegAcc[vehicles.type[sender]], spd, types.maxNegAcc[t], g, 0);
    return u < 0 ? Double.POSITIVE_INFINITY : u;
  }

  /**
   * Makes vehicle {@code v} take vehicle {@code model}'s decided speed and distance this step (the
   * two partners of a lane change move together), along its own path.
   */
  void moveAs(int v, int model) {
    vehicles.nextSpeed[v] = vehicles.nextSpeed[model];
    vehicles.nextDelta[v] = vehicles.nextDelta[model];
    advance(v, vehicles.nextDelta[model]);
  }

  /** Where moving {@code delta} m from its position takes vehicle {@code v} along its path. */
  private void advance(int v, double delta) {
    double nd = vehicles.dis[v] + delta;
    int pos = vehicles.pathPos[v];
    int[] pa = vehicles.path[v];
    int cur = vehicles.drivable[v];
    boolean end = false;
    while (nd > net.length[cur]) {
      nd -= net.length[cur];
      pos++;
      if (pos >= pa.length) {
        end = true;
        break;
      }
      cur = pa[pos];
    }
    vehicles.nextDis[v] = nd;
    vehicles.nextPathPos[v] = pos;
    vehicles.nextEnd[v] = end;
  }

  private double carFollowSpeed(int v, int t, double spd) {
    int l = vehicles.leader[v];
    if (l == NONE) {
      return types.maxSpeed[t];
    }
    int lt = vehicles.type[l];
    double vl = vehicles.speed[l];
    double g = vehicles.gap[v];
    double r = noCollisionSpeed(vl, types.maxNegAcc[lt], spd, types.maxNegAcc[t], g, 0);
    double assumeDecel = spd > vl ? spd - vl : 0;
    r =
        Math.min(
            r,
            noCollisionSpeed(
                vl, types.usualNegAcc[lt], spd, types.usualNegAcc[t], g, types.minGap[t]));
    r = Math.min(r, (g + (vl + assumeDecel / 2) * dt - spd * dt / 2) / (types.headway[t] + dt / 2));
    return r;
  }

  /**
   * The largest next speed u such that moving (vF+u)·dt/2 now and then braking at dF stops
   * {@code targetGap} behind where a leader at vL braking at dL stops (CityFlow's
   * getNoCollisionSpeed); -100 when no speed is safe (forces maximal braking).
   */
  private double noCollisionSpeed(
      double vl, double dl, double vf, double df, double g, double targetGap) {
    double c = vf * dt / 2 + targetGap - 0.5 * vl * vl / dl - g;
    double a = 0.5 / df;
    double b = 0.5 * dt;
    if (b * b < 4 * a * c) {
      return -100;
    }
    double v1 = 0.5 / a * (Math.sqrt(b * b - 4 * a * c) - b);
    double v2 = 2 * vl - dl * dt + 2 * (g - targetGap) / dt;
    return Math.min(v1, v2);
  }

  /** True on a lane link, or within the approach distance of a lane's end before a lane link. */
  private boolean isIntersectionRelated(int v, int t, int d) {
    if (d >= laneCount) {
      return true;
    }
    int next = vehicles.nextDrivable(v, 0);
    return next >= laneCount && net.length[d] - vehicles.dis[v] <= types.approach[t];
  }

  private double intersectionSpeed(int v, int t, int d, double spd, double now) {
    double vv = types.maxSpeed[t];
    int link = NONE;
    int next = vehicles.nextDrivable(v, 0);
    if (next >= laneCount) {
      link = next;
      int li = link - laneCount;
      if (!roadLinkGreen[net.linkRoadLink[li]] || !canEnter(net.linkEndLane[li], t)) {
        double remain = net.length[d] - vehicles.dis[v];
        if (!(types.minBrakeDistance(t, spd) > remain)) {
          return Math.min(vv, stopBeforeSpeed(t, spd, remain));
        }
        // too close to stop: it continues (runs the light), as in CityFlow
      }
      // turns at the turn speed (CityFlow), or any link at its declared limit (SUMO)
      vv = Math.min(vv, net.linkApproachSpeed[li]);
    }
    if (link == NONE && d >= laneCount) {
      link = d;
    }
    if (link == NONE) {
      return vv;
    }
    double toLinkStart = d < laneCount ? -(net.length[d] - vehicles.dis[v]) : vehicles.dis[v];
    for (int c : net.linkCrosses[link - laneCount]) {
      double onLink = net.crossDistance(c, link);
      if (onLink < toLinkStart) {
        continue;
      }
      if (!conflicts.canPass(v, c, link, toLinkStart, now)) {
        vv =
            Math.min(
                vv, stopBeforeSpeed(t, spd, onLink - toLinkStart - Simulation.YIELD_DISTANCE));
        vehicles.bufBlocker[v] = conflicts.foe(c, link);
        break;
      }
    }
    return vv;
  }

  /**
   * True when a vehicle of type {@code t} could drive into lane {@code lane} now: the lane's last
   * vehicle is clear of its start by both lengths or still moving at 2 m/s or more (the "don't
   * block the box" rule).
   */
  boolean canEnter(int lane, int t) {
    int n = dvCount[lane];
    if (n == 0) {
      return true;
    }
    int tail = dv[lane][n - 1];
    return vehicles.dis[tail] > types.len[vehicles.type[tail]] + types.len[t]
        || vehicles.speed[tail] >= 2;
  }

  /**
   * Speed that lets a vehicle of type {@code t} at {@code spd} stop within {@code distance}:
   * accelerate once if braking at the usual rate afterwards still stops in time, else slow down
   * in whole steps (CityFlow's getStopBeforeSpeed).
   */
  private double stopBeforeSpeed(int t, double spd, double distance) {
    double accelerated = spd + types.usualPosAcc[t] * dt;
    double brake =
        (spd + accelerated) * dt / 2 + accelerated * accelerated / types.usualNegAcc[t] / 2;
    if (brake < distance) {
      return accelerated;
    }
    double take = 2 * distance / (spd + EPS) / dt;
    if (take >= 1) {
      return spd - spd / (int) take;
    }
    return spd - spd / take;
  }
}

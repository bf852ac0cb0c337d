package io.citybrain.traffic.sim;

import static io.citybrain.traffic.sim.VehicleTable.NONE;

import java.util.Arrays;

/**
 * The conflict points ("crosses") between lane links and the right-of-way rules that decide who
 * yields at them, following CityFlow (commit 81ee0f4): engine.cpp {@code Engine::notifyCross},
 * roadnet.cpp {@code Cross::notify} and {@code Cross::canPass}, vehicle.cpp {@code canYield},
 * {@code getReachSteps}, {@code getReachStepsOnLaneLink} and {@code getDistanceUntilSpeed}.
 *
 * <p>Each cross has two sides, one per lane link (side 0: the network's {@code crossLinkA}). At
 * the start of a step's decisions, {@link #notifyCrosses} records on every side the nearest
 * vehicle relevant to it and its signed distance to the cross along that link, m: positive before
 * the cross, negative once its front has passed it (it has cleared the cross when distance plus
 * its length is negative). A vehicle deciding its speed then asks {@link #canPass} at each cross
 * ahead of it whether it may go before the vehicle notified on the other side.
 *
 * <p>The work of {@link #notifyCrosses} is split into contiguous ranges of lane links of about
 * equal numbers of crosses, one per part of the step's worker team; each side is written only by
 * its own link, so parts never write the same entries and any split gives the same result.
 */
final class ConflictPoints {
  private final SimNetwork net;
  private final VehicleTypes types;
  private final VehicleTable vehicles;
  private final int[][] dv;
  private final int[] dvCount;
  private final boolean[] roadLinkGreen;
  private final double dt;
  private final int laneCount;
  private final boolean impatience;

  /** Per cross side (index 2 × cross + side): the notified vehicle, or {@code NONE}. */
  private final int[] notifyVehicle;

  /** Per cross side: the notified vehicle's signed distance to the cross, m. */
  private final double[] notifyDistance;

  /** Lane link drivables of each part: {@code linkPartStart[p]} (incl.) to {@code [p + 1]}. */
  private final int[] linkPartStart;

  /**
   * @param net the compiled network
   * @param types the vehicle types
   * @param vehicles the vehicle table
   * @param dv per drivable, its vehicles front to back (the lists are read, never written)
   * @param dvCount per drivable, the number of vehicles in its list
   * @param roadLinkGreen per road link, whether it has green now
   * @param dt step length, s
   * @param impatience whether a long-standing vehicle at an unsignalised junction ranks above
   *     every movement ({@link #rank}; off in CityFlow-compatible mode)
   * @param parts number of parts of the step's worker team
   */
  ConflictPoints(
      SimNetwork net,
      VehicleTypes types,
      VehicleTable vehicles,
      int[][] dv,
      int[] dvCount,
      boolean[] roadLinkGreen,
      double dt,
      boolean impatience,
      int parts) {
    this.net = net;
    this.types = types;
    this.vehicles = vehicles;
    this.dv = dv;
    this.dvCount = dvCount;
    this.roadLinkGreen = roadLinkGreen;
    this.dt = dt;
    this.laneCount = net.laneCount;
    this.impatience = impatience;
    this.notifyVehicle = new int[2 * net.crossCount];
    this.notifyDistance = new double[2 * net.crossCount];
    this.linkPartStart = partitionLinks(net, parts);
    clear();
  }

  /** Forgets every notification. */
  void clear() {
    Arrays.fill(notifyVehicle, NONE);
  }

  /** Number of cross sides (for memory accounting). */
  int sideCount() {
    return notifyVehicle.length;
  }

  /** Contiguous ranges of lane links with about equal numbers of conflict points. */
  private static int[] partitionLinks(SimNetwork net, int parts) {
    int[] start = new int[parts + 1];
    int lc = net.laneCount;
    long total = 0;
    for (int d = lc; d < net.drivableCount; d++) {
      total += net.linkCrosses[d - lc].length + 1;
    }
    long acc = 0;
    int p = 1;
    start[0] = lc;
    for (int d = lc; d < net.drivableCount && p < parts; d++) {
      acc += net.linkCrosses[d - lc].length + 1;
      if (acc * parts >= total * p) {
        start[p++] = d + 1;
      }
    }
    while (p <= parts) {
      start[p++] = net.drivableCount;
    }
    return start;
  }

  /**
   * Records, for the crosses of part {@code part}'s lane links, the nearest vehicle on each link's
   * side: the last vehicle that left the link whose rear has not cleared the cross; vehicles on
   * the link that have not cleared it; the first vehicle on the start lane heading into the link,
   * if the link is green.
   */
  void notifyCrosses(int part) {
    final int lc = laneCount;
    final double[] dis = vehicles.dis;
    final int[] type = vehicles.type;
    final double[] tLen = types.len;
    int from = linkPartStart[part];
    int to = linkPartStart[part + 1];
    // each cross side is written only by its own link, so parts never touch the same entries
    for (int link = from; link < to; link++) {
      for (int c : net.linkCrosses[link - lc]) {
        notifyVehicle[2 * c + net.crossSide(c, link)] = NONE;
      }
    }
    for (int link = from; link < to; link++) {
      int li = link - lc;
      int[] crosses = net.linkCrosses[li];
      if (crosses.length == 0) {
        continue;
      }
      int r = crosses.length - 1; // from the far end backwards
      double linkLen = net.length[link];

      // the last vehicle on the end lane, if it came from this link and has not cleared a cross
      int endLane = net.linkEndLane[li];
      int n = dvCount[endLane];
      if (n > 0) {
        int v = dv[endLane][n - 1];
        if (vehicles.prevDrivable[v] == link) {
          double rear = dis[v] - tLen[type[v]];
          while (r >= 0) {
            int c = crosses[r];
            double crossDistance = linkLen - net.crossDistance(c, link);
            if (crossDistance + rear < 0) {
              notify(c, link, v, -(dis[v] + crossDistance));
              r--;
            } else {
              break;
            }
          }
        }
      }

      // vehicles on the link, front to back
      int m = dvCount[link];
      int[] list = dv[link];
      for (int k = 0; k < m && r >= 0; k++) {
        int v = list[k];
        double vd = dis[v];
        while (r >= 0) {
          int c = crosses[r];
          double cd = net.crossDistance(c, link);
          if (vd > cd) {
            if (vd - cd - tLen[type[v]] <= 0) {
              notify(c, link, v, cd - vd);
            } else {
              break;
            }
          } else {
            notify(c, link, v, cd - vd);
          }
          r--;
        }
      }

      // the first vehicle on the start lane heading into this link, if the link is green
      if (r >= 0 && roadLinkGreen[net.linkRoadLink[li]]) {
        int startLane = net.linkStartLane[li];
        if (dvCount[startLane] > 0) {
          int v = dv[startLane][0];
          if (vehicles.nextDrivable(v, 0) == link) {
            double vd = net.length[startLane] - dis[v];
            while (r >= 0) {
              int c = crosses[r];
              notify(c, link, v, vd + net.crossDistance(c, link));
              r--;
            }
          }
        }
      }
    }
  }

  private void notify(int c, int link, int v, double distance) {
    int k = 2 * c + net.crossSide(c, link);
    notifyVehicle[k] = v;
    notifyDistance[k] = distance;
  }

  /**
   * The vehicle notified on the side of cross {@code c} opposite lane link {@code link} (the one
   * a vehicle on {@code link} would yield to), or {@link VehicleTable#NONE}.
   */
  int foe(int c, int link) {
    return notifyVehicle[2 * c + 1 - net.crossSide(c, link)];
  }

  /**
   * True when vehicle {@code v} on (or heading into) lane link {@code link} may pass cross {@code
   * c} before the vehicle notified on the other side. Right of way: a vehicle that cannot yield
   * passes; one facing a foe that cannot yield yields; else the higher {@link #rank} passes; a
   * lower rank passes only if the foe needs strictly more steps to reach the cross (or has cleared
   * it); equal ranks: fewer steps to reach the cross, then earlier entry onto the link, then
   * smaller distance, then larger priority. A yield that would close a loop of blockers becomes a
   * pass (CityFlow's deadlock breaker).
   *
   * @param toLinkStart signed distance of {@code v}'s front from the start of {@code link}, m
   *     (negative while still on the lane before it)
   * @param now the simulated time at the start of the step, s
   */
  boolean canPass(int v, int c, int link, double toLinkStart, double now) {
    int side = net.crossSide(c, link);
    int foe = notifyVehicle[2 * c + 1 - side];
    if (foe == NONE) {
      return true;
    }
    double d1 = net.crossDistance(c, link) - toLinkStart;
    double d2 = notifyDistance[2 * c + 1 - side];
    if (!canYield(v, d1)) {
      return true;
    }
    int foeLink = side == 0 ? net.crossLinkB[c] : net.crossLinkA[c];
    int t1 = rank(v, link, now);
    int t2 = rank(foe, foeLink, now);
    int yield = 0;
    if (!canYield(foe, d2)) {
      yield = 1;
    }
    if (yield == 0) {
      if (t1 > t2) {
        yield = -1;
      } else if (t1 < t2) {
        if (d2 > 0) {
          int foeSteps = reachStepsOnLink(foe, d2, foeLink);
          int mySteps = reachStepsOnLink(v, d1, link);
          if (foeSteps > mySteps) {
            yield = -1;
          }
        } else if (d2 + types.len[vehicles.type[foe]] < 0) {
          yield = -1;
        }
        if (yield == 0) {
          yield = 1;
        }
      } else {
        if (d2 > 0) {
          int foeSteps = reachStepsOnLink(foe, d2, foeLink);
          int mySteps = reachStepsOnLink(v, d1, link);
          if (foeSteps > mySteps) {
            yield = -1;
          } else if (foeSteps < mySteps) {
            yield = 1;
          } else if (vehicles.enterLaneLinkStep[v] == vehicles.enterLaneLinkStep[foe]) {
            if (d1 == d2) {
              yield = vehicles.priority[v] > vehicles.priority[foe] ? -1 : 1;
            } else {
              yield = d1 < d2 ? -1 : 1;
            }
          } else {
            yield = vehicles.enterLaneLinkStep[v] < vehicles.enterLaneLinkStep[foe] ? -1 : 1;
          }
        } else {
          yield = d2 + types.len[vehicles.type[foe]] < 0 ? -1 : 1;
        }
      }
    }
    if (yield == 1) {
      // deadlock breaker: follow the chain of blockers (as of the last step); a loop means pass
      final int[] blocker = vehicles.blocker;
      int fast = foe;
      int slow = foe;
      while (fast != NONE && blocker[fast] != NONE) {
        slow = blocker[slow];
        fast = blocker[blocker[fast]];
        if (slow == fast) {
          yield = -1;
          break;
        }
      }
    }
    return yield == -1;
  }

  /**
   * True when vehicle {@code v} at signed distance {@code dist} from a cross could still stop
   * {@link Simulation#YIELD_DISTANCE} before it, or has cleared it.
   */
  private boolean canYield(int v, double dist) {
    int t = vehicles.type[v];
    return (dist > 0
            && types.minBrakeDistance(t, vehicles.speed[v]) < dist - Simulation.YIELD_DISTANCE)
        || (dist < 0 && dist + types.len[t] < 0);
  }

  /**
   * Right-of-way rank of vehicle {@code v} on lane link {@code link}: CityFlow's straight 3 >
   * left 2 > right 1. At an unsignalised (priority) junction a vehicle that has stood still for
   * {@link Simulation#IMPATIENCE_SECONDS} or more ranks above every movement (4), as drivers who
   * have waited long take a gap in a continuous stream (gap-acceptance impatience, as in SUMO's
   * junction model); both sides of a conflict point see the same ranks, so the decision is
   * consistent. Not applied in CityFlow-compatible mode.
   */
  private int rank(int v, int link, double now) {
    int li = link - laneCount;
    int r = net.linkPriority[li];
    if (impatience
        && !net.intersectionSignalized[net.roadLinkIntersection[net.linkRoadLink[li]]]
        && !Double.isNaN(vehicles.stoppedSince[v])
        && now - vehicles.stoppedSince[v] >= Simulation.IMPATIENCE_SECONDS) {
      return 4;
    }
    return r;
  }

  /**
   * Steps vehicle {@code v} needs to cover {@code distance} m on lane link {@code link},
   * accelerating at its usual rate to its maximum speed (at most the link's approach speed: the turn
   * speed on a CityFlow turn, the declared limit of a SUMO internal lane).
   */
  private int reachStepsOnLink(int v, double distance, int link) {
    int t = vehicles.type[v];
    int li = link - laneCount;
    double target =
        net.linkIsTurn[li] || net.linkApproachSpeed[li] < SimNetwork.LANE_LINK_MAX_SPEED
            ? net.linkApproachSpeed[li]
            : types.maxSpeed[t];
    return reachSteps(v, distance, target, types.usualPosAcc[t]);
  }

  private int reachSteps(int v, double distance, double targetSpeed, double acc) {
    if (distance <= 0) {
      return 0;
    }
    double spd = vehicles.speed[v];
    if (spd > targetSpeed) {
      return (int) Math.ceil(distance / spd);
    }
    double untilTarget = distanceUntilSpeed(spd, targetSpeed, acc);
    if (untilTarget > distance) {
      return (int) Math.ceil((Math.sqrt(spd * spd + 2 * acc * distance) - spd) / acc / dt);
    }
    return (int) Math.ceil((targetSpeed - spd) / acc / dt)
        + (int) Math.ceil((distance - untilTarget) / targetSpeed / dt);
  }

  /** Distance covered while accelerating from {@code spd} to {@code target} at {@code acc}, m. */
  private double distanceUntilSpeed(double spd, double target, double acc) {
    if (target <= spd) {
      return 0;
    }
    int stage1Steps = (int) Math.floor((target - spd) / acc / dt);
    double stage1Speed = spd + stage1Steps * acc * dt;
    double stage1Dis = (spd + stage1Speed) * (stage1Steps * dt) / 2;
    return stage1Dis + (stage1Speed < target ? (stage1Speed + target) * dt / 2 : 0);
  }
}

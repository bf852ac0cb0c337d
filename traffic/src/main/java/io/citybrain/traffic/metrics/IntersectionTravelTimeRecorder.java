package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-intersection travel time of the reinforcement-learning papers on the CityFlow datasets
 * (CoLight, MPLight, Efficient- and Advanced-XLight; written out in {@code
 * docs/metrics.md}), measured as their code measures it (LiangZhang1996/Advanced_XLight {@code
 * utils/cityflow_env.py}, class {@code Intersection}, and {@code summary.py}):
 *
 * <ul>
 *   <li>after every step each signalised intersection reads the vehicles on its incoming lanes
 *       (every lane of every road ending there);
 *   <li>a vehicle's enter time there is the first sample that shows it; its leave time the sample
 *       at which it is no longer on those lanes (later departures overwrite it); still there at
 *       the end: the end time;
 *   <li>per vehicle, the durations (leave − enter) are summed over intersections, and the metric
 *       is the mean over every vehicle seen at least once, lane-change shadows excluded.
 * </ul>
 *
 * It leaves out time waiting to enter the network, time inside intersections and time on the
 * last road, so it is lower than CityFlow's average travel time. One quirk of that code is kept on
 * purpose: when an intersection's incoming lanes were all empty at the previous sample, every
 * vehicle present now is also marked as having left now (its leave time is corrected when it
 * really leaves; one that never leaves keeps it). Times in s. No allocation per step once the
 * per-vehicle tables have grown.
 */
public final class IntersectionTravelTimeRecorder implements StepObserver {
  private final int[][] incoming;

  // per intersection: the vehicles (uids) on its incoming lanes at the previous and current sample
  private int[][] prev;
  private int[] prevCount;
  private int[][] cur;
  private int[] curCount;

  // per vehicle uid: where it was at the previous sample and where it is now (-1: nowhere)
  private int[] where = new int[1024];
  private int[] whereNow = new int[1024];

  // per vehicle uid: its visits, as a chain of visit indices (most recent first)
  private int[] lastVisit = new int[1024];

  // visits: intersection, enter, leave (NaN until it leaves), previous visit of the same vehicle
  private int[] visitIntersection = new int[4096];
  private double[] visitEnter = new double[4096];
  private double[] visitLeave = new double[4096];
  private int[] visitPrevious = new int[4096];
  private int visits;
  private int maxUid = -1;

  /** @param net the compiled network of the simulation to be observed */
  public IntersectionTravelTimeRecorder(SimNetwork net) {
    List<int[]> lanes = new ArrayList<>();
    for (int i = 0; i < net.intersectionCount(); i++) {
      if (!net.isSignalized(i)) {
        continue;
      }
      List<Integer> in = new ArrayList<>();
      for (int lane = 0; lane < net.laneCount(); lane++) {
        if (net.laneEndIntersection(lane) == i) {
          in.add(lane);
        }
      }
      lanes.add(in.stream().mapToInt(Integer::intValue).toArray());
    }
    incoming = lanes.toArray(new int[0][]);
    int n = incoming.length;
    prev = new int[n][16];
    cur = new int[n][16];
    prevCount = new int[n];
    curCount = new int[n];
    Arrays.fill(where, -1);
    Arrays.fill(whereNow, -1);
    Arrays.fill(lastVisit, -1);
  }

  @Override
  public void afterStep(Simulation sim) {
    double t = sim.timeSeconds();
    int n = incoming.length;
    // where every vehicle is now
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < prevCount[i]; k++) {
        whereNow[prev[i][k]] = -1;
      }
    }
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int lane : incoming[i]) {
        int m = sim.vehicleCount(lane);
        for (int k = 0; k < m; k++) {
          int v = sim.vehicleAt(lane, k);
          if (sim.vehicleIsShadow(v)) {
            continue; // shadows are left out of the metric (the code drops "_shadow" ids)
          }
          int uid = sim.vehicleUid(v);
          ensureVehicle(uid);
          if (c == cur[i].length) {
            cur[i] = Arrays.copyOf(cur[i], 2 * c);
          }
          cur[i][c++] = uid;
          whereNow[uid] = i;
        }
      }
      curCount[i] = c;
    }
    for (int i = 0; i < n; i++) {
      boolean previousEmpty = prevCount[i] == 0;
      for (int k = 0; k < curCount[i]; k++) {
        int uid = cur[i][k];
        int visit = where[uid] == i ? -1 : visitOf(uid, i);
        if (where[uid] != i && visit < 0) {
          visit = newVisit(uid, i, t);
        }
        if (previousEmpty) {
          visitLeave[visit < 0 ? visitOf(uid, i) : visit] = t;
        }
      }
      for (int k = 0; k < prevCount[i]; k++) {
        int uid = prev[i][k];
        if (whereNow[uid] != i) {
          visitLeave[visitOf(uid, i)] = t;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < prevCount[i]; k++) {
        where[prev[i][k]] = -1;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < curCount[i]; k++) {
        where[cur[i][k]] = i;
      }
      int[] swap = prev[i];
      prev[i] = cur[i];
      cur[i] = swap;
      prevCount[i] = curCount[i];
    }
  }

  private void ensureVehicle(int uid) {
    if (uid >= where.length) {
      int size = Math.max(uid + 1, 2 * where.length);
      int old = where.length;
      where = Arrays.copyOf(where, size);
      whereNow = Arrays.copyOf(whereNow, size);
      lastVisit = Arrays.copyOf(lastVisit, size);
      Arrays.fill(where, old, size, -1);
      Arrays.fill(whereNow, old, size, -1);
      Arrays.fill(lastVisit, old, size, -1);
    }
    maxUid = Math.max(maxUid, uid);
  }

  /** The visit of vehicle {@code uid} at intersection {@code i}, or -1. */
  private int visitOf(int uid, int i) {
    for (int v = lastVisit[uid]; v >= 0; v = visitPrevious[v]) {
      if (visitIntersection[v] == i) {
        return v;
      }
    }
    return -1;
  }

  private int newVisit(int uid, int i, double t) {
    if (visits == visitEnter.length) {
      int size = 2 * visits;
      visitIntersection = Arrays.copyOf(visitIntersection, size);
      visitEnter = Arrays.copyOf(visitEnter, size);
      visitLeave = Arrays.copyOf(visitLeave, size);
      visitPrevious = Arrays.copyOf(visitPrevious, size);
    }
    int v = visits++;
    visitIntersection[v] = i;
    visitEnter[v] = t;
    visitLeave[v] = Double.NaN;
    visitPrevious[v] = lastVisit[uid];
    lastVisit[uid] = v;
    return v;
  }

  /**
   * The metric at time {@code endSeconds}: mean over vehicles seen at least once of their summed
   * time on incoming lanes, s; NaN when no vehicle was seen.
   *
   * @param endSeconds the end of the run (visits still open end there), s
   */
  public double averageSeconds(double endSeconds) {
    double sum = 0;
    int vehicles = 0;
    for (int uid = 0; uid <= maxUid; uid++) {
      if (lastVisit[uid] < 0) {
        continue;
      }
      vehicles++;
      for (int v = lastVisit[uid]; v >= 0; v = visitPrevious[v]) {
        double leave = Double.isNaN(visitLeave[v]) ? endSeconds : visitLeave[v];
        sum += leave - visitEnter[v];
      }
    }
    return vehicles == 0 ? Double.NaN : sum / vehicles;
  }

  /** Vehicles seen at least once on a signalised intersection's incoming lanes. */
  public int vehiclesSeen() {
    int count = 0;
    for (int uid = 0; uid <= maxUid; uid++) {
      if (lastVisit[uid] >= 0) {
        count++;
      }
    }
    return count;
  }
}

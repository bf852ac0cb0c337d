package io.citybrain.traffic.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Detects gridlock: a ring of full lanes waiting on each other. Every {@code checkEverySeconds}
 * it builds a wait-for graph over drivables whose first vehicle stands still: a lane waits for its
 * next lane link when a vehicle is on it, or for the link's exit lane when that lane cannot be
 * entered (its last vehicle still at its start and slower than 2 m/s); a lane link waits for its
 * exit lane likewise; and a vehicle that yielded at a conflict point waits for the drivable of the
 * vehicle it yielded to. Only first vehicles within {@link #STOP_LINE_METERS} of their drivable's
 * end count. It then finds the strongly connected components (JGraphT's Kosaraju); a component
 * with at least two drivables, one of them a lane, that is still there after {@code
 * minimumSeconds} is reported once.
 */
public final class GridlockDetector implements StepObserver {
  /** How close to the lane end a waiting first vehicle must stand, m. */
  public static final double STOP_LINE_METERS = 10;

  private final double checkEverySeconds;
  private final double minimumSeconds;
  private final Map<Set<Integer>, Double> firstSeen = new HashMap<>();
  private final Set<Set<Integer>> reported = new java.util.HashSet<>();
  private final List<Gridlock> gridlocks = new ArrayList<>();
  private double nextCheck;

  /**
   * @param checkEverySeconds time between checks, s, &gt; 0
   * @param minimumSeconds how long a ring must last to count as gridlock, s, &ge; 0
   */
  public GridlockDetector(double checkEverySeconds, double minimumSeconds) {
    if (!(checkEverySeconds > 0) || !(minimumSeconds >= 0)) {
      throw new IllegalArgumentException("checkEverySeconds must be > 0 and minimumSeconds >= 0");
    }
    this.checkEverySeconds = checkEverySeconds;
    this.minimumSeconds = minimumSeconds;
    this.nextCheck = checkEverySeconds;
  }

  /** Checks every 10 s; rings lasting 60 s are gridlock. */
  public static GridlockDetector standard() {
    return new GridlockDetector(10, 60);
  }

  @Override
  public void afterStep(Simulation sim) {
    double now = sim.timeSeconds();
    if (now + 1e-9 < nextCheck) {
      return;
    }
    nextCheck += checkEverySeconds;
    List<Set<Integer>> rings = rings(sim);
    Set<Set<Integer>> current = new java.util.HashSet<>(rings);
    firstSeen.keySet().retainAll(current);
    for (Set<Integer> ring : rings) {
      double since = firstSeen.computeIfAbsent(ring, r -> now);
      if (now - since >= minimumSeconds && reported.add(ring)) {
        gridlocks.add(describe(sim, ring, since, now));
      }
    }
  }

  /**
   * Current rings of mutually blocked drivables (lanes and lane links), each a set of drivable
   * indices containing at least one lane.
   */
  static List<Set<Integer>> rings(Simulation sim) {
    SimNetwork net = sim.network();
    Graph<Integer, DefaultEdge> waitsFor = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int d = 0; d < net.drivableCount(); d++) {
      if (sim.vehicleCount(d) == 0) {
        continue;
      }
      int v = sim.vehicleAt(d, 0);
      if (sim.vehicleSpeed(v) >= Simulation.STOPPED_SPEED) {
        continue;
      }
      int b = sim.vehicleBlocker(v);
      if (b >= 0) {
        edge(waitsFor, d, sim.vehicleDrivable(b));
      }
      int next = sim.vehicleNextDrivable(v);
      if (next < 0 || net.lengthMeters(d) - sim.vehiclePosition(v) > STOP_LINE_METERS) {
        continue;
      }
      if (next >= net.laneCount()) {
        // on a lane before a lane link: the link is occupied, or its exit lane is full
        if (sim.vehicleCount(next) > 0) {
          edge(waitsFor, d, next);
        } else if (full(sim, net.laneLinkEndLane(next), v)) {
          edge(waitsFor, d, net.laneLinkEndLane(next));
        }
      } else if (full(sim, next, v)) {
        edge(waitsFor, d, next); // on a lane link before a full lane
      }
    }
    List<Set<Integer>> rings = new ArrayList<>();
    if (waitsFor.vertexSet().isEmpty()) {
      return rings;
    }
    for (Set<Integer> component : new KosarajuStrongConnectivityInspector<>(waitsFor).stronglyConnectedSets()) {
      if (component.size() >= 2 && component.stream().anyMatch(d -> d < net.laneCount())) {
        rings.add(new TreeSet<>(component));
      }
    }
    return rings;
  }

  private static void edge(Graph<Integer, DefaultEdge> g, int from, int to) {
    if (from == to) {
      return;
    }
    g.addVertex(from);
    g.addVertex(to);
    g.addEdge(from, to);
  }

  /** True when lane {@code lane} cannot be entered by {@code entering} (the simulator's own rule). */
  private static boolean full(Simulation sim, int lane, int entering) {
    return !sim.laneCanBeEntered(lane, entering);
  }


  private static Gridlock describe(Simulation sim, Set<Integer> ring, double since, double now) {
    SimNetwork net = sim.network();
    List<String> lanes = new ArrayList<>();
    Set<String> intersections = new TreeSet<>();
    int vehicles = 0;
    for (int d : ring) {
      if (d < net.laneCount()) {
        lanes.add(net.laneId(d));
        intersections.add(net.intersectionId(net.laneEndIntersection(d)));
      } else {
        intersections.add(net.intersectionId(net.laneEndIntersection(net.laneLinkStartLane(d))));
      }
      vehicles += sim.vehicleCount(d);
    }
    return new Gridlock(since, now, lanes, new ArrayList<>(intersections), vehicles);
  }

  /** Gridlocks confirmed so far, in order of confirmation. */
  public List<Gridlock> gridlocks() {
    return List.copyOf(gridlocks);
  }
}

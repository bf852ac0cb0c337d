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
 * it builds a wait-for graph — lane A waits for lane B when A's first vehicle stands still within
 * {@link #STOP_LINE_METERS} of A's end and its next lane link leads into B, whose last vehicle is
 * still at B's start and slower than 2 m/s (B cannot be entered) — and finds its strongly
 * connected components (JGraphT's Kosaraju). A component of two or more lanes that is still there
 * after {@code minimumSeconds} is reported once.
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

  /** Current rings of mutually blocked lanes (each a set of lane indices). */
  static List<Set<Integer>> rings(Simulation sim) {
    SimNetwork net = sim.network();
    Graph<Integer, DefaultEdge> waitsFor = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int lane = 0; lane < net.laneCount(); lane++) {
      if (sim.vehicleCount(lane) == 0) {
        continue;
      }
      int v = sim.vehicleAt(lane, 0);
      if (sim.vehicleSpeed(v) >= Simulation.STOPPED_SPEED
          || net.lengthMeters(lane) - sim.vehiclePosition(v) > STOP_LINE_METERS) {
        continue;
      }
      int link = sim.vehicleNextDrivable(v);
      if (link < net.laneCount()) {
        continue;
      }
      int next = net.laneLinkEndLane(link);
      int n = sim.vehicleCount(next);
      if (n == 0) {
        continue;
      }
      int tail = sim.vehicleAt(next, n - 1);
      boolean full =
          sim.vehiclePosition(tail) <= sim.vehicleLength(tail) + sim.vehicleLength(v)
              && sim.vehicleSpeed(tail) < 2;
      if (full) {
        waitsFor.addVertex(lane);
        waitsFor.addVertex(next);
        waitsFor.addEdge(lane, next);
      }
    }
    List<Set<Integer>> rings = new ArrayList<>();
    if (waitsFor.vertexSet().isEmpty()) {
      return rings;
    }
    for (Set<Integer> component : new KosarajuStrongConnectivityInspector<>(waitsFor).stronglyConnectedSets()) {
      if (component.size() >= 2) {
        rings.add(new TreeSet<>(component));
      }
    }
    return rings;
  }

  private static Gridlock describe(Simulation sim, Set<Integer> ring, double since, double now) {
    SimNetwork net = sim.network();
    List<String> lanes = new ArrayList<>();
    Set<String> intersections = new TreeSet<>();
    int vehicles = 0;
    for (int lane : ring) {
      lanes.add(net.laneId(lane));
      intersections.add(net.intersectionId(net.roadEndIntersection[net.laneRoad(lane)]));
      vehicles += sim.vehicleCount(lane);
    }
    return new Gridlock(since, now, lanes, new ArrayList<>(intersections), vehicles);
  }

  /** Gridlocks confirmed so far, in order of confirmation. */
  public List<Gridlock> gridlocks() {
    return List.copyOf(gridlocks);
  }
}

package io.citybrain.traffic.demand;

import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Shortest-path routing on a road network, as CityFlow routes vehicles (CityFlow {@code
 * src/vehicle/router.cpp}, {@code Router::dijkstra} with the {@code LENGTH} cost).
 *
 * <p>The graph's vertices are roads. Road A leads to road B when a road link with at least one lane
 * link at A's end intersection goes from A to B. Entering B costs B's average lane length in m
 * ({@link Geometry#averageLaneLengthMeters}, lanes trimmed at non-virtual intersections), so a
 * path's cost is the summed average lane length of every road after the first.
 *
 * <p><b>Ties</b> are broken deterministically and independently of the search's internal order:
 * among paths of equal cost (to a relative 1e-9), the chosen one is found by walking back from the
 * target and always stepping to the predecessor road that comes first in the network's road order.
 * CityFlow's choice among equal-cost paths depends on its priority queue and may differ.
 *
 * <p>Build one router per network and share it (the flow reader and the simulator both use it):
 * the graph is built once, in the constructor. Instances are immutable apart from an internal
 * bounded cache of single-source distances, and are safe to use from several threads.
 */
public final class Router {
  private static final double RELATIVE_TIE_TOLERANCE = 1e-9;
  private static final int MAX_CACHED_SOURCES = 256;

  private final RoadNetwork network;
  private final Map<String, Integer> indexById = new HashMap<>();
  private final Graph<Integer, DefaultWeightedEdge> graph =
      new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
  private final double[] entryCostMeters;
  private final Map<Integer, double[]> distancesBySource =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
              return size() > MAX_CACHED_SOURCES;
            }
          });

  /**
   * Builds the road graph of {@code network}.
   *
   * @param network a network whose road links name roads of the network
   * @throws IllegalArgumentException when a road link names an unknown road
   */
  public Router(RoadNetwork network) {
    this(network, null);
  }

  /**
   * The cost of one step of a path: driving from road {@code from} through road link {@code via}
   * onto road {@code to} and along it. Must be &gt; 0 and finite.
   */
  @FunctionalInterface
  public interface StepCost {
    /**
     * @param from the road left
     * @param via the road link taken at {@code from}'s end
     * @param to the road entered
     * @return the cost, in the cost function's unit (m for length, s for travel time)
     */
    double cost(Road from, RoadLink via, Road to);
  }

  /**
   * Builds the road graph of {@code network} with another cost than CityFlow's lengths: SUMO routes
   * by travel time ({@link io.citybrain.traffic.io.sumo.SumoRouteReader#travelTimeCost}). When
   * several road links join the same two roads, the cheapest counts.
   *
   * @param network a network whose road links name roads of the network
   * @param stepCost the cost of each step, or {@code null} for CityFlow's (the entered road's
   *     average lane length)
   * @throws IllegalArgumentException when a road link names an unknown road
   */
  public Router(RoadNetwork network, StepCost stepCost) {
    this.network = network;
    List<Road> roads = network.roads();
    entryCostMeters = new double[roads.size()];
    for (int i = 0; i < roads.size(); i++) {
      Road road = roads.get(i);
      indexById.put(road.id(), i);
      graph.addVertex(i);
      entryCostMeters[i] = Geometry.averageLaneLengthMeters(network, road);
    }
    for (Intersection intersection : network.intersections()) {
      for (RoadLink link : intersection.roadLinks()) {
        int from = index(link.startRoadId());
        int to = index(link.endRoadId());
        boolean atFromEnd = roads.get(from).endIntersectionId().equals(intersection.id());
        if (!atFromEnd || link.laneLinks().isEmpty()) {
          continue;
        }
        double cost = stepCost == null ? entryCostMeters[to] : stepCost.cost(roads.get(from), link, roads.get(to));
        if (!graph.containsEdge(from, to)) {
          graph.setEdgeWeight(graph.addEdge(from, to), cost);
        } else if (cost < graph.getEdgeWeight(graph.getEdge(from, to))) {
          graph.setEdgeWeight(graph.getEdge(from, to), cost);
        }
      }
    }
  }

  /**
   * The network this router was built for.
   *
   * @return the network given to the constructor
   */
  public RoadNetwork network() {
    return network;
  }

  /**
   * Whether a vehicle on road {@code fromRoadId} can drive directly onto road {@code toRoadId}
   * (a road link joins them).
   *
   * @param fromRoadId the road the vehicle is on
   * @param toRoadId the road it would drive onto
   * @return true when a road link with a lane link leads from the first to the second
   * @throws IllegalArgumentException when either id is not a road of the network
   */
  public boolean connected(String fromRoadId, String toRoadId) {
    return graph.containsEdge(index(fromRoadId), index(toRoadId));
  }

  /**
   * The roads reachable in one step from {@code roadId}.
   *
   * @param roadId a road of the network
   * @return its successors in the road graph, in network road order
   * @throws IllegalArgumentException when {@code roadId} is not a road of the network
   */
  public List<Road> nextRoads(String roadId) {
    List<Integer> successors = new ArrayList<>(Graphs.successorListOf(graph, index(roadId)));
    Collections.sort(successors);
    return successors.stream().map(network.roads()::get).toList();
  }

  /**
   * Whether road {@code toRoadId} can be reached from road {@code fromRoadId} (always true when they
   * are equal).
   *
   * @param fromRoadId the road a path would start on
   * @param toRoadId the road it would end on
   * @return whether some chain of road links leads from the first to the second
   * @throws IllegalArgumentException when either id is not a road of the network
   */
  public boolean reachable(String fromRoadId, String toRoadId) {
    int from = index(fromRoadId);
    int to = index(toRoadId);
    return from == to || graph.containsEdge(from, to) || Double.isFinite(distancesFrom(from)[to]);
  }

  /**
   * The cheapest path from one road to another.
   *
   * @param fromRoadId the road the path starts on
   * @param toRoadId the road the path ends on
   * @return the roads from {@code fromRoadId} to {@code toRoadId}, both included ({@code [from]}
   *     when they are equal); empty when {@code toRoadId} cannot be reached
   * @throws IllegalArgumentException when either id is not a road of the network
   */
  public Optional<List<Road>> shortestPath(String fromRoadId, String toRoadId) {
    int from = index(fromRoadId);
    int to = index(toRoadId);
    if (from == to) {
      return Optional.of(List.of(network.roads().get(from)));
    }
    if (graph.containsEdge(from, to)) {
      return Optional.of(List.of(network.roads().get(from), network.roads().get(to)));
    }
    double[] distances = distancesFrom(from);
    if (Double.isInfinite(distances[to])) {
      return Optional.empty();
    }
    List<Integer> path = tieBrokenPath(from, to, distances);
    if (path == null) {
      // only with zero-cost roads (not in validated files): fall back on the search's own path
      path = new DijkstraShortestPath<>(graph).getPath(from, to).getVertexList();
    }
    return Optional.of(path.stream().map(network.roads()::get).toList());
  }

  /**
   * Completes a route given by anchor roads into a chain of consecutive roads, as CityFlow does for
   * every flow: consecutive equal anchors are merged, adjacent anchors are kept as they are, and
   * between other consecutive anchors the {@linkplain #shortestPath cheapest path} is inserted.
   *
   * @param anchorRoadIds the route as written in a flow file, at least one road id
   * @return the complete route; every road leads to the next; one road when all anchors are equal
   * @throws IllegalArgumentException when the list is empty or names an unknown road
   * @throws RouteNotFoundException when an anchor cannot be reached from the one before it
   */
  public List<Road> completeRoute(List<String> anchorRoadIds) {
    if (anchorRoadIds.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one road");
    }
    for (int i = 0; i < anchorRoadIds.size(); i++) {
      if (!indexById.containsKey(anchorRoadIds.get(i))) {
        throw new IllegalArgumentException(
            "route anchor " + i + " '" + anchorRoadIds.get(i) + "' is not a road of the network");
      }
    }
    List<Road> route = new ArrayList<>();
    route.add(network.roads().get(index(anchorRoadIds.get(0))));
    for (int i = 1; i < anchorRoadIds.size(); i++) {
      String from = anchorRoadIds.get(i - 1);
      String to = anchorRoadIds.get(i);
      if (from.equals(to)) {
        continue;
      }
      int anchor = i;
      List<Road> leg = shortestPath(from, to).orElseThrow(() -> new RouteNotFoundException(anchor, from, to));
      route.addAll(leg.subList(1, leg.size()));
    }
    return List.copyOf(route);
  }

  private int index(String roadId) {
    Integer index = indexById.get(roadId);
    if (index == null) {
      throw new IllegalArgumentException("'" + roadId + "' is not a road of the network");
    }
    return index;
  }

  private double[] distancesFrom(int source) {
    double[] cached = distancesBySource.get(source);
    if (cached != null) {
      return cached;
    }
    var paths = new DijkstraShortestPath<>(graph).getPaths(source);
    double[] distances = new double[entryCostMeters.length];
    for (int v = 0; v < distances.length; v++) {
      distances[v] = paths.getWeight(v);
    }
    distancesBySource.put(source, distances);
    return distances;
  }

  /** The cheapest path with ties broken by road order, or {@code null} if zero costs prevent it. */
  private List<Integer> tieBrokenPath(int from, int to, double[] distances) {
    List<Integer> reversed = new ArrayList<>();
    int current = to;
    reversed.add(current);
    while (current != from) {
      current = bestPredecessor(current, distances);
      if (current < 0) {
        return null;
      }
      reversed.add(current);
    }
    Collections.reverse(reversed);
    return reversed;
  }

  /**
   * The lowest-indexed predecessor of {@code road} that lies on a cheapest path to it and is
   * strictly closer to the source; -1 when there is none.
   */
  private int bestPredecessor(int road, double[] distances) {
    double target = distances[road];
    double tolerance = RELATIVE_TIE_TOLERANCE * Math.max(1, Math.abs(target));
    int best = -1;
    for (DefaultWeightedEdge edge : graph.incomingEdgesOf(road)) {
      int p = graph.getEdgeSource(edge);
      double viaP = distances[p] + graph.getEdgeWeight(edge);
      if (distances[p] < target && Math.abs(viaP - target) <= tolerance && (best < 0 || p < best)) {
        best = p;
      }
    }
    return best;
  }
}

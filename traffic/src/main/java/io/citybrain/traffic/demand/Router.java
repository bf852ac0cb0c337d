package io.citybrain.traffic.demand;

import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/** Placeholder shortest-path router (replaced by the io branch). */
public final class Router {
  private final RoadNetwork network;
  private final Graph<String, DefaultWeightedEdge> graph =
      new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);

  public Router(RoadNetwork network) {
    this.network = network;
    for (Road r : network.roads()) {
      graph.addVertex(r.id());
    }
    for (Intersection i : network.intersections()) {
      for (RoadLink rl : i.roadLinks()) {
        if (!graph.containsEdge(rl.startRoadId(), rl.endRoadId())) {
          DefaultWeightedEdge e = graph.addEdge(rl.startRoadId(), rl.endRoadId());
          graph.setEdgeWeight(
              e, Geometry.averageLaneLengthMeters(network, network.road(rl.endRoadId()).orElseThrow()));
        }
      }
    }
  }

  public List<Road> completeRoute(List<String> anchorRoadIds) {
    List<Road> out = new ArrayList<>();
    String prev = null;
    for (String id : anchorRoadIds) {
      if (prev == null) {
        out.add(network.road(id).orElseThrow());
      } else if (!prev.equals(id)) {
        GraphPath<String, DefaultWeightedEdge> p = DijkstraShortestPath.findPathBetween(graph, prev, id);
        if (p == null) {
          throw new IllegalArgumentException("road '" + id + "' is not reachable from road '" + prev + "'");
        }
        List<String> v = p.getVertexList();
        for (int k = 1; k < v.size(); k++) {
          out.add(network.road(v.get(k)).orElseThrow());
        }
      }
      prev = id;
    }
    return out;
  }
}

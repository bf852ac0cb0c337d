package io.citybrain.traffic.io.sumo;

import io.citybrain.traffic.network.RoadNetwork;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SUMO network read into citybrain's model, with what SUMO has and the model does not, kept for
 * writing the network back to SUMO.
 *
 * @param network the model: roads (passenger-car lanes only), intersections, road links, phases
 * @param programs traffic-light programs by tlLogic id, file order
 * @param roadPriorities SUMO edge {@code priority} by road id (decides major and minor roads at
 *     priority junctions)
 * @param junctionTypes SUMO junction {@code type} by intersection id ({@code traffic_light},
 *     {@code priority}, {@code right_before_left}, {@code dead_end} …)
 * @param junctionPrograms tlLogic id by signalised intersection id
 * @param droppedEdges edges without a lane for passenger cars (footways, cycleways, rail), which
 *     the model leaves out; a route naming one is refused with this reason
 */
public record SumoNetwork(
    RoadNetwork network,
    Map<String, SignalProgram> programs,
    Map<String, Integer> roadPriorities,
    Map<String, String> junctionTypes,
    Map<String, String> junctionPrograms,
    List<String> droppedEdges) {

  public SumoNetwork {
    programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    roadPriorities = Map.copyOf(roadPriorities);
    junctionTypes = Map.copyOf(junctionTypes);
    junctionPrograms = Map.copyOf(junctionPrograms);
    droppedEdges = List.copyOf(droppedEdges);
  }
}

package io.citybrain.traffic.network;

import java.util.List;

/**
 * A node of the road network. A <em>virtual</em> intersection is a boundary node where vehicles
 * enter or leave; it has no road links and no signal. A non-virtual one joins roads through road
 * links; it is <em>signalised</em> when it has phases, otherwise vehicles cross it by priority
 * rules alone (yielding at conflict points).
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>id</td><td>-</td><td>unique among intersections</td></tr>
 *   <tr><td>point</td><td>m</td><td>position</td></tr>
 *   <tr><td>widthMeters</td><td>m</td><td>&ge; 0; roads are trimmed by it at non-virtual ends</td></tr>
 *   <tr><td>phases</td><td>-</td><td>empty for virtual or unsignalised intersections; in CityFlow files phase 0 is
 *     the yellow/all-red phase</td></tr>
 * </table>
 *
 * @param id intersection id
 * @param point position, m
 * @param widthMeters half-size of the junction area, m
 * @param virtual true for boundary nodes
 * @param roadIds ids of the roads that start or end here
 * @param roadLinks movements through this intersection
 * @param phases signal phases; empty when unsignalised
 */
public record Intersection(
    String id,
    Point point,
    double widthMeters,
    boolean virtual,
    List<String> roadIds,
    List<RoadLink> roadLinks,
    List<Phase> phases) {

  public Intersection {
    roadIds = List.copyOf(roadIds);
    roadLinks = List.copyOf(roadLinks);
    phases = List.copyOf(phases);
  }

  /** True when a traffic light with at least one phase controls this intersection. */
  public boolean signalized() {
    return !virtual && !phases.isEmpty();
  }
}

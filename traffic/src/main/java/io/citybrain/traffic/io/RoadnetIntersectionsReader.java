package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.JsonFields.element;
import static io.citybrain.traffic.io.JsonFields.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.traffic.io.JsonFields.NumberRule;
import io.citybrain.traffic.io.RoadnetRoadsReader.RoadDraft;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and checks the {@code intersections} array of a CityFlow roadnet, with their road links,
 * lane links and light phases (see {@link CityFlowRoadnetReader} for the format and rules).
 * Package-private: one part of the roadnet reader.
 */
final class RoadnetIntersectionsReader {
  /** Member marking an unsignalised junction (our extension, see {@link CityFlowRoadnetReader}). */
  static final String UNSIGNALIZED = "citybrainUnsignalized";

  private static final String ROAD_LINK_TYPES =
      Arrays.stream(RoadLinkType.values()).map(RoadLinkType::cityFlowName).collect(Collectors.joining(", "));

  private final Map<String, RoadDraft> roads;
  private final JsonFields fields;

  private RoadnetIntersectionsReader(Map<String, RoadDraft> roads, JsonFields fields) {
    this.roads = roads;
    this.fields = fields;
  }

  /**
   * @param intersections the {@code intersections} array
   * @param roads roads by id (first occurrence of each id)
   * @param fields where problems go
   * @return one intersection per element, {@code null} where invalid (problems recorded), file order
   */
  static List<Intersection> read(JsonNode intersections, Map<String, RoadDraft> roads, JsonFields fields) {
    RoadnetIntersectionsReader reader = new RoadnetIntersectionsReader(roads, fields);
    List<Intersection> result = new ArrayList<>(intersections.size());
    Map<String, Integer> firstIndexById = new HashMap<>();
    for (int i = 0; i < intersections.size(); i++) {
      String path = element("intersections", i);
      JsonNode node = intersections.get(i);
      if (!node.isObject()) {
        fields.report(
            path, "intersection at " + path + " is " + JsonFields.describe(node) + "; expected an intersection object");
        result.add(null);
        continue;
      }
      result.add(reader.intersection(node, path, i, firstIndexById));
    }
    return result;
  }

  private Intersection intersection(JsonNode node, String path, int index, Map<String, Integer> firstIndexById) {
    int problemsBefore = fields.problemCount();
    String id = fields.string(node.get("id"), member(path, "id"), "intersection at " + path, "id");
    String owner = id == null ? "intersection at " + path : "intersection '" + id + "'";
    if (id != null) {
      Integer first = firstIndexById.putIfAbsent(id, index);
      if (first != null) {
        fields.report(
            member(path, "id"),
            owner + " is defined twice (first at " + element("intersections", first)
                + "); expected unique intersection ids");
      }
    }
    Point point = RoadnetRoadsReader.point(node.get("point"), member(path, "point"), owner, "point", fields);
    Boolean virtual = fields.bool(node.get("virtual"), member(path, "virtual"), owner, "virtual");
    Double width =
        Boolean.FALSE.equals(virtual)
            ? fields.number(node.get("width"), member(path, "width"), owner, "width", NumberRule.NON_NEGATIVE)
            : fields.optionalNumber(node.get("width"), member(path, "width"), owner, "width", NumberRule.NON_NEGATIVE, 0);
    List<String> roadIds = roadIds(node, path, id, owner);
    List<RoadLink> roadLinks = List.of();
    List<Phase> phases = List.of();
    if (Boolean.TRUE.equals(virtual)) {
      checkNoRoadLinks(node, path, owner);
    } else if (Boolean.FALSE.equals(virtual)) {
      JsonNode roadLinksNode =
          fields.array(node.get("roadLinks"), member(path, "roadLinks"), owner, "roadLinks", "an array of road links");
      roadLinks = roadLinksNode == null ? null : roadLinks(roadLinksNode, path, id, owner);
      phases = phases(node, path, owner, roadLinksNode);
      // our extension: an unsignalised (priority) junction, written with one all-green phase so
      // that CityFlow, which needs a phase, behaves the same; the model has no phases for it
      Boolean unsignalized =
          fields.optionalBool(
              node.get(UNSIGNALIZED), member(path, UNSIGNALIZED), owner, UNSIGNALIZED, false);
      if (Boolean.TRUE.equals(unsignalized) && phases != null) {
        phases = List.of();
      }
    }
    if (fields.problemCount() > problemsBefore || roadLinks == null || phases == null) {
      return null;
    }
    return new Intersection(id, point, width, virtual, roadIds, roadLinks, phases);
  }

  private List<String> roadIds(JsonNode node, String path, String id, String owner) {
    String roadsPath = member(path, "roads");
    JsonNode array =
        fields.array(node.get("roads"), roadsPath, owner, "roads", "an array of the ids of the roads that start or end here");
    if (array == null) {
      return null;
    }
    List<String> ids = new ArrayList<>(array.size());
    for (int j = 0; j < array.size(); j++) {
      String entryPath = element(roadsPath, j);
      String roadId = fields.string(array.get(j), entryPath, owner, "roads[" + j + "]");
      if (roadId == null) {
        continue;
      }
      RoadDraft road = roads.get(roadId);
      if (road == null) {
        fields.report(
            entryPath,
            owner + ": roads[" + j + "] '" + roadId + "' is not a road of this roadnet; expected the id of a road"
                + " that starts or ends here");
      } else if (id != null
          && road.startIntersectionId() != null
          && road.endIntersectionId() != null
          && !id.equals(road.startIntersectionId())
          && !id.equals(road.endIntersectionId())) {
        fields.report(
            entryPath,
            owner + ": roads[" + j + "] '" + roadId + "' runs from intersection '" + road.startIntersectionId()
                + "' to '" + road.endIntersectionId() + "'; expected a road that starts or ends here");
      }
      ids.add(roadId);
    }
    return ids;
  }

  /** Virtual intersections are boundary nodes: CityFlow ignores their road links, we reject them. */
  private void checkNoRoadLinks(JsonNode node, String path, String owner) {
    JsonNode links =
        fields.optionalArray(node.get("roadLinks"), member(path, "roadLinks"), owner, "roadLinks", "an empty array");
    if (links != null && !links.isEmpty()) {
      fields.report(
          member(path, "roadLinks"),
          owner + ": roadLinks has " + links.size() + " road links but the intersection is virtual; expected none"
              + " (a virtual intersection is a boundary node where vehicles enter or leave; set virtual to false"
              + " to make it a junction)");
    }
  }

  private List<RoadLink> roadLinks(JsonNode array, String path, String id, String owner) {
    List<RoadLink> links = new ArrayList<>(array.size());
    boolean valid = true;
    for (int k = 0; k < array.size(); k++) {
      RoadLink link = roadLink(array.get(k), element(member(path, "roadLinks"), k), id, "road link " + k + " of " + owner);
      valid &= link != null;
      links.add(link);
    }
    return valid ? links : null;
  }

  private RoadLink roadLink(JsonNode value, String path, String intersectionId, String owner) {
    JsonNode node = fields.object(value, path, owner, "the road link", "a road link object");
    if (node == null) {
      return null;
    }
    String typeName = fields.string(node.get("type"), member(path, "type"), owner, "type");
    RoadLinkType type = null;
    if (typeName != null) {
      type = RoadLinkType.fromCityFlowName(typeName).orElse(null);
      if (type == null) {
        fields.report(
            member(path, "type"),
            owner + ": type is " + JsonFields.describe(node.get("type")) + "; expected one of " + ROAD_LINK_TYPES);
      }
    }
    RoadDraft start = roadEnd(node, path, "startRoad", intersectionId, owner);
    RoadDraft end = roadEnd(node, path, "endRoad", intersectionId, owner);
    String laneLinksPath = member(path, "laneLinks");
    JsonNode array = fields.array(node.get("laneLinks"), laneLinksPath, owner, "laneLinks", "an array of lane links");
    if (array == null) {
      return null;
    }
    if (array.isEmpty()) {
      fields.report(laneLinksPath, owner + ": laneLinks is empty; expected at least one lane link");
      return null;
    }
    List<LaneLink> laneLinks = new ArrayList<>(array.size());
    boolean valid = true;
    for (int m = 0; m < array.size(); m++) {
      LaneLink laneLink = laneLink(array.get(m), element(laneLinksPath, m), "lane link " + m + " of " + owner, start, end);
      valid &= laneLink != null;
      laneLinks.add(laneLink);
    }
    if (!valid || type == null || start == null || end == null) {
      return null;
    }
    return new RoadLink(type, start.id(), end.id(), laneLinks);
  }

  /**
   * The road a road link starts from (which must end at this intersection) or goes to (which must
   * start here).
   */
  private RoadDraft roadEnd(JsonNode node, String path, String field, String intersectionId, String owner) {
    boolean incoming = field.equals("startRoad");
    String roadId = fields.string(node.get(field), member(path, field), owner, field);
    if (roadId == null) {
      return null;
    }
    RoadDraft road = roads.get(roadId);
    String rule = incoming ? "ends" : "starts";
    if (road == null) {
      fields.report(
          member(path, field),
          owner + ": " + field + " '" + roadId + "' is not a road of this roadnet; expected the id of a road that "
              + rule + " at intersection '" + intersectionId + "'");
      return null;
    }
    String actual = incoming ? road.endIntersectionId() : road.startIntersectionId();
    if (intersectionId != null && actual != null && !actual.equals(intersectionId)) {
      fields.report(
          member(path, field),
          owner + ": " + field + " '" + roadId + "' " + rule + " at intersection '" + actual + "'; expected a road that "
              + rule + " at intersection '" + intersectionId + "'");
      return null;
    }
    return road;
  }

  private LaneLink laneLink(JsonNode value, String path, String owner, RoadDraft start, RoadDraft end) {
    JsonNode node = fields.object(value, path, owner, "the lane link", "a lane link object");
    if (node == null) {
      return null;
    }
    Integer startLane = laneIndex(node, path, "startLaneIndex", owner, start);
    Integer endLane = laneIndex(node, path, "endLaneIndex", owner, end);
    String pointsPath = member(path, "points");
    JsonNode array =
        fields.optionalArray(node.get("points"), pointsPath, owner, "points", "an array of points {x, y} in m");
    List<Point> points = new ArrayList<>();
    boolean valid = true;
    if (array != null) {
      for (int j = 0; j < array.size(); j++) {
        Point p = RoadnetRoadsReader.point(array.get(j), element(pointsPath, j), owner, "points[" + j + "]", fields);
        valid &= p != null;
        points.add(p);
      }
      if (array.size() == 1) {
        fields.report(
            pointsPath,
            owner + ": points has 1 point; expected none (the simulator then draws a curve) or at least 2");
        valid = false;
      }
    }
    if (!valid || startLane == null || endLane == null) {
      return null;
    }
    return new LaneLink(startLane, endLane, points);
  }

  private Integer laneIndex(JsonNode node, String path, String field, String owner, RoadDraft road) {
    Integer index = fields.integer(node.get(field), member(path, field), owner, field);
    if (index == null || road == null || road.lanes() == null) {
      return index;
    }
    int lanes = road.lanes().size();
    if (index < 0 || index >= lanes) {
      fields.report(
          member(path, field),
          owner + ": " + field + " is " + index + " but road '" + road.id() + "' has " + lanes
              + (lanes == 1 ? " lane" : " lanes") + "; expected 0.." + (lanes - 1));
      return null;
    }
    return index;
  }

  /** The light phases of a non-virtual intersection; {@code trafficLight.roadLinkIndices} is ignored, as in CityFlow. */
  private List<Phase> phases(JsonNode node, String path, String owner, JsonNode roadLinks) {
    String lightPath = member(path, "trafficLight");
    JsonNode light =
        fields.object(node.get("trafficLight"), lightPath, owner, "trafficLight", "an object with an array 'lightphases'");
    if (light == null) {
      return null;
    }
    String phasesPath = member(lightPath, "lightphases");
    JsonNode array =
        fields.array(light.get("lightphases"), phasesPath, owner, "trafficLight.lightphases", "an array of phases");
    if (array == null) {
      return null;
    }
    if (array.isEmpty() && roadLinks != null && !roadLinks.isEmpty()) {
      fields.report(
          phasesPath,
          owner + ": trafficLight.lightphases is empty but the intersection is not virtual and has "
              + roadLinks.size() + " road links; expected at least one phase (a junction with road links needs a"
              + " signal plan)");
      return null;
    }
    List<Phase> phases = new ArrayList<>(array.size());
    boolean valid = true;
    for (int k = 0; k < array.size(); k++) {
      Phase phase = phase(array.get(k), element(phasesPath, k), "phase " + k + " of " + owner, owner, roadLinks);
      valid &= phase != null;
      phases.add(phase);
    }
    return valid ? phases : null;
  }

  private Phase phase(JsonNode value, String path, String owner, String intersectionOwner, JsonNode roadLinks) {
    JsonNode node = fields.object(value, path, owner, "the phase", "a phase object {time, availableRoadLinks}");
    if (node == null) {
      return null;
    }
    Double time = fields.number(node.get("time"), member(path, "time"), owner, "time", NumberRule.NON_NEGATIVE);
    String linksPath = member(path, "availableRoadLinks");
    JsonNode array =
        fields.array(
            node.get("availableRoadLinks"), linksPath, owner, "availableRoadLinks", "an array of road link indices");
    if (array == null) {
      return null;
    }
    List<Integer> available = new ArrayList<>(array.size());
    boolean valid = true;
    for (int j = 0; j < array.size(); j++) {
      String name = "availableRoadLinks[" + j + "]";
      Integer index = fields.integer(array.get(j), element(linksPath, j), owner, name);
      if (index != null && roadLinks != null && (index < 0 || index >= roadLinks.size())) {
        fields.report(
            element(linksPath, j),
            owner + ": " + name + " is " + index + " but " + intersectionOwner + " has " + roadLinks.size()
                + " road links; expected " + (roadLinks.isEmpty() ? "no index" : "0.." + (roadLinks.size() - 1)));
        index = null;
      }
      valid &= index != null;
      available.add(index);
    }
    return valid && time != null ? new Phase(time, available) : null;
  }
}

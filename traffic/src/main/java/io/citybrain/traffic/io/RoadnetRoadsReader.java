package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.JsonFields.element;
import static io.citybrain.traffic.io.JsonFields.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.traffic.io.JsonFields.NumberRule;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the {@code roads} array of a CityFlow roadnet (see {@link CityFlowRoadnetReader}
 * for the format). Package-private: one part of the roadnet reader.
 */
final class RoadnetRoadsReader {
  /**
   * What could be read of one road; a component is {@code null} when it was invalid (a problem has
   * then been recorded).
   */
  record RoadDraft(
      String id,
      String startIntersectionId,
      String endIntersectionId,
      List<Point> points,
      List<Lane> lanes,
      Double lengthMeters) {

    boolean complete() {
      return id != null && startIntersectionId != null && endIntersectionId != null && points != null && lanes != null
          && lengthMeters != null;
    }

    Road toRoad() {
      return new Road(id, startIntersectionId, endIntersectionId, points, lanes, lengthMeters);
    }
  }

  /**
   * How far a road is trimmed at an intersection: its width when not virtual, 0 when virtual.
   *
   * @param trimMeters m, or {@code null} when the intersection's own fields are invalid
   */
  record IntersectionTrim(String id, Double trimMeters) {}

  private RoadnetRoadsReader() {}

  /**
   * @param roads the {@code roads} array
   * @param intersections every intersection id in the file (first occurrence) and its trim
   * @param fields where problems go
   * @return one draft per element of {@code roads} ({@code null} for non-objects), file order
   */
  static List<RoadDraft> read(JsonNode roads, Map<String, IntersectionTrim> intersections, JsonFields fields) {
    List<RoadDraft> drafts = new ArrayList<>(roads.size());
    Map<String, Integer> firstIndexById = new HashMap<>();
    for (int i = 0; i < roads.size(); i++) {
      String path = element("roads", i);
      JsonNode node = roads.get(i);
      if (!node.isObject()) {
        fields.report(path, "road at " + path + " is " + JsonFields.describe(node) + "; expected a road object");
        drafts.add(null);
        continue;
      }
      drafts.add(readRoad(node, path, intersections, firstIndexById, i, fields));
    }
    return drafts;
  }

  private static RoadDraft readRoad(
      JsonNode node,
      String path,
      Map<String, IntersectionTrim> intersections,
      Map<String, Integer> firstIndexById,
      int index,
      JsonFields fields) {
    String id = fields.string(node.get("id"), member(path, "id"), "road at " + path, "id");
    String owner = id == null ? "road at " + path : "road '" + id + "'";
    if (id != null) {
      Integer first = firstIndexById.putIfAbsent(id, index);
      if (first != null) {
        fields.report(
            member(path, "id"),
            owner + " is defined twice (first at " + element("roads", first) + "); expected unique road ids");
      }
    }
    String start = intersectionRef(node, path, "startIntersection", owner, intersections, fields);
    String end = intersectionRef(node, path, "endIntersection", owner, intersections, fields);
    List<Point> points = points(node, path, owner, fields);
    List<Lane> lanes = lanes(node, path, owner, fields);
    // our extension: a declared lane length (CBEngine networks); absent means "from the geometry"
    Double length =
        fields.optionalNumber(node.get("length"), member(path, "length"), owner, "length", NumberRule.POSITIVE, Double.NaN);
    if (length != null && !length.isNaN()) {
      length = fields.plausible(length, member(path, "length"), owner, "length", InputLimits.ROAD_LENGTH_METERS);
    }
    if (points != null && start != null && end != null) {
      checkLengthAfterTrimming(points, intersections.get(start), intersections.get(end), path, owner, fields);
    }
    return new RoadDraft(id, start, end, points, lanes, length);
  }

  private static String intersectionRef(
      JsonNode node,
      String path,
      String field,
      String owner,
      Map<String, IntersectionTrim> intersections,
      JsonFields fields) {
    String ref = fields.string(node.get(field), member(path, field), owner, field);
    if (ref != null && !intersections.containsKey(ref)) {
      fields.report(
          member(path, field),
          owner + ": " + field + " '" + ref + "' is not an intersection of this roadnet; expected the id of one of its "
              + intersections.size() + " intersections");
      return null;
    }
    return ref;
  }

  private static List<Point> points(JsonNode node, String path, String owner, JsonFields fields) {
    String pointsPath = member(path, "points");
    JsonNode array =
        fields.array(node.get("points"), pointsPath, owner, "points", "an array of at least 2 points {x, y} in m");
    if (array == null) {
      return null;
    }
    List<Point> points = new ArrayList<>(array.size());
    boolean valid = true;
    for (int j = 0; j < array.size(); j++) {
      Point p = point(array.get(j), element(pointsPath, j), owner, "points[" + j + "]", fields);
      valid &= p != null;
      if (p != null && !points.isEmpty() && p.equals(points.get(points.size() - 1))) {
        fields.report(
            element(pointsPath, j),
            owner + ": points[" + j + "] repeats the previous point (" + p.x() + ", " + p.y()
                + "); expected distinct consecutive points");
        valid = false;
      }
      points.add(p);
    }
    if (array.size() < 2) {
      fields.report(
          pointsPath,
          owner + ": points has " + array.size() + (array.size() == 1 ? " point" : " points")
              + "; expected at least 2 (start and end of the centre line)");
      valid = false;
    }
    return valid ? points : null;
  }

  /**
   * A point object {@code {"x": .., "y": ..}} with finite coordinates in m; {@code null} after a
   * problem.
   */
  static Point point(JsonNode value, String path, String owner, String name, JsonFields fields) {
    JsonNode object = fields.object(value, path, owner, name, "a point object {\"x\": .., \"y\": ..} in m");
    if (object == null) {
      return null;
    }
    Double x = coordinate(object, path, owner, name, "x", fields);
    Double y = coordinate(object, path, owner, name, "y", fields);
    return x == null || y == null ? null : new Point(x, y);
  }

  private static Double coordinate(JsonNode point, String path, String owner, String name, String axis, JsonFields fields) {
    String at = member(path, axis);
    Double value = fields.number(point.get(axis), at, owner, name + "." + axis, NumberRule.ANY);
    return fields.plausible(value, at, owner, name + "." + axis, InputLimits.COORDINATE_METERS);
  }

  private static List<Lane> lanes(JsonNode node, String path, String owner, JsonFields fields) {
    String lanesPath = member(path, "lanes");
    JsonNode array = fields.array(node.get("lanes"), lanesPath, owner, "lanes", "an array of lane objects");
    if (array == null) {
      return null;
    }
    if (array.isEmpty()) {
      fields.report(lanesPath, owner + ": lanes is empty; expected at least one lane");
      return null;
    }
    List<Lane> lanes = new ArrayList<>(array.size());
    boolean valid = true;
    for (int k = 0; k < array.size(); k++) {
      String lanePath = element(lanesPath, k);
      String laneOwner = "lane " + k + " of " + owner;
      JsonNode lane = fields.object(array.get(k), lanePath, laneOwner, "the lane", "a lane object {width, maxSpeed}");
      if (lane == null) {
        valid = false;
        continue;
      }
      Double width =
          fields.plausible(
              fields.number(lane.get("width"), member(lanePath, "width"), laneOwner, "width", NumberRule.POSITIVE),
              member(lanePath, "width"), laneOwner, "width", InputLimits.LANE_WIDTH_METERS);
      Double maxSpeed =
          fields.plausible(
              fields.number(lane.get("maxSpeed"), member(lanePath, "maxSpeed"), laneOwner, "maxSpeed", NumberRule.POSITIVE),
              member(lanePath, "maxSpeed"), laneOwner, "maxSpeed", InputLimits.LANE_SPEED_METERS_PER_SECOND);
      if (width == null || maxSpeed == null) {
        valid = false;
        continue;
      }
      lanes.add(new Lane(width, maxSpeed));
    }
    return valid ? lanes : null;
  }

  /**
   * Roads are shortened at each non-virtual end by the intersection's width (see {@code Geometry});
   * something must be left, or lane geometry and routing costs become meaningless.
   */
  private static void checkLengthAfterTrimming(
      List<Point> points, IntersectionTrim start, IntersectionTrim end, String path, String owner, JsonFields fields) {
    if (start.trimMeters() == null || end.trimMeters() == null) {
      return;
    }
    double startTrim = start.trimMeters();
    double endTrim = end.trimMeters();
    int n = points.size();
    double first = points.get(0).distanceTo(points.get(1));
    double last = points.get(n - 2).distanceTo(points.get(n - 1));
    boolean tooShort = n == 2 ? first <= startTrim + endTrim : first <= startTrim || last <= endTrim;
    if (tooShort) {
      fields.report(
          member(path, "points"),
          owner + ": its centre line (first segment " + first + " m, last segment " + last + " m) is used up by"
              + " trimming " + startTrim + " m at intersection '" + start.id() + "' and " + endTrim
              + " m at intersection '" + end.id() + "'; expected the end segments to be longer than the widths"
              + " of the non-virtual intersections they touch");
    }
  }
}

package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.JsonFields.element;
import static io.citybrain.traffic.io.JsonFields.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.incident.Incident;
import io.citybrain.traffic.io.JsonFields.NumberRule;
import io.citybrain.traffic.sim.SimNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an incident file: the blockages to simulate on a network ({@code docs/incidents.md}).
 *
 * <pre>{@code
 * {"incidents": [
 *   {"id": "crash-1", "road": "road_1_1_0", "lanes": [0], "positionMeters": 250,
 *    "startSeconds": 600, "durationSeconds": 900},
 *   {"id": "closure", "road": "road_2_1_2", "positionMeters": 100, "startSeconds": 0, "durationSeconds": 300}
 * ]}
 * }</pre>
 *
 * <p>{@code lanes} (lane indices of the road, 0 innermost) may be left out for the whole road. Every
 * problem is reported at once, each naming the file, the JSON path and what was expected: an
 * unknown road, a lane the road does not have, a position not inside the road, a negative start, a
 * duration not above 0, a repeated id, an unknown member.
 */
public final class IncidentFileReader {
  private static final Set<String> MEMBERS =
      Set.of("id", "road", "lanes", "positionMeters", "startSeconds", "durationSeconds");

  private IncidentFileReader() {}

  /**
   * Reads and checks an incident file against a network.
   *
   * @param file the JSON file; problems name it as {@code file.toString()}
   * @param net the compiled network the roads refer to
   * @return the incidents in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when the file cannot be read
   */
  public static List<Incident> read(Path file, SimNetwork net) throws InputValidationException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), net);
    }
  }

  /** As {@link #read(Path, SimNetwork)} from a stream (not closed), naming it {@code fileName}. */
  public static List<Incident> read(InputStream in, String fileName, SimNetwork net)
      throws InputValidationException, IOException {
    JsonNode root = JsonFiles.parse(in, fileName);
    JsonFields fields = new JsonFields(fileName);
    JsonNode top = fields.object(root, "", "the incident file", "its root", "an object {\"incidents\": [...]}");
    fields.throwIfAny();
    JsonNode list = fields.array(top.get("incidents"), "incidents", "the incident file", "incidents", "an array of incident objects");
    fields.throwIfAny();
    for (Iterator<String> names = top.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("incidents")) {
        fields.report(name, "the incident file: member '" + name + "' is not known; expected only incidents");
      }
    }
    List<Incident> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Incident inc = incident(fields, list.get(i), element("incidents", i), i, net, ids);
      if (inc != null) {
        out.add(inc);
      }
    }
    fields.throwIfAny();
    return out;
  }

  private static Incident incident(JsonFields fields, JsonNode value, String path, int index, SimNetwork net, Set<String> ids) {
    String owner = "incident " + index;
    JsonNode node = fields.object(value, path, owner, "the incident", "an incident object {id, road, positionMeters, startSeconds, durationSeconds}");
    if (node == null) {
      return null;
    }
    int before = fields.problemCount();
    String id = fields.string(node.get("id"), member(path, "id"), owner, "id");
    if (id != null) {
      owner = "incident '" + id + "'";
      if (!ids.add(id)) {
        fields.report(member(path, "id"), owner + ": id is repeated; expected an id unique in the file");
      }
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        fields.report(member(path, name), owner + ": member '" + name + "' is not known; expected one of " + new java.util.TreeSet<>(MEMBERS));
      }
    }
    String roadId = fields.string(node.get("road"), member(path, "road"), owner, "road");
    int road = -1;
    if (roadId != null) {
      road = net.road(roadId);
      if (road < 0) {
        fields.report(member(path, "road"), owner + ": road is " + JsonFields.quote(roadId) + "; expected a road id of the roadnet");
      }
    }
    List<Integer> lanes = new ArrayList<>();
    JsonNode laneList = fields.optionalArray(node.get("lanes"), member(path, "lanes"), owner, "lanes", "an array of lane indices (left out for the whole road)");
    if (laneList != null) {
      if (laneList.isEmpty()) {
        fields.report(member(path, "lanes"), owner + ": lanes is empty; expected at least one lane index, or no lanes member for the whole road");
      }
      for (int k = 0; k < laneList.size(); k++) {
        String lp = element(member(path, "lanes"), k);
        Integer lane = fields.integer(laneList.get(k), lp, owner, "lane index");
        if (lane == null) {
          continue;
        }
        if (road >= 0 && (lane < 0 || lane >= net.lanesOfRoad(road))) {
          fields.report(lp, owner + ": lane is " + lane + "; expected a lane index of road " + JsonFields.quote(roadId)
              + " in 0.." + (net.lanesOfRoad(road) - 1));
        } else if (!lanes.isEmpty() && lane <= lanes.get(lanes.size() - 1)) {
          fields.report(lp, owner + ": lane is " + lane + "; expected lane indices ascending without repeats");
        }
        lanes.add(lane);
      }
    }
    Double position = fields.number(node.get("positionMeters"), member(path, "positionMeters"), owner, "positionMeters", NumberRule.POSITIVE);
    if (position != null && road >= 0 && net.lanesOfRoad(road) > 0) {
      double length = net.lengthMeters(net.lane(roadId, 0));
      if (!(position < length)) {
        fields.report(member(path, "positionMeters"), owner + ": positionMeters is " + position
            + "; expected a point inside road " + JsonFields.quote(roadId) + ", > 0 and < its length " + length + " m");
      }
    }
    Double start = fields.number(node.get("startSeconds"), member(path, "startSeconds"), owner, "startSeconds", NumberRule.NON_NEGATIVE);
    Double duration = fields.number(node.get("durationSeconds"), member(path, "durationSeconds"), owner, "durationSeconds", NumberRule.POSITIVE);
    if (fields.problemCount() > before) {
      return null;
    }
    return new Incident(id, roadId, lanes, position, start, duration);
  }
}

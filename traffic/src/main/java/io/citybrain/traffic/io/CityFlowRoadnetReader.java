package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.traffic.io.RoadnetRoadsReader.IntersectionTrim;
import io.citybrain.traffic.io.RoadnetRoadsReader.RoadDraft;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CityFlow roadnet file (CityFlow documentation, "Roadnet File Format", {@code roadnet.rst};
 * loader {@code src/roadnet/roadnet.cpp}) into a {@link RoadNetwork}, checking it as a whole and
 * reporting every problem found together.
 *
 * <h2>Format</h2>
 *
 * A JSON object with two arrays, {@code intersections} and {@code roads}. Lengths in m, speeds in
 * m/s, times in s. Members not listed (such as a road link's {@code direction}) are ignored.
 *
 * <table>
 *   <caption>Members read</caption>
 *   <tr><th>member</th><th>type</th><th>rule</th></tr>
 *   <tr><td>{@code roads[].id}</td><td>string</td><td>required, unique among roads</td></tr>
 *   <tr><td>{@code roads[].startIntersection}, {@code endIntersection}</td><td>string</td>
 *     <td>required, ids of intersections</td></tr>
 *   <tr><td>{@code roads[].points[]}</td><td>{@code {x, y}}</td><td>at least 2, finite, consecutive
 *     points distinct; the end segments must be longer than the widths of the non-virtual
 *     intersections they touch (roads are trimmed by those widths)</td></tr>
 *   <tr><td>{@code roads[].lanes[]}</td><td>{@code {width, maxSpeed}}</td><td>at least one; both
 *     &gt; 0; index 0 is the innermost lane</td></tr>
 *   <tr><td>{@code intersections[].id}</td><td>string</td><td>required, unique among
 *     intersections</td></tr>
 *   <tr><td>{@code intersections[].point}</td><td>{@code {x, y}}</td><td>required</td></tr>
 *   <tr><td>{@code intersections[].virtual}</td><td>boolean</td><td>required; true for boundary
 *     nodes</td></tr>
 *   <tr><td>{@code intersections[].width}</td><td>number</td><td>&ge; 0; required unless virtual
 *     (then default 0)</td></tr>
 *   <tr><td>{@code intersections[].roads[]}</td><td>string</td><td>required; each a road that
 *     starts or ends here</td></tr>
 *   <tr><td>{@code intersections[].roadLinks[]}</td><td>object</td><td>required unless virtual;
 *     must be absent or empty when virtual</td></tr>
 *   <tr><td>{@code roadLinks[].type}</td><td>string</td><td>{@code go_straight}, {@code turn_left}
 *     or {@code turn_right}</td></tr>
 *   <tr><td>{@code roadLinks[].startRoad}, {@code endRoad}</td><td>string</td><td>a road that ends
 *     here, a road that starts here</td></tr>
 *   <tr><td>{@code roadLinks[].laneLinks[]}</td><td>object</td><td>at least one</td></tr>
 *   <tr><td>{@code laneLinks[].startLaneIndex}, {@code endLaneIndex}</td><td>integer</td><td>a
 *     lane of the start road, of the end road</td></tr>
 *   <tr><td>{@code laneLinks[].points[]}</td><td>{@code {x, y}}</td><td>optional; none (the
 *     simulator then draws CityFlow's curve) or at least 2</td></tr>
 *   <tr><td>{@code trafficLight.lightphases[]}</td><td>{@code {time, availableRoadLinks}}</td>
 *     <td>required unless virtual; not empty when the intersection has road links; {@code time}
 *     &ge; 0; each index into this intersection's road links</td></tr>
 * </table>
 *
 * <h2>Extensions (ignored by CityFlow)</h2>
 *
 * <ul>
 *   <li>{@code roads[].length}: optional number &gt; 0, the road's declared lane length in m
 *       ({@link Road#lengthMeters()}); the simulator then uses it instead of the geometric length.
 *       Written for networks imported from CBEngine files, whose lengths do not follow from their
 *       coordinates. CityFlow itself would use the geometric length.
 *   <li>{@code intersections[].citybrainUnsignalized}: optional boolean, default false. When true
 *       on a non-virtual intersection, its light phases are checked but the model gets none: an
 *       unsignalised priority junction. The writer gives such an intersection one phase with every
 *       road link green, which makes CityFlow behave the same.
 * </ul>
 *
 * <p>Virtual intersections, as in CityFlow: only {@code id}, {@code point}, {@code virtual} and
 * {@code roads} are read (and {@code width}, when present, is kept); {@code trafficLight} is
 * ignored (the bundled research networks give them dummy phases) and the model has no phases for
 * them. {@code trafficLight.roadLinkIndices} is ignored everywhere, as CityFlow ignores it; the
 * writer emits {@code 0..n-1}.
 *
 * <h2>Stricter than CityFlow</h2>
 *
 * CityFlow crashes or silently misbehaves on several of these mistakes (a non-virtual
 * intersection with road links and no phases crashes it while loading, see the C01 case; an
 * unknown road link type becomes a left turn). This reader rejects them instead, and also rejects
 * a virtual intersection with road links, a road link without lane links and a road left with no
 * length after trimming.
 *
 * <h2>Errors</h2>
 *
 * Malformed JSON gives one {@link InputProblem} located at {@code line L, column C}. Otherwise
 * every semantic problem is collected, each located by a JSON path such as {@code
 * intersections[3].roadLinks[2].laneLinks[1].endLaneIndex}, with a message naming the object kind
 * and id, the bad value and what was expected, and all are thrown together.
 */
public final class CityFlowRoadnetReader {
  private static final String ROOT = "(root)";

  private CityFlowRoadnetReader() {}

  /**
   * Reads and checks a roadnet file.
   *
   * @param file the roadnet JSON; problems name it as {@code file.toString()}
   * @return the network, roads and intersections in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when the file cannot be read
   */
  public static RoadNetwork read(Path file) throws InputValidationException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads and checks a roadnet document from a stream (not closed).
   *
   * @param in the roadnet JSON
   * @param fileName the name to give in problems
   * @return the network, roads and intersections in file order
   * @throws InputValidationException with every problem found
   * @throws IOException when reading fails
   */
  public static RoadNetwork read(InputStream in, String fileName) throws InputValidationException, IOException {
    JsonNode root = JsonFiles.parse(in, fileName);
    JsonFields rootFields = new JsonFields(fileName);
    if (!root.isObject()) {
      rootFields.report(
          ROOT,
          "the roadnet is " + JsonFields.describe(root)
              + "; expected an object with arrays 'intersections' and 'roads'");
      rootFields.throwIfAny();
    }
    JsonNode intersectionsNode =
        rootFields.array(root.get("intersections"), "intersections", "roadnet", "intersections", "an array of intersections");
    JsonNode roadsNode = rootFields.array(root.get("roads"), "roads", "roadnet", "roads", "an array of roads");

    JsonFields roadFields = new JsonFields(fileName);
    List<RoadDraft> roadDrafts =
        roadsNode == null ? List.of() : RoadnetRoadsReader.read(roadsNode, trims(intersectionsNode), roadFields);
    Map<String, RoadDraft> roadsById = new LinkedHashMap<>();
    for (RoadDraft draft : roadDrafts) {
      if (draft != null && draft.id() != null) {
        roadsById.putIfAbsent(draft.id(), draft);
      }
    }
    JsonFields intersectionFields = new JsonFields(fileName);
    List<Intersection> intersections =
        intersectionsNode == null
            ? List.of()
            : RoadnetIntersectionsReader.read(intersectionsNode, roadsById, intersectionFields);

    List<InputProblem> problems = new ArrayList<>(rootFields.problems());
    if (roadsFirst(root)) {
      problems.addAll(roadFields.problems());
      problems.addAll(intersectionFields.problems());
    } else {
      problems.addAll(intersectionFields.problems());
      problems.addAll(roadFields.problems());
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    List<Road> roads = roadDrafts.stream().map(RoadDraft::toRoad).toList();
    return new RoadNetwork(intersections, roads);
  }

  /** Problems are reported in file order: the section that comes first in the file first. */
  private static boolean roadsFirst(JsonNode root) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("roads")) {
        return true;
      }
      if (name.equals("intersections")) {
        return false;
      }
    }
    return false;
  }

  /**
   * A silent first look at the intersections: every id, with how far roads are trimmed there
   * (problems in these fields are reported by the intersections pass, not here).
   */
  private static Map<String, IntersectionTrim> trims(JsonNode intersections) {
    Map<String, IntersectionTrim> trims = new LinkedHashMap<>();
    if (intersections == null) {
      return trims;
    }
    for (int i = 0; i < intersections.size(); i++) {
      JsonNode node = intersections.get(i);
      JsonNode id = node.get("id");
      if (id == null || !id.isTextual()) {
        continue;
      }
      JsonNode virtual = node.get("virtual");
      JsonNode width = node.get("width");
      Double trim = null;
      if (virtual != null && virtual.isBoolean() && virtual.booleanValue()) {
        trim = 0.0;
      } else if (virtual != null
          && virtual.isBoolean()
          && width != null
          && width.isNumber()
          && Double.isFinite(width.doubleValue())
          && width.doubleValue() >= 0) {
        trim = width.doubleValue();
      }
      trims.putIfAbsent(id.textValue(), new IntersectionTrim(id.textValue(), trim));
    }
    return trims;
  }
}

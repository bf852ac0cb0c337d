package io.citybrain.cli;

import static io.citybrain.cli.Corridor.FLOW;
import static io.citybrain.cli.Corridor.ROADNET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each class of invalid input file from issue 2, made by one small edit of the valid corridor
 * ({@link Corridor}): exit code 2, one line per problem naming the file, the JSON path and what
 * was expected, and no stack trace.
 */
class InvalidInputIT {
  @TempDir static Path dir;

  @BeforeAll
  static void writeValidCorridor() {
    Corridor.writeValid(dir);
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    // drop the comma after the first intersection's width (line 3 of the file)
    String text = Corridor.roadnetText();
    String line3 = text.lines().skip(2).findFirst().orElseThrow();
    assertThat(line3).contains("\"width\": 0, \"roads\"");
    String broken = text.replaceFirst("\"width\": 0, \"roads\"", "\"width\": 0 \"roads\"");
    int column = line3.indexOf("\"roads\""); // 1-based column of '"' once the comma is gone
    String file = Corridor.write(dir, "missing-comma.roadnet.json", broken);

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    assertProblem(result, file, "line 3, column " + column, "malformed JSON", "expecting comma");
  }

  @Test
  void truncatedJsonGivesLineAndColumnInPlainWords() {
    // the file ends after the last intersection: the array opened on line 2 is never closed
    String text = Corridor.roadnetText();
    String file = Corridor.write(dir, "truncated.roadnet.json", text.substring(0, text.indexOf("\n  ],\n  \"roads\"")));

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    String line = problemLine(result, file, locationOf(result, file));
    assertThat(line)
        .contains("malformed JSON", "end-of-input", "start marker at line 2, column 20")
        .as("Jackson's internal source description is not for users")
        .doesNotContain("Source:", "REDACTED", "StreamReadFeature");
  }

  @Test
  void roadReferencingUnknownIntersection() {
    ObjectNode roadnet = Corridor.roadnet();
    road(roadnet, 0).put("startIntersection", "X");
    String file = Corridor.write(dir, "unknown-intersection.roadnet.json", roadnet);

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    assertProblem(result, file, "roads[0].startIntersection", "road 'W_C'", "'X'", "expected the id of one of its 3 intersections");
  }

  @Test
  void laneLinkToLaneIndexThatDoesNotExist() {
    ObjectNode roadnet = Corridor.roadnet();
    laneLink(roadnet, 1, 0, 0).put("endLaneIndex", 1);
    String file = Corridor.write(dir, "missing-lane.roadnet.json", roadnet);

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    assertProblem(
        result, file, "intersections[1].roadLinks[0].laneLinks[0].endLaneIndex",
        "intersection 'C'", "endLaneIndex is 1", "road 'C_E' has 1 lane", "expected 0..0");
  }

  @Test
  void flowRouteNamingUnknownRoad() {
    ArrayNode flow = Corridor.flow();
    route(flow, 0).set(1, "nowhere");
    String file = Corridor.write(dir, "unknown-road.flow.json", flow);

    Result result = runCorridor(ROADNET, file);

    assertProblemCount(result, 1);
    assertProblem(result, file, "flow[0].route[1]", "'nowhere'", "is not a road of the roadnet", "expected a road id");
  }

  @Test
  void flowRouteRoadsThatAreNotConnectedAreRefusedWithStrict() {
    ArrayNode flow = Corridor.flow();
    route(flow, 0).set(1, "C_W"); // W_C leads only to C_E: no U-turn at C
    String file = Corridor.write(dir, "not-connected.flow.json", flow);

    Result result =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", file, "--steps", "60", "--strict");

    assertProblemCount(result, 1);
    assertProblem(result, file, "flow[0].route", "flow_0 cannot drive from road W_C to road C_W", "no chain of road links",
        "expected");
  }

  @Test
  void flowRouteRoadsThatAreNotConnectedAreSkippedWithOneWarningAndCounted() throws Exception {
    ArrayNode flow = Corridor.flow();
    route(flow, 0).set(1, "C_W");
    String file = Corridor.write(dir, "skipped.flow.json", flow);
    Result result =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", file, "--steps", "60", "--out", "skipped-run");

    assertThat(result.exitCode()).as(result.describe()).isZero();
    List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("warning: ")).toList();
    assertThat(warnings)
        .as(result.describe())
        .containsExactly("warning: " + file + ": flow[0].route: skipped flow_0 cannot drive from road W_C to road C_W: no"
            + " chain of road links leads from route[0] to route[1]; expected consecutive route roads to be joined by road"
            + " links, directly or through other roads");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("skipped-run").resolve("summary.json").toFile());
    assertThat(summary.get("flowsSkippedUnroutable").asInt()).isEqualTo(1);
    assertThat(summary.get("vehiclesSkippedUnroutable").asLong()).isPositive();
  }

  @ParameterizedTest(name = "vehicle.{0} = {1}")
  @CsvSource({"length, 0", "length, -5", "maxSpeed, 0", "maxSpeed, -1"})
  void vehicleWithNonPositiveLengthOrSpeed(String field, double value) {
    ArrayNode flow = Corridor.flow();
    ((ObjectNode) flow.get(0).get("vehicle")).put(field, value);
    String file = Corridor.write(dir, "vehicle-" + field + value + ".flow.json", flow);

    Result result = runCorridor(ROADNET, file);

    assertProblemCount(result, 1);
    assertProblem(result, file, "flow[0].vehicle." + field, "flow 'flow_0'", "vehicle." + field + " is", "expected a finite number > 0");
  }

  @Test
  void startTimeAfterEndTime() {
    ArrayNode flow = Corridor.flow();
    ((ObjectNode) flow.get(0)).put("startTime", 200);
    String file = Corridor.write(dir, "start-after-end.flow.json", flow);

    Result result = runCorridor(ROADNET, file);

    assertProblemCount(result, 1);
    assertProblem(result, file, "flow[0].endTime", "endTime 100 is before startTime 200", "expected endTime >= startTime");
  }

  @ParameterizedTest(name = "interval = {0}")
  @ValueSource(doubles = {0, -5})
  void intervalNotPositive(double interval) {
    ArrayNode flow = Corridor.flow();
    ((ObjectNode) flow.get(0)).put("interval", interval);
    String file = Corridor.write(dir, "interval" + interval + ".flow.json", flow);

    Result result = runCorridor(ROADNET, file);

    assertProblemCount(result, 1);
    assertProblem(result, file, "flow[0].interval", "interval is", "expected a finite number > 0");
  }

  @Test
  void lightPhaseReferencingRoadLinkOutOfRange() {
    ObjectNode roadnet = Corridor.roadnet();
    ArrayNode links = (ArrayNode) phase(roadnet, 1, 1).get("availableRoadLinks");
    links.add(2); // C has road links 0 and 1
    String file = Corridor.write(dir, "phase-link-out-of-range.roadnet.json", roadnet);

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    assertProblem(
        result, file, "intersections[1].trafficLight.lightphases[1].availableRoadLinks[1]",
        "intersection 'C'", "is 2", "2 road links", "expected 0..1");
  }

  @Test
  void duplicateRoadId() {
    ObjectNode roadnet = Corridor.roadnet();
    ((ArrayNode) roadnet.get("roads")).add(road(roadnet, 3).deepCopy());
    String file = Corridor.write(dir, "duplicate-road.roadnet.json", roadnet);

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    assertProblem(result, file, "roads[4].id", "road 'C_E' is defined twice (first at roads[3])", "expected unique road ids");
  }

  @Test
  void duplicateIntersectionId() {
    ObjectNode roadnet = Corridor.roadnet();
    ((ArrayNode) roadnet.get("intersections")).add(roadnet.get("intersections").get(2).deepCopy());
    String file = Corridor.write(dir, "duplicate-intersection.roadnet.json", roadnet);

    Result result = runCorridor(file, FLOW);

    assertProblemCount(result, 1);
    assertProblem(
        result, file, "intersections[3].id",
        "intersection 'E' is defined twice (first at intersections[2])", "expected unique intersection ids");
  }

  /** Case C01's variant: a signalised intersection with road links and no phases (CityFlow crashes). */
  @Test
  void caseC01IntersectionWithoutPhases() {
    Path c01 = dir.resolve("C01-empty-phases");
    CitybrainJar.copyResource("cases/C01/roadnet_empty_phases.json", c01.resolve("roadnet_empty_phases.json"));
    CitybrainJar.copyResource("cases/C01/flow.json", c01.resolve("flow.json"));
    String file = "C01-empty-phases/roadnet_empty_phases.json";

    Result result = runCorridor(file, "C01-empty-phases/flow.json");

    assertProblemCount(result, 1);
    assertProblem(result, file, "intersections[3].trafficLight.lightphases", "intersection 'C'", "lightphases is empty", "expected");
  }

  @Test
  void everyProblemOfAFileIsReportedTogether() {
    ArrayNode flow = Corridor.flow();
    ((ObjectNode) flow.get(0).get("vehicle")).put("length", 0);
    ((ObjectNode) flow.get(0)).put("startTime", 200);
    route(flow, 1).set(0, "nowhere");
    ((ObjectNode) flow.get(1)).put("interval", -2);
    String file = Corridor.write(dir, "four-problems.flow.json", flow);

    Result result = runCorridor(ROADNET, file);

    assertProblemCount(result, 4);
    assertProblem(result, file, "flow[0].vehicle.length", "expected");
    assertProblem(result, file, "flow[0].endTime", "expected");
    assertProblem(result, file, "flow[1].route[0]", "'nowhere'", "expected");
    assertProblem(result, file, "flow[1].interval", "expected");
  }

  @Test
  void cityFlowConfigWithInvalidInterval() {
    ObjectNode config = Corridor.configFor(ROADNET, FLOW);
    config.put("interval", 0);
    String file = Corridor.write(dir, "interval0.config.json", config);

    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--config", file, "--steps", "60");

    assertProblemCount(result, 1);
    assertProblem(result, file, "interval", "config: interval is 0", "expected a finite number > 0");
  }

  @Test
  void cityFlowConfigNamingMissingRoadnet() {
    String file = Corridor.write(dir, "missing-roadnet.config.json", Corridor.configFor("no-such-roadnet.json", FLOW));

    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--config", file, "--steps", "60");

    assertProblemCount(result, 1);
    assertThat(result.stderr()).contains("no-such-roadnet.json", "does not exist");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--roadnet no-such-file.json --flow flow.json",
        "--roadnet roadnet.json --flow no-such-file.json",
        "--config no-such-file.json"
      })
  void missingFile(String options) {
    Result result = runScenario(options);

    result.assertInvalid();
    assertThat(result.stderr()).as(result.describe()).contains("no-such-file.json").contains("does not exist");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--roadnet a-folder --flow flow.json",
        "--roadnet roadnet.json --flow a-folder",
        "--config a-folder"
      })
  void folderInsteadOfFile(String options) throws Exception {
    Files.createDirectories(dir.resolve("a-folder"));

    Result result = runScenario(options);

    result.assertInvalid();
    assertThat(result.stderr()).as(result.describe()).contains("a-folder").contains("is a directory", "expected a JSON file");
  }

  private static Result runCorridor(String roadnet, String flow) {
    return CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", roadnet, "--flow", flow, "--steps", "60");
  }

  private static Result runScenario(String options) {
    List<String> args = new ArrayList<>(List.of("traffic", "run", "--steps", "60"));
    args.addAll(Arrays.asList(options.split(" ")));
    return CitybrainJar.runQuick(dir, args.toArray(String[]::new));
  }

  /** Exit code 2, no stack trace, and the header "error: invalid input (N problems):". */
  private static void assertProblemCount(Result result, int count) {
    result.assertInvalid();
    assertThat(result.stderr())
        .as(result.describe())
        .startsWith("error: invalid input (" + count + (count == 1 ? " problem" : " problems") + "):");
  }

  /** The one problem line for {@code file} at {@code path}, containing every fragment. */
  private static void assertProblem(Result result, String file, String path, String... fragments) {
    assertThat(problemLine(result, file, path)).as(result.describe()).contains(fragments);
  }

  private static String problemLine(Result result, String file, String path) {
    String prefix = "  " + file + ": " + path + ": ";
    List<String> lines = result.stderr().lines().filter(l -> l.startsWith(prefix)).toList();
    assertThat(lines).as("lines starting with '%s' in\n%s", prefix, result.describe()).hasSize(1);
    return lines.get(0);
  }

  /** The "line L, column C" location reported for {@code file}. */
  private static String locationOf(Result result, String file) {
    Matcher m = Pattern.compile(Pattern.quote(file) + ": (line \\d+, column \\d+): ").matcher(result.stderr());
    assertThat(m.find()).as("a line and column for %s in\n%s", file, result.describe()).isTrue();
    return m.group(1);
  }

  private static ObjectNode road(ObjectNode roadnet, int index) {
    return (ObjectNode) roadnet.get("roads").get(index);
  }

  private static ObjectNode laneLink(ObjectNode roadnet, int intersection, int roadLink, int laneLink) {
    return (ObjectNode)
        roadnet.get("intersections").get(intersection).get("roadLinks").get(roadLink).get("laneLinks").get(laneLink);
  }

  private static ObjectNode phase(ObjectNode roadnet, int intersection, int phase) {
    return (ObjectNode) roadnet.get("intersections").get(intersection).get("trafficLight").get("lightphases").get(phase);
  }

  private static ArrayNode route(ArrayNode flow, int index) {
    return (ArrayNode) flow.get(index).get("route");
  }
}

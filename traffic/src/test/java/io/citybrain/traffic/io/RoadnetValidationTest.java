package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import static io.citybrain.traffic.io.TestInputs.at;
import static io.citybrain.traffic.io.TestInputs.c01Roadnet;
import static io.citybrain.traffic.io.TestInputs.json;
import static io.citybrain.traffic.io.TestInputs.roadnetProblems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per class of bad roadnet input. Each starts from the valid C01 roadnet (intersections
 * W, E, S virtual and C at index 3; roads W_C, C_W, E_C, C_E, S_C, C_S; C's road links 0..5 are
 * W_C→C_E, W_C→C_S, E_C→C_W, E_C→C_S, S_C→C_W, S_C→C_E) and breaks one thing.
 */
class RoadnetValidationTest {
  private final ObjectNode roadnet = c01Roadnet();

  private ObjectNode node(String pointer) {
    return (ObjectNode) roadnet.at(pointer);
  }

  private ArrayNode array(String pointer) {
    return (ArrayNode) roadnet.at(pointer);
  }

  @Test
  void theUnchangedFixtureLoads() throws Exception {
    RoadNetwork network = CityFlowRoadnetReader.read(TestInputs.stream(json(roadnet)), "ok.json");
    assertThat(network.roads()).hasSize(6);
  }

  @Test
  void missingRequiredFieldIsReported() {
    node("/roads/2").remove("lanes");
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(problems).hasSize(1);
    InputProblem p = at(problems, "roads[2].lanes");
    assertThat(p.message()).contains("road 'E_C'", "lanes is missing", "expected an array of lane objects");
  }

  @Test
  void wronglyTypedFieldIsReportedWithTheValue() {
    node("/intersections/3").put("virtual", "no");
    node("/roads/0/lanes/0").put("width", "4");
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(at(problems, "intersections[3].virtual").message())
        .isEqualTo("intersection 'C': virtual is the string \"no\"; expected true or false");
    assertThat(at(problems, "roads[0].lanes[0].width").message())
        .isEqualTo("lane 0 of road 'W_C': width is the string \"4\"; expected a finite number > 0");
  }

  @Test
  void rootMustBeAnObjectWithBothArrays() {
    assertThat(at(roadnetProblems("[]"), "(root)").message()).contains("expected an object");
    roadnet.remove("intersections");
    roadnet.put("roads", 3);
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(at(problems, "intersections").message()).contains("roadnet: intersections is missing");
    assertThat(at(problems, "roads").message()).contains("roads is 3; expected an array");
  }

  @Test
  void duplicateIntersectionIdIsReported() {
    node("/intersections/1").put("id", "W");
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(at(problems, "intersections[1].id").message())
        .isEqualTo(
            "intersection 'W' is defined twice (first at intersections[0]); expected unique intersection ids");
  }

  @Test
  void duplicateRoadIdIsReported() {
    node("/roads/1").put("id", "W_C");
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(at(problems, "roads[1].id").message())
        .isEqualTo("road 'W_C' is defined twice (first at roads[0]); expected unique road ids");
  }

  @ParameterizedTest
  @ValueSource(strings = {"startIntersection", "endIntersection"})
  void roadReferencingAnUnknownIntersectionIsReported(String field) {
    node("/roads/4").put(field, "nowhere");
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(at(problems, "roads[4]." + field).message())
        .isEqualTo(
            "road 'S_C': " + field + " 'nowhere' is not an intersection of this roadnet; expected the id of one of"
                + " its 4 intersections");
  }

  @Test
  void roadWithFewerThanTwoPointsIsReported() {
    array("/roads/0/points").remove(1);
    InputProblem p = at(roadnetProblems(roadnet), "roads[0].points");
    assertThat(p.message()).isEqualTo("road 'W_C': points has 1 point; expected at least 2 (start and end of the centre line)");
  }

  @Test
  void roadWithRepeatedPointIsReported() {
    array("/roads/0/points").insert(1, roadnet.at("/roads/0/points/0").deepCopy());
    InputProblem p = at(roadnetProblems(roadnet), "roads[0].points[1]");
    assertThat(p.message()).contains("road 'W_C'", "repeats the previous point (-150.0, 0.0)");
  }

  @Test
  void roadWithoutLanesIsReported() {
    array("/roads/0/lanes").removeAll();
    InputProblem p = at(roadnetProblems(roadnet), "roads[0].lanes");
    assertThat(p.message()).isEqualTo("road 'W_C': lanes is empty; expected at least one lane");
  }

  @ParameterizedTest
  @ValueSource(strings = {"width", "maxSpeed"})
  void laneWidthAndMaxSpeedMustBePositive(String field) {
    node("/roads/3/lanes/0").put(field, 0);
    node("/roads/5/lanes/0").put(field, -2.5);
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(problems).hasSize(2);
    assertThat(at(problems, "roads[3].lanes[0]." + field).message())
        .isEqualTo("lane 0 of road 'C_E': " + field + " is 0; expected a finite number > 0");
    assertThat(at(problems, "roads[5].lanes[0]." + field).message())
        .isEqualTo("lane 0 of road 'C_S': " + field + " is -2.5; expected a finite number > 0");
  }

  @Test
  void roadUsedUpByIntersectionWidthIsReported() {
    node("/intersections/3").put("width", 150);
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(problems).hasSize(6);
    assertThat(at(problems, "roads[0].points").message())
        .contains("road 'W_C'", "trimming 0.0 m at intersection 'W' and 150.0 m at intersection 'C'");
  }

  @Test
  void intersectionRoadsNamingAnUnknownRoadIsReported() {
    array("/intersections/3/roads").set(2, "E_X");
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roads[2]");
    assertThat(p.message())
        .isEqualTo(
            "intersection 'C': roads[2] 'E_X' is not a road of this roadnet; expected the id of a road that starts"
                + " or ends here");
  }

  @Test
  void intersectionRoadsNamingARoadElsewhereIsReported() {
    array("/intersections/0/roads").set(0, "E_C");
    InputProblem p = at(roadnetProblems(roadnet), "intersections[0].roads[0]");
    assertThat(p.message()).contains("intersection 'W'", "'E_C' runs from intersection 'E' to 'C'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"startRoad", "endRoad"})
  void roadLinkNamingAnUnknownRoadIsReported(String field) {
    node("/intersections/3/roadLinks/4").put(field, "X_Y");
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[4]." + field);
    assertThat(p.message())
        .startsWith("road link 4 of intersection 'C': " + field + " 'X_Y' is not a road of this roadnet");
  }

  @Test
  void roadLinkStartRoadMustEndHere() {
    node("/intersections/3/roadLinks/0").put("startRoad", "C_W");
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[0].startRoad");
    assertThat(p.message())
        .isEqualTo(
            "road link 0 of intersection 'C': startRoad 'C_W' ends at intersection 'W'; expected a road that ends"
                + " at intersection 'C'");
  }

  @Test
  void roadLinkEndRoadMustStartHere() {
    node("/intersections/3/roadLinks/0").put("endRoad", "E_C");
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[0].endRoad");
    assertThat(p.message())
        .isEqualTo(
            "road link 0 of intersection 'C': endRoad 'E_C' starts at intersection 'E'; expected a road that starts"
                + " at intersection 'C'");
  }

  @Test
  void unknownRoadLinkTypeIsReportedWithTheAllowedValues() {
    node("/intersections/3/roadLinks/1").put("type", "u_turn");
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[1].type");
    assertThat(p.message())
        .isEqualTo(
            "road link 1 of intersection 'C': type is the string \"u_turn\"; expected one of go_straight, turn_left,"
                + " turn_right");
  }

  @Test
  void laneLinkIndicesOutOfRangeAreReported() {
    node("/intersections/3/roadLinks/2/laneLinks/0").put("endLaneIndex", 1);
    node("/intersections/3/roadLinks/5/laneLinks/0").put("startLaneIndex", -1);
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(problems).hasSize(2);
    assertThat(at(problems, "intersections[3].roadLinks[2].laneLinks[0].endLaneIndex").message())
        .isEqualTo(
            "lane link 0 of road link 2 of intersection 'C': endLaneIndex is 1 but road 'C_W' has 1 lane;"
                + " expected 0..0");
    assertThat(at(problems, "intersections[3].roadLinks[5].laneLinks[0].startLaneIndex").message())
        .contains("startLaneIndex is -1 but road 'S_C' has 1 lane");
  }

  @Test
  void laneLinkIndexMustBeAnInteger() {
    node("/intersections/3/roadLinks/2/laneLinks/0").put("endLaneIndex", 0.5);
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[2].laneLinks[0].endLaneIndex");
    assertThat(p.message()).endsWith("endLaneIndex is 0.5; expected an integer");
  }

  @Test
  void roadLinkWithoutLaneLinksIsReported() {
    array("/intersections/3/roadLinks/3/laneLinks").removeAll();
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[3].laneLinks");
    assertThat(p.message()).isEqualTo("road link 3 of intersection 'C': laneLinks is empty; expected at least one lane link");
  }

  @Test
  void laneLinkWithASinglePointIsReported() {
    array("/intersections/3/roadLinks/3/laneLinks/0/points").remove(2);
    array("/intersections/3/roadLinks/3/laneLinks/0/points").remove(1);
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks[3].laneLinks[0].points");
    assertThat(p.message()).contains("points has 1 point; expected none");
  }

  @Test
  void lightPhaseIndexOutOfRangeIsReported() {
    array("/intersections/3/trafficLight/lightphases/4/availableRoadLinks").add(6);
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].trafficLight.lightphases[4].availableRoadLinks[2]");
    assertThat(p.message())
        .isEqualTo(
            "phase 4 of intersection 'C': availableRoadLinks[2] is 6 but intersection 'C' has 6 road links;"
                + " expected 0..5");
  }

  @Test
  void nonVirtualIntersectionWithRoadLinksNeedsPhases() throws Exception {
    List<InputProblem> problems;
    try (var in = TestInputs.resource("cases/C01/roadnet_empty_phases.json")) {
      problems = roadnetProblems(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(problems).hasSize(1);
    InputProblem p = at(problems, "intersections[3].trafficLight.lightphases");
    assertThat(p.message())
        .isEqualTo(
            "intersection 'C': trafficLight.lightphases is empty but the intersection is not virtual and has 6 road"
                + " links; expected at least one phase (a junction with road links needs a signal plan)");
  }

  @Test
  void negativePhaseTimeIsReported() {
    node("/intersections/3/trafficLight/lightphases/1").put("time", -3);
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].trafficLight.lightphases[1].time");
    assertThat(p.message()).isEqualTo("phase 1 of intersection 'C': time is -3; expected a finite number >= 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400"})
  void nonFiniteNumbersAreReported(String literal) {
    node("/roads/1/points/1").put("x", 123456.5);
    String text = json(roadnet).replace("123456.5", literal);
    InputProblem p = at(roadnetProblems(text), "roads[1].points[1].x");
    assertThat(p.message()).startsWith("road 'C_W': points[1].x is ").endsWith("; expected a finite number");
  }

  @Test
  void virtualIntersectionsNeedNoWidthAndTheirPhasesAreIgnored() throws Exception {
    node("/intersections/0").remove("width");
    node("/intersections/1").remove("trafficLight");
    node("/intersections/2").set("trafficLight", TestInputs.MAPPER.readTree("{\"lightphases\": [{\"time\": 5}]}"));
    RoadNetwork network = CityFlowRoadnetReader.read(TestInputs.stream(json(roadnet)), "ok.json");
    assertThat(network.intersection("W").orElseThrow().widthMeters()).isZero();
    assertThat(network.intersections().subList(0, 3)).allSatisfy(i -> assertThat(i.phases()).isEmpty());
  }

  @Test
  void virtualIntersectionWithRoadLinksIsReported() {
    node("/intersections/3").put("virtual", true);
    InputProblem p = at(roadnetProblems(roadnet), "intersections[3].roadLinks");
    assertThat(p.message()).startsWith("intersection 'C': roadLinks has 6 road links but the intersection is virtual");
  }

  @Test
  void roadLinkIndicesAreIgnoredOnRead() throws Exception {
    node("/intersections/3/trafficLight").set("roadLinkIndices", TestInputs.MAPPER.readTree("[5, 99, \"x\"]"));
    RoadNetwork network = CityFlowRoadnetReader.read(TestInputs.stream(json(roadnet)), "ok.json");
    assertThat(network.intersection("C").orElseThrow().roadLinks()).hasSize(6);
  }

  @Test
  void elementsThatAreNotObjectsAreReported() {
    array("/roads").add(7);
    array("/intersections/3/roadLinks").add("go_straight");
    List<InputProblem> problems = roadnetProblems(roadnet);
    assertThat(at(problems, "roads[6]").message()).isEqualTo("road at roads[6] is 7; expected a road object");
    assertThat(at(problems, "intersections[3].roadLinks[6]").message())
        .contains("road link 6 of intersection 'C': the road link is the string \"go_straight\"");
  }
}

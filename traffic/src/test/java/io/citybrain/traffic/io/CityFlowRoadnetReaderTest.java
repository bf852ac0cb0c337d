package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static io.citybrain.traffic.io.TestInputs.roadnetProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityFlowRoadnetReaderTest {

  @Test
  void c01ThreeLegIntersectionLoads() {
    RoadNetwork network = TestInputs.roadnet("cases/C01/roadnet.json");

    assertThat(network.intersections()).extracting(Intersection::id).containsExactly("W", "E", "S", "C");
    assertThat(network.roads()).hasSize(6);
    assertThat(network.signalizedIntersectionCount()).isEqualTo(1);
    Intersection c = network.intersection("C").orElseThrow();
    assertThat(c.virtual()).isFalse();
    assertThat(c.widthMeters()).isEqualTo(10.0);
    assertThat(c.point()).isEqualTo(new Point(0, 0));
    assertThat(c.roadIds()).containsExactly("W_C", "C_W", "E_C", "C_E", "S_C", "C_S");
    assertThat(c.roadLinks().stream().map(RoadLink::startRoadId).distinct()).as("three legs in").hasSize(3);
    assertThat(c.roadLinks()).hasSize(6);
    assertThat(c.roadLinks().get(3))
        .extracting(RoadLink::type, RoadLink::startRoadId, RoadLink::endRoadId)
        .containsExactly(RoadLinkType.TURN_LEFT, "E_C", "C_S");
    LaneLink laneLink = c.roadLinks().get(3).laneLinks().get(0);
    assertThat(laneLink.points()).containsExactly(new Point(10, 2), new Point(-2, 2), new Point(-2, -10));
    assertThat(c.phases())
        .extracting(p -> p.timeSeconds(), p -> p.availableRoadLinks())
        .containsExactly(
            tuple(30.0, List.of(0, 1, 2)),
            tuple(3.0, List.of()),
            tuple(10.0, List.of(3)),
            tuple(3.0, List.of()),
            tuple(20.0, List.of(4, 5)),
            tuple(3.0, List.of()));
    assertThat(network.road("S_C").orElseThrow().lanes().get(0).maxSpeedMetersPerSecond()).isEqualTo(10.0);
  }

  @Test
  void c01EmptyPhasesVariantFailsNamingIntersectionCAndLightphases() throws Exception {
    InputValidationException e;
    try (InputStream in = TestInputs.resource("cases/C01/roadnet_empty_phases.json")) {
      e =
          catchThrowableOfType(
              InputValidationException.class,
              () -> CityFlowRoadnetReader.read(in, "roadnet_empty_phases.json"));
    }
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    InputProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo("roadnet_empty_phases.json");
    assertThat(p.location()).isEqualTo("intersections[3].trafficLight.lightphases");
    assertThat(p.message()).contains("intersection 'C'", "lightphases is empty", "not virtual");
    assertThat(e.getMessage()).contains("roadnet_empty_phases.json: intersections[3].trafficLight.lightphases:");
  }

  @Test
  void aFileWithSeveralProblemsReportsAllOfThemInFileOrder() throws Exception {
    InputValidationException e;
    try (InputStream in = TestInputs.resource("io/roadnet_several_problems.json")) {
      e = catchThrowableOfType(InputValidationException.class, () -> CityFlowRoadnetReader.read(in, "several.json"));
    }
    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(InputProblem::file, InputProblem::location)
        .containsExactly(
            tuple("several.json", "intersections[1].roadLinks[0].laneLinks[0].endLaneIndex"),
            tuple("several.json", "intersections[1].trafficLight.lightphases[0].availableRoadLinks[1]"),
            tuple("several.json", "intersections[2].id"),
            tuple("several.json", "roads[0].lanes[0].width"),
            tuple("several.json", "roads[1].endIntersection"));
    assertThat(e.problems().get(0).message()).contains("endLaneIndex is 2 but road 'B_C' has 2 lanes; expected 0..1");
    assertThat(e.problems().get(1).message()).contains("is 1 but intersection 'B' has 1 road links; expected 0..0");
    assertThat(e.problems().get(2).message()).contains("intersection 'B' is defined twice");
    assertThat(e.problems().get(3).message()).contains("lane 0 of road 'A_B': width is -1");
    assertThat(e.problems().get(4).message()).contains("road 'B_C': endIntersection 'C' is not an intersection");
    assertThat(e.getMessage()).startsWith("5 problems in input:");
  }

  @Test
  void malformedJsonReportsLineAndColumn() throws Exception {
    InputValidationException e;
    try (InputStream in = TestInputs.resource("io/roadnet_malformed.json")) {
      e = catchThrowableOfType(InputValidationException.class, () -> CityFlowRoadnetReader.read(in, "malformed.json"));
    }
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    InputProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo("malformed.json");
    assertThat(p.location()).isEqualTo("line 3, column 43");
    assertThat(p.message()).startsWith("malformed JSON: Unexpected character").contains("was expecting comma");
  }

  @Test
  void unclosedJsonNamesWhereTheUnclosedArrayStartedInPlainWords() {
    InputProblem p = roadnetProblems("{\"roads\": [],\n \"intersections\": [\n").get(0);
    assertThat(p.location()).isEqualTo("line 3, column 1");
    assertThat(p.message())
        .isEqualTo("malformed JSON: Unexpected end-of-input: expected close marker for Array"
            + " (start marker at line 2, column 19)");
  }

  @Test
  void cbengineTextFileGivenAsJsonIsNamedForWhatItIs() {
    // the first lines of the bundled Nanchang roadnet_round3.txt: an intersection count, then rows
    InputProblem p = roadnetProblems("2067\n28.6811 115.8892 0 1\n").get(0);
    assertThat(p.location()).isEqualTo("line 2, column 1");
    assertThat(p.message()).contains("as in a CBEngine text file").contains("convert CBEngine files with 'citybrain traffic convert'");
  }

  @Test
  void duplicateKeysTrailingContentAndEmptyFilesAreSyntaxErrors() {
    assertThat(roadnetProblems("{\"roads\": [],\n \"roads\": []}").get(0))
        .satisfies(p -> assertThat(p.location()).isEqualTo("line 2, column 9"))
        .satisfies(p -> assertThat(p.message()).contains("Duplicate field 'roads'"));
    assertThat(roadnetProblems("{\"roads\": [], \"intersections\": []} {}").get(0).message())
        .contains("malformed JSON: Trailing token");
    assertThat(roadnetProblems("  ").get(0))
        .extracting(InputProblem::location, InputProblem::message)
        .containsExactly("line 1, column 1", "the file is empty; expected a JSON document");
  }

  @Test
  void readingAPathNamesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("net.json");
    java.nio.file.Files.writeString(file, "{\"intersections\": [], \"roads\": 1}");
    InputValidationException e =
        catchThrowableOfType(InputValidationException.class, () -> CityFlowRoadnetReader.read(file));
    assertThat(e.problems().get(0).file()).isEqualTo(file.toString());
    assertThatThrownBy(() -> CityFlowRoadnetReader.read(dir.resolve("missing.json")))
        .isInstanceOf(NoSuchFileException.class);
  }
}

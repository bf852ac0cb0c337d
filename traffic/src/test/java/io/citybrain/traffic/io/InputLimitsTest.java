package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import static io.citybrain.traffic.io.TestInputs.at;
import static io.citybrain.traffic.io.TestInputs.flowProblems;
import static io.citybrain.traffic.io.TestInputs.roadnetProblems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers that are finite and of the right sign but absurd ({@link InputLimits}) are reported at
 * their location instead of silently giving infinite roads, negative delays or an exhausted heap.
 */
class InputLimitsTest {
  private static final RoadNetwork C01 = TestInputs.roadnet("cases/C01/roadnet.json");

  @Test
  void roadDrawnToTheEndOfTheDoubleRangeIsReported() {
    ObjectNode roadnet = TestInputs.c01Roadnet();
    ObjectNode point = (ObjectNode) roadnet.at("/roads/0/points/0");
    point.put("x", 1e308);
    point.put("y", -1e308);

    List<InputProblem> problems = roadnetProblems(roadnet);

    assertThat(at(problems, "roads[0].points[0].x").message()).endsWith("points[0].x is 1.0E308; expected at most 100000000 m");
    assertThat(at(problems, "roads[0].points[0].y").message()).endsWith("is -1.0E308; expected at least -100000000 m");
  }

  @ParameterizedTest
  @CsvSource({
    "maxSpeed, 1e308, at most 1000 m/s",
    "maxSpeed, 1e-300, at least 0.1 m/s",
    "width, 1e308, at most 100 m"
  })
  void lanesOutsidePlausibleRangesAreReported(String field, double value, String expected) {
    ObjectNode roadnet = TestInputs.c01Roadnet();
    ((ObjectNode) roadnet.at("/roads/1/lanes/0")).put(field, value);

    assertThat(at(roadnetProblems(roadnet), "roads[1].lanes[0]." + field).message()).endsWith("; expected " + expected);
  }

  @Test
  void declaredRoadLengthIsBounded() {
    ObjectNode roadnet = TestInputs.c01Roadnet();
    ((ObjectNode) roadnet.at("/roads/2")).put("length", 1e308);

    assertThat(at(roadnetProblems(roadnet), "roads[2].length").message()).endsWith("expected at most 10000000 m");
  }

  @ParameterizedTest
  @CsvSource({
    "length, 1e308, at most 100 m",
    "width, 1e308, at most 100 m",
    "maxSpeed, 1e308, at most 100 m/s",
    "maxSpeed, 1e-300, at least 0.1 m/s",
    "maxPosAcc, 1e-300, at least 0.01 m/s^2",
    "usualNegAcc, 1e308, at most 100 m/s^2",
    "minGap, 1e308, at most 100 m",
    "headwayTime, 1e308, at most 60 s"
  })
  void vehiclesOutsidePlausibleRangesAreReported(String field, double value, String expected) {
    ArrayNode flows = (ArrayNode) TestInputs.tree("cases/C01/flow.json");
    ((ObjectNode) flows.at("/1/vehicle")).put(field, value);

    assertThat(at(flowProblems(flows, C01), "flow[1].vehicle." + field).message())
        .startsWith("flow 'flow_1': vehicle." + field + " is ")
        .endsWith("; expected " + expected);
  }

  @Test
  void flowIntervalThatWouldFloodTheHeapIsReported() {
    ArrayNode flows = (ArrayNode) TestInputs.tree("cases/C01/flow.json");
    ((ObjectNode) flows.get(0)).put("interval", 1e-300);

    assertThat(at(flowProblems(flows, C01), "flow[0].interval").message())
        .isEqualTo("flow 'flow_0': interval is 1.0E-300; expected at least 0.1 s");
  }

  @Test
  void cbengineRoadLengthSpeedAndIntervalAreBounded() {
    String roadnet = CBEngineInputs.text("roadnet_1x1.txt");
    List<InputProblem> roadnetProblems =
        CBEngineInputs.roadnetProblems(CBEngineInputs.replaceLine(roadnet, 8, "0 1 1e308 1e-9 3 3 1 2"));
    assertThat(roadnetProblems)
        .extracting(InputProblem::message)
        .containsExactly(
            "length is 1.0E308; expected at most 10000000 m", "speed limit is 1.0E-9; expected at least 0.1 m/s");

    RoadNetwork network = CBEngineInputs.roadnet(roadnet);
    String flows = CBEngineInputs.text("flow_1x1.txt");
    List<InputProblem> flowProblems =
        CBEngineInputs.flowProblems(CBEngineInputs.replaceLine(flows, 2, "0 1800 1e-300"), network);
    assertThat(flowProblems).singleElement().satisfies(p -> assertThat(p.message()).endsWith("expected at least 0.1 s"));
  }

  @Test
  void cbengineFlowCountFarAboveTheLinesIsReportedWithoutAllocatingIt() {
    RoadNetwork network = CBEngineInputs.roadnet(CBEngineInputs.text("roadnet_1x1.txt"));
    String flows = CBEngineInputs.replaceLine(CBEngineInputs.text("flow_1x1.txt"), 1, "2000000000");

    assertThat(CBEngineInputs.flowProblems(flows, network))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("after 12 of the 2000000000 flows"));
  }
}

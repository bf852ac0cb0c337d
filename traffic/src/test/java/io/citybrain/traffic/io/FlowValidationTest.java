package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static io.citybrain.traffic.io.TestInputs.at;
import static io.citybrain.traffic.io.TestInputs.flowProblems;
import static io.citybrain.traffic.io.TestInputs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flow file checks, starting from C01's valid flow file (flow_0 W_C→C_E, flow_1 E_C→C_S, flow_2
 * S_C→C_W) on C01's roadnet, breaking one thing per test.
 */
class FlowValidationTest {
  private static final RoadNetwork C01 = TestInputs.roadnet("cases/C01/roadnet.json");
  private final ArrayNode flows = (ArrayNode) TestInputs.tree("cases/C01/flow.json");

  private ObjectNode node(String pointer) {
    return (ObjectNode) flows.at(pointer);
  }

  private Demand read() throws Exception {
    return CityFlowFlowReader.read(TestInputs.stream(json(flows)), "ok.json", C01);
  }

  @Test
  void c01FlowsLoadWithDefaultsAndIds() throws Exception {
    Demand demand = TestInputs.flows("cases/C01/flow.json", C01);
    assertThat(demand.flows())
        .extracting(Flow::id, Flow::route, Flow::intervalSeconds, Flow::startTimeSeconds, Flow::endTimeSeconds, Flow::emergency)
        .containsExactly(
            tuple("flow_0", List.of("W_C", "C_E"), 10.0, 0.0, 300.0, false),
            tuple("flow_1", List.of("E_C", "C_S"), 20.0, 0.0, 300.0, false),
            tuple("flow_2", List.of("S_C", "C_W"), 20.0, 0.0, 300.0, false));
    assertThat(demand.flows().get(0).vehicle()).isEqualTo(new VehicleType(5, 2, 2, 4.5, 2, 4.5, 2.5, 10, 1.5));

    node("/0").remove("startTime");
    node("/0").remove("endTime");
    Flow first = read().flows().get(0);
    assertThat(first.startTimeSeconds()).isZero();
    assertThat(first.endTimeSeconds()).isEqualTo(-1);
  }

  @Test
  void rootMustBeAnArray() {
    InputProblem p = at(flowProblems("{\"flows\": []}", C01), "flow");
    assertThat(p.message()).isEqualTo("the flow file is an object; expected an array of flow objects");
  }

  @Test
  void missingAndWronglyTypedVehicleFieldsAreReported() {
    node("/1/vehicle").remove("minGap");
    node("/2/vehicle").put("length", "5m");
    node("/0").remove("vehicle");
    List<InputProblem> problems = flowProblems(flows, C01);
    assertThat(problems).hasSize(3);
    assertThat(at(problems, "flow[0].vehicle").message()).isEqualTo(
        "flow 'flow_0': vehicle is missing; expected an object with the vehicle's parameters");
    assertThat(at(problems, "flow[1].vehicle.minGap").message())
        .isEqualTo("flow 'flow_1': vehicle.minGap is missing; expected a finite number >= 0");
    assertThat(at(problems, "flow[2].vehicle.length").message())
        .isEqualTo("flow 'flow_2': vehicle.length is the string \"5m\"; expected a finite number > 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"length", "width", "maxPosAcc", "maxNegAcc", "usualPosAcc", "usualNegAcc", "maxSpeed"})
  void vehicleParametersMustBePositive(String field) {
    node("/1/vehicle").put(field, 0);
    node("/2/vehicle").put(field, -1.5);
    List<InputProblem> problems = flowProblems(flows, C01);
    assertThat(problems).hasSize(2);
    assertThat(at(problems, "flow[1].vehicle." + field).message())
        .isEqualTo("flow 'flow_1': vehicle." + field + " is 0; expected a finite number > 0");
    assertThat(at(problems, "flow[2].vehicle." + field).message()).contains("is -1.5; expected a finite number > 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"minGap", "headwayTime"})
  void minGapAndHeadwayMayBeZeroButNotNegative(String field) throws Exception {
    node("/0/vehicle").put(field, 0);
    assertThat(read().flows()).hasSize(3);
    node("/0/vehicle").put(field, -0.5);
    assertThat(at(flowProblems(flows, C01), "flow[0].vehicle." + field).message())
        .isEqualTo("flow 'flow_0': vehicle." + field + " is -0.5; expected a finite number >= 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "1e999"})
  void nonFiniteNumbersAreReported(String literal) {
    node("/2/vehicle").put("maxSpeed", 123456.5);
    String text = json(flows).replace("123456.5", literal);
    assertThat(at(flowProblems(text, C01), "flow[2].vehicle.maxSpeed").message())
        .startsWith("flow 'flow_2': vehicle.maxSpeed is ")
        .endsWith("; expected a finite number > 0");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -10})
  void intervalMustBePositive(double interval) {
    node("/1").put("interval", interval);
    assertThat(at(flowProblems(flows, C01), "flow[1].interval").message())
        .isEqualTo("flow 'flow_1': interval is " + interval + "; expected a finite number > 0");
  }

  @Test
  void intervalIsRequired() {
    node("/1").remove("interval");
    assertThat(at(flowProblems(flows, C01), "flow[1].interval").message()).contains("interval is missing");
  }

  @Test
  void startTimeAfterEndTimeIsReported() {
    node("/2").put("startTime", 400);
    assertThat(at(flowProblems(flows, C01), "flow[2].endTime").message())
        .isEqualTo("flow 'flow_2': endTime 300 is before startTime 400; expected endTime >= startTime, or -1 for no end");
  }

  @Test
  void noEndTimeAllowsAnyStartTimeButOtherNegativeTimesAreReported() throws Exception {
    node("/2").put("startTime", 400);
    node("/2").put("endTime", -1);
    assertThat(read().flows().get(2).endTimeSeconds()).isEqualTo(-1);
    node("/2").put("endTime", -5);
    node("/1").put("startTime", -1);
    List<InputProblem> problems = flowProblems(flows, C01);
    assertThat(at(problems, "flow[2].endTime").message()).endsWith("expected -1 (no end) or a finite number >= 0");
    assertThat(at(problems, "flow[1].startTime").message()).endsWith("startTime is -1; expected a finite number >= 0");
  }

  @Test
  void routeMustBeANonEmptyListOfStrings() {
    node("/0").putArray("route");
    node("/1").put("route", "E_C C_S");
    ((ArrayNode) flows.at("/2/route")).add(3);
    List<InputProblem> problems = flowProblems(flows, C01);
    assertThat(problems).hasSize(3);
    assertThat(at(problems, "flow[0].route").message()).isEqualTo("flow 'flow_0': route is empty; expected at least one road id");
    assertThat(at(problems, "flow[1].route").message()).contains("route is the string \"E_C C_S\"; expected a non-empty array");
    assertThat(at(problems, "flow[2].route[2]").message()).isEqualTo("flow 'flow_2': route[2] is 3; expected a string");
  }

  @Test
  void routeNamingAnUnknownRoadIsReportedAtItsIndex() {
    ArrayNode route = (ArrayNode) flows.at("/2/route");
    route.add("C_E").add("E_C").add("nowhere");
    InputProblem p = at(flowProblems(flows, C01), "flow[2].route[4]");
    assertThat(p.message()).isEqualTo("flow 'flow_2': route[4] 'nowhere' is not a road of the roadnet; expected a road id");
  }

  @Test
  void consecutiveRoadsWithoutAnyPathAreReportedAtTheLaterIndex() {
    ((ArrayNode) flows.at("/0/route")).set(1, "C_W");
    List<InputProblem> problems = flowProblems(flows, C01);
    assertThat(problems).hasSize(1);
    assertThat(at(problems, "flow[0].route[1]").message())
        .isEqualTo(
            "flow 'flow_0': no path leads from road 'W_C' (route[0]) to road 'C_W' (route[1]); expected consecutive"
                + " route roads to be joined by road links, directly or through other roads");
  }

  @Test
  void anchorsJoinedThroughOtherRoadsAreValid() throws Exception {
    RoadNetwork jinan = TestInputs.roadnet(TestInputs.bundled("jinan_3_4/roadnet_3_4.json"));
    String flow =
        "[{\"vehicle\": {\"length\": 5, \"width\": 2, \"maxPosAcc\": 2, \"maxNegAcc\": 4.5, \"usualPosAcc\": 2,"
            + " \"usualNegAcc\": 4.5, \"minGap\": 2.5, \"maxSpeed\": 11.111, \"headwayTime\": 2},"
            + " \"route\": [\"road_0_1_0\", \"road_3_1_0\"], \"interval\": 5}]";
    Demand demand = CityFlowFlowReader.read(TestInputs.stream(flow), "gap.json", jinan);
    assertThat(demand.flows().get(0).route()).containsExactly("road_0_1_0", "road_3_1_0");
  }

  @Test
  void singleRoadRouteIsValid() throws Exception {
    ((ArrayNode) flows.at("/0/route")).remove(1);
    assertThat(read().flows().get(0).route()).containsExactly("W_C");
  }

  @Test
  void emergencyFlagIsReadAndMustBeBoolean() throws Exception {
    node("/1").put("emergency", true);
    assertThat(read().flows()).extracting(Flow::emergency).containsExactly(false, true, false);
    node("/1").put("emergency", "yes");
    assertThat(at(flowProblems(flows, C01), "flow[1].emergency").message())
        .isEqualTo("flow 'flow_1': emergency is the string \"yes\"; expected true or false");
  }

  @Test
  void aFlowThatIsNotAnObjectIsReported() {
    flows.insert(1, "W_C");
    assertThat(at(flowProblems(flows, C01), "flow[1]").message())
        .startsWith("flow 'flow_1': the flow is the string \"W_C\"; expected a flow object");
  }

  @Test
  void aFileWithSeveralProblemsReportsAllOfThem() throws Exception {
    InputValidationException e;
    try (InputStream in = TestInputs.resource("io/flow_several_problems.json")) {
      e = catchThrowableOfType(InputValidationException.class, () -> CityFlowFlowReader.read(in, "several.json", C01));
    }
    assertThat(e).isNotNull();
    assertThat(e.problems())
        .extracting(InputProblem::file, InputProblem::location)
        .containsExactly(
            tuple("several.json", "flow[0].vehicle.maxSpeed"),
            tuple("several.json", "flow[1].route[1]"),
            tuple("several.json", "flow[1].interval"),
            tuple("several.json", "flow[2].endTime"));
  }

  @Test
  void malformedJsonReportsLineAndColumn() {
    List<InputProblem> problems = flowProblems("[\n  {\"route\": [\"W_C\" \"C_E\"]}\n]", C01);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("line 2, column 20");
      assertThat(p.message()).startsWith("malformed JSON: Unexpected character");
    });
  }
}

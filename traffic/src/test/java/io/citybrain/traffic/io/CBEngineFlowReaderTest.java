package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import static io.citybrain.traffic.io.CBEngineInputs.flowProblems;
import static io.citybrain.traffic.io.CBEngineInputs.flows;
import static io.citybrain.traffic.io.CBEngineInputs.replaceLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CBEngine flow reader on the 1×1 example's flows ({@code flow_1x1.txt}: line 1 the count 12,
 * then per flow {@code start end interval}, the route length, the route; flow 0 on lines 2–4 is
 * {@code 0 1800 40 / 2 / 2 3}) and on one edit of it per class of mistake.
 */
class CBEngineFlowReaderTest {
  private static final RoadNetwork NETWORK = CBEngineInputs.roadnet(CBEngineInputs.text("roadnet_1x1.txt"));
  private static final String EXAMPLE = CBEngineInputs.text("flow_1x1.txt");

  @Test
  void exampleFlowsGetCityFlowSemanticsAndTheDocumentedVehicle() {
    Demand demand = flows(EXAMPLE, NETWORK);

    assertThat(demand.flows()).hasSize(12);
    Flow first = demand.flows().get(0);
    assertThat(first).isEqualTo(new Flow("flow_0", CBEngineFlowReader.VEHICLE, List.of("2", "3"), 40, 0, 1800));
    assertThat(demand.flows().get(11).id()).isEqualTo("flow_11");
    assertThat(demand.flows().get(11).route()).containsExactly("8", "5");
    assertThat(CBEngineFlowReader.VEHICLE).isEqualTo(new VehicleType(5, 2, 2, 4.5, 2, 4.5, 2.5, 22.22, 2));
  }

  @Test
  void theDocumentationsAnnotatedFormIsRead() {
    String annotated =
        "2 // n = 2\n0 100 5 // start_time, end_time, vehicle_interval\n2 // number of road segments\n"
            + "2\t3 // road segment IDs\n\n0 100 5\n2\n002 5\n";
    Demand demand = flows(annotated, NETWORK);

    assertThat(demand.flows()).extracting(Flow::route).containsExactly(List.of("2", "3"), List.of("2", "5"));
  }

  /** Line, replacement, the line a problem is reported on, and a part of its message. */
  @ParameterizedTest(name = "line {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | 100 50 40 | 2 | flow 0 (flow_0): start time 100 is after end time 50; expected start <= end",
        "2 | 0 1800 0 | 2 | flow 0 (flow_0): interval is 0; expected a time in s > 0",
        "2 | 0 1800 -5 | 2 | flow 0 (flow_0): interval is -5; expected a time in s > 0",
        "2 | 0 1800 often | 2 | flow 0 (flow_0): interval is 'often'; expected a finite decimal number",
        "2 | -1 1800 40 | 2 | flow 0 (flow_0): start time is -1; expected a time in s >= 0",
        "2 | 0 1800 | 2 | has 2 fields ('0 1800'); expected 3: flow 0 (flow_0): start time, end time, interval (s)",
        "3 | 3 | 4 | flow 0 (flow_0): the route has 2 roads but the line before announces 3; expected 3 road ids",
        "3 | two | 3 | flow 0 (flow_0): the number of roads in the route is 'two'; expected an integer",
        "3 | 0 | 3 | flow 0 (flow_0): the number of roads in the route is 0; expected at least 1",
        "4 | 2 33 | 4 | flow 0 (flow_0): route road 2 is 33, which is not a road of the roadnet; expected a road id",
        "4 | 2 x | 4 | flow 0 (flow_0): route road 2 is 'x'; expected an id (an integer >= 0)",
        "4 | 2 4 | 4 | route road 1 (2) does not lead to route road 2 (4): road 2 ends at intersection 0 but road 4 starts at intersection 2",
        "4 | 2 1 | 4 | route road 1 (2) does not lead to route road 2 (1): that is a U-turn back to intersection 1",
        "1 | 13 | 37 | the file ends after 12 of the 13 flows its count announces; expected 13 flows of 3 lines each",
        "1 | 11 | 35 | unexpected content after the 11 flows the count on the first line announces",
        "1 | 12 flows | 1 | has 2 fields ('12 flows'); expected 1: the number of flows",
      })
  void eachMistakeIsReportedAtItsLine(int line, String replacement, int reportedLine, String message) {
    List<InputProblem> problems = flowProblems(replaceLine(EXAMPLE, line, replacement), NETWORK);

    assertThat(problems).as(problems.toString()).hasSize(1);
    assertThat(problems.get(0).location()).isEqualTo("line " + reportedLine);
    assertThat(problems.get(0).message()).contains(message);
  }

  @Test
  void aMovementNoLaneMayMakeLeavesTheRoadsUnjoined() {
    // road 2's lanes may only go straight: its left turn onto road 3 does not exist
    RoadNetwork noLeft =
        CBEngineInputs.roadnet(replaceLine(CBEngineInputs.text("roadnet_1x1.txt"), 10, "0 1 0 0 1 0 0 1 0"));
    List<InputProblem> problems = flowProblems(EXAMPLE, noLeft);

    assertThat(problems).extracting(InputProblem::location).contains("line 4", "line 10");
    assertThat(problems.get(0).message())
        .contains("route road 1 (2) does not lead to route road 2 (3): no lane of road 2 may make that movement at"
            + " intersection 0");
  }

  @Test
  void everyProblemIsReportedTogetherInFileOrder() {
    String text = replaceLine(replaceLine(replaceLine(EXAMPLE, 2, "5 1 40"), 7, "2 99"), 29, "0 1800 0");
    List<InputProblem> problems = flowProblems(text, NETWORK);

    assertThat(problems).extracting(InputProblem::location).containsExactly("line 2", "line 7", "line 29");
    assertThat(problems.get(1).format()).isEqualTo(
        "bad_flow.txt: line 7: flow 1 (flow_1): route road 2 is 99, which is not a road of the roadnet; expected a road id");
  }
}

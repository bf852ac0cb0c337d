package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.citybrain.traffic.CaseFiles;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flow whose route cannot be driven is skipped and the rest runs: case C01 (a single signalised
 * cross; flow 0 W_C→C_E every 10 s, flows 1 and 2 every 20 s, all from 0 to 300 s) with flow 0
 * turned into a U-turn W_C→C_W, which C does not allow.
 */
class UnroutableFlowsTest {
  private static Scenario uTurnScenario() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode flows = (ArrayNode) json.readTree(Files.readAllBytes(CaseFiles.path("C01", "flow.json")));
    ((ArrayNode) flows.get(0).get("route")).set(1, "C_W");
    return ScenarioLoader.fromBytes(
        "C01-uturn",
        Files.readAllBytes(CaseFiles.path("C01", "roadnet.json")),
        "roadnet.json",
        json.writeValueAsBytes(flows),
        "uturn.json");
  }

  @Test
  void theUnroutableFlowCreatesNothingAndTheOthersRunAsWithoutIt() throws Exception {
    Scenario s = uTurnScenario();

    assertThat(s.unroutable()).hasSize(1);
    assertThat(s.unroutable().get(0).flowId()).isEqualTo("flow_0");
    // 600 s: every vehicle of C01 has finished (its expected.md)
    RunSummary r =
        TrafficRunner.run(s, "fixed-time", Map.of(), SimulationConfig.defaults(), 600, RunListener.NONE).summary();
    // flows 1 and 2: one vehicle at 0, 20, ..., 300 s each; flow 0 would have made 31 (0, 10, ..., 300 s)
    assertThat(r.vehiclesSpawned()).isEqualTo(32);
    assertThat(r.flowsSkippedUnroutable()).isEqualTo(1);
    assertThat(r.vehiclesSkippedUnroutable()).isEqualTo(31);
    assertThat(r.vehiclesFinished()).isEqualTo(32);

    RunSummary whole =
        TrafficRunner.run(CaseFiles.scenario("C01"), "fixed-time", Map.of(), SimulationConfig.defaults(), 600, RunListener.NONE)
            .summary();
    assertThat(whole.vehiclesSpawned()).isEqualTo(63);
    assertThat(whole.flowsSkippedUnroutable()).isZero();
    assertThat(whole.vehiclesSkippedUnroutable()).isZero();
  }

  @Test
  void strictLoadingRefusesTheFileNamingTheFlowAndTheRoadPair() throws Exception {
    InputValidationException e = catchThrowableOfType(InputValidationException.class, () -> uTurnScenario().requireRoutable());

    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    InputProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo("uturn.json");
    assertThat(p.location()).isEqualTo("flow[0].route");
    assertThat(p.message()).startsWith("flow_0 cannot drive from road W_C to road C_W: ");
    assertThat(CaseFiles.scenario("C01").requireRoutable().unroutable()).isEmpty();
  }
}

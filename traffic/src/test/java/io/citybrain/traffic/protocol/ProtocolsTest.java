package io.citybrain.traffic.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.control.SignalTiming;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolsTest {

  @Test
  void bundledProtocolsAreFoundByName() {
    assertThat(Protocols.names()).contains("cityflow", "xlight15", "resco");
    Protocol x = Protocols.require("xlight15");
    assertThat(x.laneChange()).isTrue();
    assertThat(x.phases()).containsExactly(1, 2, 3, 4);
    assertThat(x.initialPhase()).isEqualTo(1);
    assertThat(x.timing()).contains(new SignalTiming(10, 5, 15));
    assertThat(x.steps()).isEqualTo(3600);
    assertThat(x.metrics()).first().isEqualTo(Protocol.INTERSECTION_TRAVEL_TIME);
    assertThat(x.parametersFor("fixed-time")).containsEntry("greenSeconds", 15.0);
    Protocol c = Protocols.require("cityflow");
    assertThat(c.laneChange()).isFalse();
    assertThat(c.phases()).isEmpty();
    assertThat(c.timing()).isEmpty();
    assertThat(c.initialPhase()).isEqualTo(-1);
  }

  @Test
  void everyProtocolParameterIsDeclaredByItsController() {
    for (String name : Protocols.names()) {
      Protocol p = Protocols.require(name);
      p.controllerParameters()
          .forEach(
              (controller, values) ->
                  SignalControllers.require(controller).resolve(values));
    }
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Protocols.require("xlight10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown protocol 'xlight10'")
        .hasMessageContaining("cityflow, xlight15");
  }

  @Test
  void aBadFileNamesEveryFieldAndWhatWasExpected() {
    String json =
        "{\"name\": \"p\", \"description\": \"d\", \"source\": \"s\", \"steps\": 0, \"intervalSeconds\": 1,"
            + " \"seed\": 0, \"laneChange\": \"yes\", \"phases\": [1, -2], \"metrics\": [\"speed\"],"
            + " \"timing\": {\"minGreenSeconds\": 5, \"yellowSeconds\": 5}, \"colour\": 1}";
    InputValidationException e = parse(json);
    List<String> where = e.problems().stream().map(InputProblem::location).toList();
    assertThat(where)
        .containsExactlyInAnyOrder(
            "colour", "steps", "laneChange", "phases[1]", "metrics[0]", "timing.decisionIntervalSeconds");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("my-protocol.json"));
    assertThat(e.problems().stream().filter(p -> p.location().equals("steps")).findFirst().orElseThrow().message())
        .isEqualTo("is 0; expected an integer in [1, 10000000]");
  }

  @Test
  void notJsonIsOneProblem() {
    InputValidationException e = parse("{\"name\": ");
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message()).startsWith("not valid JSON");
  }

  private static InputValidationException parse(String json) {
    try {
      Protocols.parse(json.getBytes(StandardCharsets.UTF_8), "my-protocol.json");
    } catch (InputValidationException e) {
      return e;
    }
    throw new AssertionError("expected problems");
  }
}

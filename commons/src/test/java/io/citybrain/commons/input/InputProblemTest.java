package io.citybrain.commons.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One problem type for every format: how each kind of location reads, and its JSON form. */
class InputProblemTest {

  @Test
  void eachLocationKindReadsAsItsFormatNamesIt() {
    assertThat(InputProblem.atJsonPath("flow.json", "flow[12].route[3]", "road 'x' is unknown; expected a road id").format())
        .isEqualTo("flow.json: flow[12].route[3]: road 'x' is unknown; expected a road id");
    assertThat(InputProblem.atLine("roadnet.txt", 4, 7, "is \"a\"; expected a number").format())
        .isEqualTo("roadnet.txt: line 4, column 7: is \"a\"; expected a number");
    assertThat(InputProblem.atLine("roadnet.txt", 4, 0, "has 3 fields; expected 8").format())
        .isEqualTo("roadnet.txt: line 4: has 3 fields; expected 8");
    assertThat(InputProblem.atCell("case5.m", "mpc.branch", 3, 2, "T_BUS", 40, "is 99; expected a bus number").format())
        .isEqualTo("case5.m: mpc.branch row 3, column 2 (T_BUS), line 40: is 99; expected a bus number");
    assertThat(InputProblem.atCell("case5.m", "mpc.gencost", 0, 0, "", 51, "has 4 rows; expected 5").format())
        .isEqualTo("case5.m: mpc.gencost, line 51: has 4 rows; expected 5");
    assertThat(InputProblem.atCell("case5.m", "", 0, 0, "", 0, "no mpc.bus").format()).isEqualTo("case5.m: no mpc.bus");
    assertThat(InputProblem.inWhole("/dev/zero", "is not a regular file").format())
        .isEqualTo("/dev/zero: is not a regular file");
  }

  @Test
  void jsonCarriesTheLocationInWordsAndStructured() {
    JsonNode json =
        new ObjectMapper().valueToTree(InputProblem.atCell("case5.m", "mpc.branch", 3, 2, "T_BUS", 40, "is 99"));

    assertThat(json.get("file").asText()).isEqualTo("case5.m");
    assertThat(json.get("location").asText()).isEqualTo("mpc.branch row 3, column 2 (T_BUS), line 40");
    assertThat(json.get("message").asText()).isEqualTo("is 99");
    assertThat(json.at("/where/kind").asText()).isEqualTo("matrix_cell");
    assertThat(json.at("/where/columnName").asText()).isEqualTo("T_BUS");
    assertThat(json.at("/where/row").asInt()).isEqualTo(3);
  }

  @Test
  void anExceptionNeedsAProblemAndListsThemAll() {
    assertThatThrownBy(() -> new InputValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    InputValidationException e = new InputValidationException(List.of(
        InputProblem.atJsonPath("a.json", "x", "is 1; expected 2"), InputProblem.atJsonPath("a.json", "y", "is 3; expected 4")));

    assertThat(e.getMessage()).isEqualTo("2 problems in input:\n  a.json: x: is 1; expected 2\n  a.json: y: is 3; expected 4");
  }
}

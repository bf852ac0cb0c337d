package io.citybrain.grid.io;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.commons.input.InputLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every class of malformed case file gives an error naming file, matrix, row and column. */
class MalformedCaseTest {
  static final String GOOD = """
      function mpc = small
      mpc.version = '2';
      mpc.baseMVA = 100;
      %% bus data
      mpc.bus = [
        1 3 0  0 0 0 1 1 0 230 1 1.1 0.9;
        2 1 60 0 0 0 1 1 0 230 1 1.1 0.9;
        3 1 40 0 0 0 1 1 0 230 1 1.1 0.9;
      ];
      mpc.gen = [
        1 0 0 100 -100 1 100 1 200 0;
        3 0 0 100 -100 1 100 1 100 0;
      ];
      mpc.branch = [
        1 2 0 0.1 0 0 0 0 0 0 1 -360 360;
        1 3 0 0.1 0 0 0 0 0 0 1 -360 360;
        2 3 0 0.1 0 0 0 0 0 0 1 -360 360;
      ];
      mpc.gencost = [
        2 0 0 3 0.01 10 0;
        2 0 0 3 0.02 8 0;
      ];
      """;

  @Test
  void theTemplateIsValid() throws Exception {
    assertThat(MatpowerReader.read("small.m", GOOD).buses()).hasSize(3);
  }

  /** name, edit, matrix, row, column, message fragment. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("missing matrix", edit("mpc.gen = [", "mpc.generators = ["), "mpc.gen", 0, 0,
            "missing matrix mpc.gen"),
        Arguments.of("wrong column count", edit("2 1 60 0 0 0 1 1 0 230 1 1.1 0.9;", "2 1 60 0 0 0 1 1 0 230 1 1.1;"),
            "mpc.bus", 2, 0, "row has 12 columns, but row 1 has 13"),
        Arguments.of("too few columns", edit("1 2 0 0.1 0 0 0 0 0 0 1 -360 360;\n  1 3 0 0.1 0 0 0 0 0 0 1 -360 360;\n"
            + "  2 3 0 0.1 0 0 0 0 0 0 1 -360 360;", "1 2 0 0.1 0 0 0 0 0 0;\n  1 3 0 0.1 0 0 0 0 0 0;\n"
            + "  2 3 0 0.1 0 0 0 0 0 0;"), "mpc.branch", 1, 0, "has 10 columns, needs at least 11"),
        Arguments.of("non-numeric value", edit("1 3 0 0.1 0 0", "1 3 0 abc 0 0"), "mpc.branch", 2, 4,
            "non-numeric value 'abc'"),
        Arguments.of("unknown bus in branch", edit("2 3 0 0.1", "2 99 0 0.1"), "mpc.branch", 3, 2,
            "bus 99 is not defined in mpc.bus"),
        Arguments.of("unknown bus in gen", edit("3 0 0 100 -100 1 100 1 100 0;", "42 0 0 100 -100 1 100 1 100 0;"),
            "mpc.gen", 2, 1, "bus 42 is not defined in mpc.bus"),
        Arguments.of("bad gencost model", edit("2 0 0 3 0.02 8 0;", "3 0 0 3 0.02 8 0;"), "mpc.gencost", 2, 1,
            "cost model 3 is not 1 (piecewise linear) or 2 (polynomial)"),
        Arguments.of("NCOST larger than the row", edit("2 0 0 3 0.02 8 0;", "2 0 0 4 0.02 8 0;"), "mpc.gencost", 2,
            4, "NCOST 4 needs 4 coefficients in columns 5..8, but the row has only 7 columns"),
        Arguments.of("NCOST zero", edit("2 0 0 3 0.01 10 0;", "2 0 0 0 0.01 10 0;"), "mpc.gencost", 1, 4,
            "NCOST 0 must be at least 1"),
        Arguments.of("piecewise-linear points not increasing", edit("2 0 0 3 0.01 10 0;", "1 0 0 2 50 1 40 2 0;")
            .then(edit("2 0 0 3 0.02 8 0;", "2 0 0 3 0.02 8 0 0 0;")), "mpc.gencost", 1, 7,
            "x2 = 40.0 MW must exceed x1 = 50.0"),
        Arguments.of("gencost row count", edit("2 0 0 3 0.02 8 0;\n", ""), "mpc.gencost", 0, 0,
            "mpc.gencost has 1 rows; expected one per generator (2)"),
        Arguments.of("duplicate bus number", edit("3 1 40", "2 1 40"), "mpc.bus", 3, 1, "duplicate bus number 2"),
        Arguments.of("bad bus type", edit("3 1 40", "3 7 40"), "mpc.bus", 3, 2, "bus type 7 is not one of 1 (PQ)"),
        Arguments.of("missing baseMVA", edit("mpc.baseMVA = 100;", ""), "mpc.baseMVA", 0, 0, "missing mpc.baseMVA"),
        Arguments.of("unsupported version", edit("mpc.version = '2';", "mpc.version = '1';"), "mpc.version", 0, 0,
            "version '1' is not supported"),
        Arguments.of("unclosed matrix", edit("];\nmpc.gencost", "mpc.gencost"), "mpc.branch", 0, 0,
            "matrix not closed with ']' before the assignment to mpc.gencost on line 18"),
        Arguments.of("zero reactance", edit("1 2 0 0.1", "1 2 0 0"), "mpc.branch", 1, 4, "reactance BR_X is 0"),
        Arguments.of("PMIN above PMAX", edit("3 0 0 100 -100 1 100 1 100 0;", "3 0 0 100 -100 1 100 1 100 150;"),
            "mpc.gen", 2, 10, "PMIN 150.0 MW is above PMAX 100.0 MW"));
  }

  static Edit edit(String from, String to) {
    return text -> {
      if (!text.contains(from)) {
        throw new IllegalArgumentException("template lacks " + from);
      }
      return text.replace(from, to);
    };
  }

  interface Edit extends UnaryOperator<String> {
    default Edit then(Edit next) {
      return text -> next.apply(apply(text));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFileNamesWhereAndWhat(String name, Edit edit, String matrix, int row, int column, String message) {
    String text = edit.apply(GOOD);
    assertThatThrownBy(() -> MatpowerReader.read("small.m", text))
        .isInstanceOf(InputValidationException.class)
        .satisfies(e -> {
          InputValidationException ex = (InputValidationException) e;
          assertThat(ex.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("small.m");
            InputLocation.MatrixCell cell = (InputLocation.MatrixCell) p.where();
            assertThat(cell.matrix()).isEqualTo(matrix);
            assertThat(cell.row()).isEqualTo(row);
            assertThat(cell.column()).isEqualTo(column);
            assertThat(p.message()).contains(message);
            assertThat(p.format()).startsWith("small.m: " + matrix);
          });
        });
  }

  @Test
  void allProblemsAreReportedTogetherWithColumnNamesAndLines() {
    String text = edit("2 3 0 0.1", "2 99 0 0.1").then(edit("3 0 0 100 -100", "42 0 0 100 -100")).apply(GOOD);
    assertThatThrownBy(() -> MatpowerReader.read("small.m", text))
        .isInstanceOf(InputValidationException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining("small.m: mpc.gen row 2, column 1 (GEN_BUS), line 12: bus 42 is not defined in mpc.bus")
        .hasMessageContaining("small.m: mpc.branch row 3, column 2 (T_BUS), line 17: bus 99 is not defined");
  }
}

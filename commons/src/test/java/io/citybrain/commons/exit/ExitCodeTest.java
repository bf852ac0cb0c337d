package io.citybrain.commons.exit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The exit codes scripts rely on are fixed numbers, distinct, and all in the help legend. */
class ExitCodeTest {

  @Test
  void codesAreTheDocumentedNumbers() {
    assertThat(ExitCode.OK.code()).isZero();
    assertThat(ExitCode.INTERNAL_ERROR.code()).isEqualTo(1);
    assertThat(ExitCode.BAD_INPUT.code()).isEqualTo(2);
    assertThat(ExitCode.VERIFICATION_FAILED.code()).isEqualTo(3);
    assertThat(ExitCode.NO_SOLUTION.code()).isEqualTo(4);
    assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code).distinct().count())
        .isEqualTo(ExitCode.values().length);
  }

  @Test
  void legendNamesEveryCode() {
    assertThat(ExitCode.legend())
        .startsWith("Exit codes: 0 success, 1 internal error")
        .contains("2 invalid input")
        .contains("4 the input is valid but has no solution");
  }
}

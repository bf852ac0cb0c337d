package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's exit codes are the same for traffic and grid: 2 with the same problem report for a
 * malformed input of either domain, 4 (not 1, "internal error") for a valid grid case that has no
 * feasible dispatch, and the legend in the top-level help.
 */
class ExitCodesIT {
  @TempDir Path dir;

  private static final String TINY = """
      function mpc = tiny
      mpc.version = '2';
      mpc.baseMVA = 100;
      mpc.bus = [ 1 3 0 0 0 0 1 1 0 230 1 1.1 0.9; 2 1 LOAD 0 0 0 1 1 0 230 1 1.1 0.9 ];
      mpc.gen = [ 1 0 0 10 -10 1 100 1 100 0 ];
      mpc.branch = [ 1 2 0 0.1 0 40 0 0 0 0 1 -360 360 ];
      mpc.gencost = [ 2 0 0 2 20 0 ];
      """;

  @Test
  void infeasibleGridCaseExitsWithNoSolution() throws IOException {
    Path file = Files.writeString(dir.resolve("tiny.m"), TINY.replace("LOAD", "500")); // 500 MW, 100 MW of generation

    Result r = CitybrainJar.runQuick(dir, "grid", "dispatch", file.toString());

    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(4);
    assertThat(r.stderr()).contains("no feasible dispatch").doesNotContain("internal error").doesNotContain("Exception");
  }

  @Test
  void malformedGridAndTrafficInputsGetTheSameReportAndCode() throws IOException {
    Path badCase = Files.writeString(dir.resolve("bad.m"), TINY.replace("LOAD", "50").replace("[ 1 2 0 0.1", "[ 1 7 0 0.1"));
    Path badRoadnet = Files.writeString(dir.resolve("bad.roadnet.json"), "{\"intersections\": [}");
    Path flow = Files.writeString(dir.resolve("flow.json"), "[]");

    Result grid = CitybrainJar.runQuick(dir, "grid", "dispatch", badCase.toString());
    Result traffic = CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", badRoadnet.toString(), "--flow", flow.toString());

    assertThat(grid.exitCode()).as(grid.stderr()).isEqualTo(2);
    assertThat(traffic.exitCode()).as(traffic.stderr()).isEqualTo(2);
    assertThat(grid.stderr())
        .startsWith("error: invalid input (1 problem):\n  bad.m: mpc.branch row 1, column 2 (T_BUS), line 6: bus 7 is not defined");
    assertThat(traffic.stderr()).startsWith("error: invalid input (1 problem):\n").contains("bad.roadnet.json: line 1, column ");
  }

  @Test
  void helpListsEveryExitCode() {
    Result r = CitybrainJar.runQuick(dir, "--help");

    assertThat(r.stdout()).contains("Exit codes:\n  0  success\n  1  internal error").contains("  2  invalid input")
        .contains("  3  verification failed").contains("  4  the input is valid but has no solution");
  }
}

package io.citybrain.cli.grid;

import io.citybrain.commons.exit.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GridCommandTest {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the real command line, with the error handling every command shares
    CommandLine cmd = io.citybrain.cli.Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    String[] withGrid = new String[args.length + 1];
    withGrid[0] = "grid";
    System.arraycopy(args, 0, withGrid, 1, args.length);
    int code = cmd.execute(withGrid);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void dispatchOfABundledCasePrintsTheSummaryAndWritesJsonAndCsv(@TempDir Path dir) throws Exception {
    Run r = run("dispatch", "case5", "--out", dir.toString());
    System.out.print(r.out());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("DC-OPF cost").contains("17479.896925 $/h").contains("saving vs naive")
        .contains("18.24 %").contains("LMP range").contains("10.0000 .. 39.9427").contains("most loaded branches");
    assertThat(dir.resolve("case5-dispatch.json")).exists();
    assertThat(Files.readString(dir.resolve("case5-dispatch.json"))).contains("\"lmpPerMwh\"")
        .contains("\"savingPercent\"");
    assertThat(Files.readAllLines(dir.resolve("case5-branches.csv"))).hasSize(7)
        .first().asString().startsWith("index,from_bus,to_bus");
    assertThat(dir.resolve("case5-generators.csv")).exists();
    assertThat(dir.resolve("case5-buses.csv")).exists();
  }

  @Test
  void dispatchOfAFilePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tiny.m");
    Files.writeString(file, """
        function mpc = tiny
        mpc.version = '2';
        mpc.baseMVA = 100;
        mpc.bus = [ 1 3 0 0 0 0 1 1 0 230 1 1.1 0.9; 2 1 50 0 0 0 1 1 0 230 1 1.1 0.9 ];
        mpc.gen = [ 1 0 0 10 -10 1 100 1 100 0 ];
        mpc.branch = [ 1 2 0 0.1 0 40 0 0 0 0 1 -360 360 ];
        mpc.gencost = [ 2 0 0 2 20 0 ];
        """);
    Run r = run("dispatch", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.NO_SOLUTION.code());
    assertThat(r.out()).contains("DC-OPF failed: infeasible");
  }

  @Test
  void badFileGivesOneClearMessageExitCode2AndNoStackTrace(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.m");
    Files.writeString(file, """
        function mpc = broken
        mpc.version = '2';
        mpc.baseMVA = 100;
        mpc.bus = [ 1 3 0 0 0 0 1 1 0 230 1 1.1 0.9 ];
        mpc.gen = [ 1 0 0 10 -10 1 100 1 100 0 ];
        mpc.branch = [ 1 7 0 0.1 0 40 0 0 0 0 1 -360 360 ];
        """);
    Run r = run("dispatch", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.err()).contains("broken.m: mpc.branch row 1, column 2 (T_BUS), line 6: bus 7 is not defined in mpc.bus")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingFileExitCode2() {
    Run r = run("dispatch", "no-such-case.m");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.err()).contains("no-such-case.m: no such file, and not a bundled case").doesNotContain("Exception");
  }

  @Test
  void compareRunsEveryBundledCaseInOneTable() {
    Run r = run("compare");
    System.out.print(r.out());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("case5").contains("case9 ").contains("case14").contains("case30").contains("case57")
        .contains("case118").contains("case300").contains("case9241pegase").contains("saving%");
  }

  @Test
  void benchCommandTimesSelectedCases() {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new GridBenchCommand());
    cmd.setOut(new PrintWriter(out, true));
    int code = cmd.execute("--case", "case9,case14", "--warmup", "0", "--iterations", "1");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("case9").contains("case14").contains("MATPOWER s");
  }

  private static final String TINY = """
      function mpc = tiny
      mpc.version = '2';
      mpc.baseMVA = 100;
      mpc.bus = [ 1 3 0 0 0 0 1 1 0 230 1 1.1 0.9; 2 1 50 0 0 0 1 1 0 230 1 1.1 0.9 ];
      mpc.gen = [ 1 0 0 10 -10 1 100 1 100 0 ];
      mpc.branch = [ 1 2 0 0.1 0 40 0 0 0 0 1 -360 360 ];
      mpc.gencost = [ 2 0 0 2 20 0 ];
      """;

  @Test
  void infeasibleCaseDoesNotClaimZeroDemand(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tiny.m");
    Files.writeString(file, TINY.replace("2 1 50 0", "2 1 500 0"));
    Run r = run("dispatch", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.NO_SOLUTION.code());
    assertThat(r.out()).startsWith("tiny: 2 buses, 1 branches, 1 generators\n").doesNotContain("DC demand 0.00");
  }

  @Test
  void failedDispatchKeepsTheEarlierResultsInOut(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.m");
    Files.writeString(good, TINY.replace("0 0.1 0 40 0", "0 0.1 0 0 0"));
    Path out = dir.resolve("out");
    assertThat(run("dispatch", good.toString(), "--out", out.toString()).exitCode()).isZero();
    Path generators = out.resolve("tiny-generators.csv");
    String before = Files.readString(generators);

    // the same case name inside the file, now infeasible
    Path bad = dir.resolve("bad.m");
    Files.writeString(bad, TINY.replace("2 1 50 0", "2 1 500 0"));
    Run r = run("dispatch", bad.toString(), "--out", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.NO_SOLUTION.code());
    assertThat(r.err()).contains(bad + ": no feasible dispatch (infeasible").contains("nothing written to --out " + out);
    assertThat(r.out()).doesNotContain("wrote ");
    assertThat(generators).hasContent(before);
  }

  @Test
  void caseWithoutCostsIsBadInputForADispatch(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nocost.m");
    Files.writeString(file, TINY.replace("mpc.gencost = [ 2 0 0 2 20 0 ];", ""));
    Run r = run("dispatch", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.err()).contains(file + ": mpc.gencost: missing; expected one cost row per generator");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void absurdCostCoefficientIsNamedByItsCell(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("absurd.m");
    Files.writeString(file, TINY.replace("mpc.gencost = [ 2 0 0 2 20 0 ];", "mpc.gencost = [ 2 0 0 2 -1e300 0 ];"));
    Run r = run("dispatch", file.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.err()).contains("mpc.gencost row 1, column 5").contains("is beyond ±1.0E9");
  }

  @Test
  void caseWithALatin1CommentIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.m");
    byte[] comment = "% case by Ren\u00e9 Dupr\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    // a line limit of 0 (none), so that the case is feasible
    byte[] body = TINY.replace("0 0.1 0 40 0", "0 0.1 0 0 0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] all = new byte[comment.length + body.length];
    System.arraycopy(comment, 0, all, 0, comment.length);
    System.arraycopy(body, 0, all, comment.length, body.length);
    Files.write(file, all);
    Run r = run("dispatch", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("DC demand 50.00 MW");
  }

  @Test
  void folderOrDeviceAsCaseIsNamedForWhatItIs(@TempDir Path dir) {
    Run folder = run("dispatch", dir.toString());
    assertThat(folder.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(folder.err()).contains("is a directory; expected a MATPOWER .m file");
    if (Files.exists(Path.of("/dev/zero"))) {
      Run device = run("dispatch", "/dev/zero");
      assertThat(device.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
      assertThat(device.err()).contains("/dev/zero: is not a regular file");
    }
  }

  @Test
  void outThatIsAFileIsRefusedBeforeSolving(@TempDir Path dir) throws Exception {
    Path existing = dir.resolve("results.txt");
    Files.writeString(existing, "keep me");
    Run r = run("dispatch", "case5", "--out", existing.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("is a file, not a folder");
    assertThat(existing).hasContent("keep me");
  }
}

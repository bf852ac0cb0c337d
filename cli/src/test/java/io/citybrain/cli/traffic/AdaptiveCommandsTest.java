package io.citybrain.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code traffic tune}, {@code traffic emergency} and the new controllers in {@code compare}, in process. */
class AdaptiveCommandsTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void tuneWritesAParameterFileThatRunAccepts() throws Exception {
    Path file = dir.resolve("jinan.json");
    Run t =
        run("traffic", "tune", "--controller", "actuated-pressure", "--city", "jinan", "--flow", "2000",
            "--steps", "300", "--evaluations", "3", "--out", file.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.out()).contains("parameters written to");
    String json = Files.readString(file);
    assertThat(json).contains("\"controller\" : \"actuated-pressure\"").contains("\"parameters\"").contains("\"tuning\"");
    Map<String, Double> p = ParameterFiles.read(file);
    assertThat(p).containsEntry("yellowSeconds", 5.0).containsKey("rangeMeters");
    Run r = run("traffic", "run", "--city", "jinan", "--flow", "2000", "--controller", "actuated-pressure",
        "--params", file.toString(), "--steps", "300");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void tuneRefusesAControllerWithNothingToTune() {
    Run t = run("traffic", "tune", "--controller", "max-pressure", "--city", "jinan", "--steps", "60",
        "--evaluations", "2", "--out", dir.resolve("x.json").toString());
    assertThat(t.exit()).isEqualTo(2);
    assertThat(t.err()).contains("no tunable parameters");
  }

  @Test
  void emergencyComparesPriorityOffAndOn() {
    Run e = run("traffic", "emergency", "--city", "jinan", "--flow", "emergency", "--steps", "900",
        "--out", dir.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out()).contains("without priority").contains("with priority").contains("emergency vehicles' travel time");
    assertThat(dir.resolve("emergency.json")).exists();
  }

  @Test
  void emergencyNeedsEmergencyVehicles() {
    Run e = run("traffic", "emergency", "--city", "jinan", "--steps", "60");
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("no emergency vehicles");
  }

  @Test
  void emergencyOutThatIsAFileIsRefusedBeforeTheRuns() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
    Run e = run("traffic", "emergency", "--city", "jinan", "--flow", "emergency", "--steps", "3600",
        "--out", file.toString());
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("is a file, not a folder");
    assertThat(e.out()).as("no run was made").doesNotContain("with priority");
    assertThat(file).hasContent("keep me");
  }

  @Test
  void emptyOutAndAFileAsReplayAreRefusedByTheirOptionNames() throws Exception {
    Run empty = run("traffic", "run", "--city", "jinan", "--steps", "10", "--out", "");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("--out is empty; expected a folder");

    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
    Run replay = run("traffic", "run", "--city", "jinan", "--steps", "10", "--replay", file.toString());
    assertThat(replay.exit()).isEqualTo(2);
    assertThat(replay.err()).contains("--replay " + file + " is a file, not a folder");
    assertThat(file).hasContent("keep me");

    Run tune = run("traffic", "tune", "--controller", "actuated-pressure", "--city", "jinan", "--steps", "10",
        "--evaluations", "1", "--out", "");
    assertThat(tune.exit()).isEqualTo(2);
    assertThat(tune.err()).contains("--out is empty");
  }

  @Test
  void compareShowsTheNewControllers() {
    Run c = run("traffic", "compare", "--city", "newyork", "--steps", "120");
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).contains("actuated-pressure").contains("advanced-mp").contains("max-pressure");
  }
}

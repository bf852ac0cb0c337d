package io.citybrain.cli;

import static io.citybrain.cli.Corridor.FLOW;
import static io.citybrain.cli.Corridor.ROADNET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.cli.CitybrainJar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs meant to hang, exhaust or confuse the command line: devices and named pipes, absurd
 * numbers, parameter files of the wrong controller, a huge step count, a heap too small for the
 * input. Each ends quickly with a clear message and no stack trace.
 */
class HostileInputIT {
  @TempDir static Path dir;

  @BeforeAll
  static void writeValidCorridor() throws Exception {
    Corridor.writeValid(dir);
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.json").toString()).start();
    assertThat(mkfifo.waitFor()).as("mkfifo makes the named pipe").isZero();
  }

  @Test
  void namedPipeAndDeviceAreRefusedInsteadOfRead() {
    Result pipe = CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", "pipe.json", "--flow", FLOW).assertInvalid();
    assertThat(pipe.stderr()).contains("pipe.json: is not a regular file");

    Result zero = CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", "/dev/zero").assertInvalid();
    assertThat(zero.stderr()).contains("/dev/zero: is not a regular file");

    Result params =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--params", "pipe.json")
            .assertInvalid();
    assertThat(params.stderr()).contains("--params pipe.json: is not a regular file");
  }

  @Test
  void absurdNumbersAreReportedAtTheirPath() {
    ObjectNode roadnet = Corridor.roadnet();
    ((ObjectNode) roadnet.at("/roads/0/points/0")).put("x", 1e308);
    ArrayNode flow = Corridor.flow();
    ((ObjectNode) flow.get(0)).put("interval", 1e-300);
    ((ObjectNode) flow.at("/1/vehicle")).put("maxSpeed", 1e308);
    Corridor.write(dir, "absurd-roadnet.json", roadnet);
    Corridor.write(dir, "absurd-flow.json", flow);

    Result result =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", "absurd-roadnet.json", "--flow", FLOW).assertInvalid();
    assertThat(result.stderr()).contains("absurd-roadnet.json: roads[0].points[0].x:", "expected at most 100000000 m");

    result = CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", "absurd-flow.json").assertInvalid();
    assertThat(result.stderr())
        .contains("absurd-flow.json: flow[0].interval:", "expected at least 0.1 s")
        .contains("absurd-flow.json: flow[1].vehicle.maxSpeed:", "expected at most 100 m/s");
  }

  @Test
  void parameterFileOfAnotherControllerIsRefused() {
    Corridor.write(dir, "sotl.json", "{\"controller\": \"sotl\", \"parameters\": {\"minGreenSeconds\": 5}}");

    Result result =
        CitybrainJar.runQuick(
                dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--controller", "actuated-pressure",
                "--params", "sotl.json")
            .assertInvalid();

    assertThat(result.stderr()).contains("--params sotl.json: the file holds parameters of controller 'sotl'");
  }

  @Test
  void parameterFileProblemsNameTheFileAndTheField() {
    Corridor.write(dir, "unknown.json", "{\"parameters\": {\"minGreenSeconds\": 5, \"cycle\": 90}}");
    Corridor.write(dir, "two-objects.json", "{\"minGreenSeconds\": 5}\n{\"minGreenSeconds\": 50}");

    Result unknown =
        CitybrainJar.runQuick(
                dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--controller", "max-pressure",
                "--params", "unknown.json")
            .assertInvalid();
    assertThat(unknown.stderr()).contains("--params unknown.json: parameters.cycle: unknown parameter 'cycle'");

    Result twoObjects =
        CitybrainJar.runQuick(
                dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--controller", "max-pressure",
                "--params", "two-objects.json")
            .assertInvalid();
    assertThat(twoObjects.stderr()).contains("two-objects.json: line 2, column 1: malformed JSON: content after");
  }

  @Test
  void stepCountThatWouldRunForDaysIsRefused() {
    Result result =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--steps", "1000000000")
            .assertInvalid();

    assertThat(result.stderr()).contains("--steps must be at most 10000000");
  }

  @Test
  void intervalProblemsNameTheOptionOrTheConfigKey() {
    Result option =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--interval", "NaN").assertInvalid();
    assertThat(option.stderr()).contains("--interval must be in (0, 10] s, got NaN").doesNotContain("intervalSeconds");

    ObjectNode config = Corridor.configFor(ROADNET, FLOW);
    config.put("interval", 20);
    Corridor.write(dir, "slow-config.json", config);
    Result file = CitybrainJar.runQuick(dir, "traffic", "run", "--config", "slow-config.json").assertInvalid();
    assertThat(file.stderr()).contains("slow-config.json: interval: config: interval is 20.0; expected at most 10 s");
  }

  @Test
  void threadCountThatWouldExhaustTheSystemIsRefused() {
    Result result =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--threads", "100000")
            .assertInvalid();

    assertThat(result.stderr()).contains("--threads must be in [1, 256], got 100000");
  }

  @Test
  void inputTooLargeForTheHeapEndsWithAMessageNotAStackTrace() throws IOException {
    // about 20 MB of flow entries against a 32 MiB heap
    String entry = Corridor.flow().get(0).toString();
    StringBuilder text = new StringBuilder(entry.length() * 60_001).append('[').append(entry);
    for (int i = 0; i < 60_000; i++) {
      text.append(",\n").append(entry);
    }
    Files.writeString(dir.resolve("huge-flow.json"), text.append(']'));

    Result result =
        CitybrainJar.runWithJvmOptions(
            List.of("-Xmx32m", "-XX:+UseSerialGC"), dir, "traffic", "run", "--roadnet", ROADNET, "--flow",
            "huge-flow.json", "--steps", "10");

    assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    assertThat(result.stderr()).as(result.describe()).startsWith("error: out of memory").contains("-Xmx");
    result.assertNoStackTrace();
  }

  @Test
  void readOnlyOutFolderIsRefusedBeforeAnythingRuns() throws IOException {
    Path readOnly = Files.createDirectories(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));

    Result result =
        CitybrainJar.runQuickUnprivileged(dir, "traffic", "convert", "--roadnet", ROADNET, "--out", "read-only")
            .assertInvalid();

    assertThat(result.stderr()).contains("--out read-only: the folder is not writable");
  }
}

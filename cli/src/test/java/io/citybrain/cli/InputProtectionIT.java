package io.citybrain.cli;

import static io.citybrain.cli.Corridor.FLOW;
import static io.citybrain.cli.Corridor.ROADNET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.cli.CitybrainJar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command never overwrites its own input files: output locations that name an input are refused
 * before anything is written, and the inputs keep their bytes.
 */
class InputProtectionIT {
  private static final String DATA = "citybrain/data/traffic/nanchang_citybrain/";

  @TempDir Path dir;

  @Test
  void convertIntoTheFolderOfItsInputsKeepsTheInputs() throws IOException {
    // CBEngine text files that happen to carry the names convert writes
    CitybrainJar.copyResource(DATA + "roadnet_1x1.txt", dir.resolve("in/roadnet.json"));
    CitybrainJar.copyResource(DATA + "flow_1x1.txt", dir.resolve("in/flow.json"));
    byte[] roadnet = Files.readAllBytes(dir.resolve("in/roadnet.json"));
    byte[] flow = Files.readAllBytes(dir.resolve("in/flow.json"));

    Result result =
        CitybrainJar.runQuick(
                dir, "traffic", "convert", "--from", "cbengine", "--roadnet", "in/roadnet.json",
                "--flow", "in/flow.json", "--out", "in")
            .assertInvalid();

    assertThat(result.stderr()).contains("--out in (roadnet.json) would overwrite", "given as --roadnet");
    assertThat(Files.readAllBytes(dir.resolve("in/roadnet.json"))).isEqualTo(roadnet);
    assertThat(Files.readAllBytes(dir.resolve("in/flow.json"))).isEqualTo(flow);
  }

  @Test
  void configWhoseReplayFilesAreItsInputsIsRefused() throws IOException {
    Corridor.writeValid(dir);
    ObjectNode config = Corridor.configFor(ROADNET, FLOW);
    config.put("saveReplay", true);
    config.put("roadnetLogFile", "replay_roadnet.json");
    config.put("replayLogFile", FLOW);
    Corridor.write(dir, "config.json", config);
    byte[] flow = Files.readAllBytes(dir.resolve(FLOW));

    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--config", "config.json", "--steps", "10").assertInvalid();

    assertThat(result.stderr())
        .contains("replayLogFile of --config config.json would overwrite", "flowFile of --config config.json");
    assertThat(Files.readAllBytes(dir.resolve(FLOW))).isEqualTo(flow);
    assertThat(dir.resolve("replay_roadnet.json")).doesNotExist();
  }

  @Test
  void configWithOneFileForBothReplayOutputsIsRefused() {
    Corridor.writeValid(dir);
    ObjectNode config = Corridor.configFor(ROADNET, FLOW);
    config.put("saveReplay", true);
    config.put("roadnetLogFile", "replay.txt");
    config.put("replayLogFile", "./replay.txt");
    Corridor.write(dir, "config.json", config);

    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--config", "config.json", "--steps", "10").assertInvalid();

    assertThat(result.stderr()).contains("are the same file");
  }

  @Test
  void replayFolderHoldingAnInputOfTheSameNameIsRefused() throws IOException {
    Corridor.writeValid(dir);
    Files.copy(dir.resolve(FLOW), dir.resolve("replay.txt"));

    Result result =
        CitybrainJar.runQuick(
                dir, "traffic", "run", "--roadnet", ROADNET, "--flow", "replay.txt", "--steps", "10", "--replay", ".")
            .assertInvalid();

    assertThat(result.stderr()).contains("--replay . (replay.txt) would overwrite", "given as --flow");
    assertThat(Files.readString(dir.resolve("replay.txt"))).isEqualTo(Files.readString(dir.resolve(FLOW)));
  }

  @Test
  void tuneWritingOverItsParameterFileIsRefusedBeforeSearching() throws IOException {
    Corridor.writeValid(dir);
    Corridor.write(dir, "start.json", "{\"minGreenSeconds\": 10}");

    Result result =
        CitybrainJar.runQuick(
                dir, "traffic", "tune", "--controller", "actuated-pressure", "--roadnet", ROADNET, "--flow", FLOW,
                "--params", "start.json", "--out", "start.json", "--steps", "60", "--evaluations", "2")
            .assertInvalid();

    assertThat(result.stderr()).contains("--out start.json would overwrite", "given as --params");
    assertThat(Files.readString(dir.resolve("start.json"))).isEqualTo("{\"minGreenSeconds\": 10}");
  }
}

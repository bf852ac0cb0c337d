package io.citybrain.cli;

import static io.citybrain.cli.RunOutputs.assertWellFormedSummary;
import static io.citybrain.cli.RunOutputs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.cli.CitybrainJar.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CBEngine files (the City Brain Challenge's text format) on the built jar: {@code traffic
 * convert} to CityFlow JSON, {@code traffic run} on the text files and on the converted JSON with
 * the same results, and invalid text files rejected with file and line.
 */
class CBEngineIT {
  private static final String DATA = "citybrain/data/traffic/nanchang_citybrain/";

  @TempDir static Path dir;

  @BeforeAll
  static void copyTheOneByOneExample() {
    CitybrainJar.copyResource(DATA + "roadnet_1x1.txt", dir.resolve("in/roadnet_1x1.txt"));
    CitybrainJar.copyResource(DATA + "flow_1x1.txt", dir.resolve("in/flow_1x1.txt"));
  }

  @Test
  void convertedFilesRunLikeTheOriginals() {
    Result convert =
        CitybrainJar.run(
                dir,
                "traffic", "convert",
                "--from", "cbengine",
                "--roadnet", "in/roadnet_1x1.txt",
                "--flow", "in/flow_1x1.txt",
                "--to", "cityflow",
                "--out", "converted")
            .assertSuccess();
    assertThat(convert.stdout())
        .contains("5 intersections (1 signalised, 0 unsignalised, 4 boundary), 8 roads, 24 lanes")
        .contains("12 flows")
        .contains("roadnet.json");
    JsonNode roadnet = json(dir.resolve("converted/roadnet.json"));
    assertThat(roadnet.get("roads").get(0).get("length").asDouble()).isEqualTo(30.0);
    assertThat(json(dir.resolve("converted/flow.json"))).hasSize(12);

    CitybrainJar.run(
            dir, "traffic", "run", "--roadnet", "in/roadnet_1x1.txt", "--flow", "in/flow_1x1.txt",
            "--controller", "fixed-time", "--steps", "600", "--out", "from-text")
        .assertSuccess();
    CitybrainJar.run(
            dir, "traffic", "run", "--roadnet", "converted/roadnet.json", "--flow", "converted/flow.json",
            "--controller", "fixed-time", "--steps", "600", "--out", "from-json")
        .assertSuccess();
    JsonNode text = json(dir.resolve("from-text/summary.json"));
    JsonNode converted = json(dir.resolve("from-json/summary.json"));
    assertWellFormedSummary(text);
    assertThat(text.get("vehiclesFinished").asLong()).isPositive();
    for (String figure :
        new String[] {"averageTravelTimeSeconds", "vehiclesSpawned", "vehiclesEntered", "vehiclesFinished",
            "vehiclesWaitingToEnter"}) {
      assertThat(converted.get(figure)).as(figure).isEqualTo(text.get(figure));
    }
  }

  @Test
  void invalidTextFilesAreRejectedWithFileAndLine() throws IOException {
    String roadnet = Files.readString(dir.resolve("in/roadnet_1x1.txt"), StandardCharsets.UTF_8);
    Path bad = write("in/bad_roadnet.txt", roadnet.replace("0 2 30 20 3 3 3 4", "0 2 -30 20 3 3 3 4"));

    Result result =
        CitybrainJar.runQuick(dir, "traffic", "run", "--roadnet", bad.toString(), "--flow", "in/flow_1x1.txt")
            .assertInvalid();

    assertThat(result.stderr())
        .contains("1 problem")
        .contains(bad + ": line 11: length is -30; expected a length in m > 0");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Result result =
        CitybrainJar.runQuick(
                dir, "traffic", "run", "--roadnet", "in/roadnet_1x1.txt", "--flow", "in/flow_1x1.txt",
                "--format", "matsim")
            .assertInvalid();

    assertThat(result.stderr()).contains("unknown format 'matsim'; known: cityflow, cbengine, sumo");
  }

  private static Path write(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return dir.relativize(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.citybrain.cli;

import static io.citybrain.cli.RunOutputs.assertWellFormedSummary;
import static io.citybrain.cli.RunOutputs.json;
import static io.citybrain.cli.RunOutputs.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code citybrain traffic run} on the built jar: bundled data, CityFlow files and a CityFlow config. */
class TrafficRunIT {
  @TempDir static Path dir;

  @Test
  void jinanFixedTimeReproducesCityFlowAndWritesAllResultFiles() {
    Result run =
        CitybrainJar.run(dir, "traffic", "run", "--city", "jinan", "--controller", "fixed-time", "--out", "jinan-ft")
            .assertSuccess();
    assertThat(run.stdout()).contains("average travel time", "516.79 s", "results written to jinan-ft");

    JsonNode summary = json(dir.resolve("jinan-ft/summary.json"));
    assertWellFormedSummary(summary);
    assertThat(summary.get("controller").asText()).isEqualTo("fixed-time");
    assertThat(summary.get("seed").asLong()).isZero();
    assertThat(summary.get("simulatedSeconds").asDouble()).isEqualTo(3600.0);
    assertThat(summary.get("averageTravelTimeSeconds").asDouble()).isCloseTo(516.79, within(0.01));
    assertThat(summary.get("averageTravelTimeFinishedSeconds").asDouble()).isCloseTo(487.48, within(0.01));
    assertThat(summary.get("vehiclesSpawned").asLong()).isEqualTo(6295);
    assertThat(summary.get("vehiclesFinished").asLong()).isEqualTo(4971);

    List<String> series = lines(dir.resolve("jinan-ft/timeseries.csv"));
    assertThat(series).as("header + one row per 60 s of 3600 s").hasSize(1 + 60);
    assertThat(series.get(0)).startsWith("timeSeconds,vehiclesInNetwork,");
    assertThat(series.get(60)).startsWith("3600");

    List<String> intersections = lines(dir.resolve("jinan-ft/intersections.csv"));
    assertThat(intersections).as("header + Jinan's 12 signalised intersections").hasSize(1 + 12);
    assertThat(intersections.get(0)).startsWith("intersectionId,signalized,");
  }

  @Test
  void roadnetAndFlowFilesFromAnyFolder() {
    Path roadnet = CitybrainJar.copyResource("corridor/roadnet.json", dir.resolve("corridor-in/roadnet.json"));
    Path flow = CitybrainJar.copyResource("corridor/flow.json", dir.resolve("corridor-in/flow.json"));

    CitybrainJar.run(
            dir,
            "traffic", "run",
            "--roadnet", "corridor-in/roadnet.json",
            "--flow", "corridor-in/flow.json",
            "--controller", "fixed-time",
            "--steps", "300",
            "--out", "corridor-out")
        .assertSuccess();

    JsonNode summary = json(dir.resolve("corridor-out/summary.json"));
    assertWellFormedSummary(summary);
    // 11 vehicles west to east (every 10 s over 0..100 s) and 6 east to west (every 20 s), all
    // through in 300 s on two 200 m roads at 10 m/s
    assertThat(summary.get("vehiclesSpawned").asLong()).isEqualTo(17);
    assertThat(summary.get("vehiclesFinished").asLong()).isEqualTo(17);
    assertThat(summary.get("simulatedSeconds").asDouble()).isEqualTo(300.0);
    assertThat(summary.get("roadnetSha256").asText()).isEqualTo(RunOutputs.sha256(roadnet));
    assertThat(summary.get("flowSha256").asText()).isEqualTo(RunOutputs.sha256(flow));
    assertThat(lines(dir.resolve("corridor-out/timeseries.csv"))).hasSize(1 + 5);
    assertThat(lines(dir.resolve("corridor-out/intersections.csv"))).hasSize(1 + 1);
  }

  /** Case C01 (a three-leg intersection) through its CityFlow config; see cases/C01/expected.md. */
  @Test
  void cityFlowConfigRunsCaseC01WithTheRoadnetsOwnPlan() {
    for (String file : List.of("config.json", "roadnet.json", "flow.json")) {
      CitybrainJar.copyResource("cases/C01/" + file, dir.resolve("C01/" + file));
    }

    // run from another folder: the config's "dir" is relative to the config file
    Result run =
        CitybrainJar.run(dir, "traffic", "run", "--config", "C01/config.json", "--steps", "600", "--out", "c01-out")
            .assertSuccess();
    assertThat(run.stdout()).contains("roadnet-plan");

    JsonNode summary = json(dir.resolve("c01-out/summary.json"));
    assertWellFormedSummary(summary);
    assertThat(summary.get("controller").asText())
        .as("rlTrafficLight false selects the roadnet's plan")
        .isEqualTo("roadnet-plan");
    assertThat(summary.get("vehiclesSpawned").asLong()).isEqualTo(63);
    assertThat(summary.get("vehiclesFinished").asLong()).isEqualTo(63);
    assertThat(summary.get("vehiclesInNetwork").asLong()).isZero();
    assertThat(summary.get("vehiclesWaitingToEnter").asLong()).isZero();
    // CityFlow gives 50.95 s for the finished trips (expected.md); every trip takes 30..100 s
    assertThat(summary.get("averageTravelTimeFinishedSeconds").asDouble()).isCloseTo(50.95, within(0.005));
  }
}

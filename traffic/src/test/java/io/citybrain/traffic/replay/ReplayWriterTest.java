package io.citybrain.traffic.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.traffic.io.CityFlowConfigReader;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case C03: the replay output must be drawable, match its roadnet, and fail loudly on a bad path. */
class ReplayWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STEPS = 120;

  /** Copies the case's files into {@code dir} (the config's {@code dir} is "./"). */
  private static Path copyCase(Path dir) throws IOException {
    for (String f : List.of("config.json", "roadnet.json", "flow.json")) {
      try (InputStream in = ReplayWriterTest.class.getClassLoader().getResourceAsStream("cases/C03/" + f)) {
        assertThat(in).as(f).isNotNull();
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir.resolve("config.json");
  }

  private static void run(Scenario scenario, CityFlowConfig cfg, ReplayWriter writer) throws IOException {
    try (writer) {
      TrafficRunner.run(
          scenario,
          "roadnet-plan",
          Map.of(),
          new SimulationConfig(cfg.intervalSeconds(), cfg.seed(), 1, false),
          STEPS,
          new RunListener() {
            @Override
            public void afterStep(Simulation sim, int step, int totalSteps) {
              writer.afterStep(sim);
            }
          });
    }
  }

  @Test
  void writesOneFramePerStepWithVehicleSizesAndAMatchingRoadnet(@TempDir Path dir) throws Exception {
    CityFlowConfig cfg = CityFlowConfigReader.read(copyCase(dir));
    Scenario scenario = ScenarioLoader.load("C03", cfg.roadnetPath(), cfg.flowPath());
    ReplayWriter writer = ReplayWriter.forConfig(cfg, scenario.compiled()).orElseThrow();
    run(scenario, cfg, writer);

    List<String> lines = Files.readAllLines(dir.resolve("replay.txt"));
    assertThat(lines).hasSize(STEPS);
    assertThat(writer.frames()).isEqualTo(STEPS);

    Map<String, Object> roadnet =
        JSON.readValue(dir.resolve("replay_roadnet.json").toFile(), new TypeReference<Map<String, Object>>() {});
    assertThat(ReplayRoadnet.wrongFileType(roadnet)).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) roadnet.get("static");
    Map<String, Integer> lanesByRoad = new HashMap<>();
    for (Object e : (List<?>) body.get("edges")) {
      Map<?, ?> edge = (Map<?, ?>) e;
      lanesByRoad.put((String) edge.get("id"), (Integer) edge.get("nLane"));
    }
    Set<String> nodeIds = new HashSet<>();
    for (Object n : (List<?>) body.get("nodes")) {
      nodeIds.add((String) ((Map<?, ?>) n).get("id"));
    }
    assertThat(nodeIds).containsExactlyInAnyOrder("W", "C", "E");

    Set<String> vehiclesSeen = new HashSet<>();
    for (String line : lines) {
      String[] parts = line.split(";", -1);
      assertThat(parts).hasSize(2);
      for (String record : parts[0].split(",")) {
        if (record.isEmpty()) {
          continue;
        }
        String[] f = record.split(" ");
        assertThat(f).as("record '%s'", record).hasSize(7);
        Double.parseDouble(f[0]);
        Double.parseDouble(f[1]);
        Double.parseDouble(f[2]);
        vehiclesSeen.add(f[3]);
        assertThat(f[4]).isEqualTo("0");
        assertThat(Double.parseDouble(f[5])).as("length").isEqualTo(4.5);
        assertThat(Double.parseDouble(f[6])).as("width").isEqualTo(1.8);
      }
      for (String road : parts[1].split(",")) {
        if (road.isEmpty()) {
          continue;
        }
        String[] f = road.split(" ");
        assertThat(lanesByRoad).as("road '%s' of the log is in the replay roadnet", f[0]).containsKey(f[0]);
        assertThat(f.length - 1).isEqualTo(lanesByRoad.get(f[0]));
        for (int k = 1; k < f.length; k++) {
          assertThat(f[k]).isIn("g", "r", "i");
        }
      }
    }
    assertThat(vehiclesSeen).hasSize(3);
  }

  @Test
  void headingAndPositionFollowTheRoad(@TempDir Path dir) throws Exception {
    CityFlowConfig cfg = CityFlowConfigReader.read(copyCase(dir));
    Scenario scenario = ScenarioLoader.load("C03", cfg.roadnetPath(), cfg.flowPath());
    run(scenario, cfg, ReplayWriter.openIn(scenario.compiled(), dir));
    String first = Files.readAllLines(dir.resolve(ReplayWriter.LOG_FILE)).get(0);
    String[] f = first.split(";")[0].split(",")[0].split(" ");
    // the first vehicle enters r_in (west to east, at y < 0 since lanes lie right of the centre line)
    assertThat(Double.parseDouble(f[0])).isBetween(-200.0, -150.0);
    assertThat(Double.parseDouble(f[1])).isNegative();
    assertThat(Double.parseDouble(f[2])).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aMissingOutputFolderFailsAtStartNamingThePath(@TempDir Path dir) throws Exception {
    CityFlowConfig cfg = CityFlowConfigReader.read(copyCase(dir));
    Scenario scenario = ScenarioLoader.load("C03", cfg.roadnetPath(), cfg.flowPath());
    Path missing = dir.resolve("no-such-folder");
    ReplayOutputException e =
        catchThrowableOfType(
            ReplayOutputException.class,
            () -> ReplayWriter.open(scenario.compiled(), missing.resolve("r.json"), missing.resolve("replay.txt")));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(missing.toString()).contains("does not exist");
    assertThat(e.path()).isEqualTo(missing);
    assertThat(missing).doesNotExist();
  }

  @Test
  void aFileWhereTheFolderShouldBeFailsNamingIt(@TempDir Path dir) throws Exception {
    CityFlowConfig cfg = CityFlowConfigReader.read(copyCase(dir));
    Scenario scenario = ScenarioLoader.load("C03", cfg.roadnetPath(), cfg.flowPath());
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    ReplayOutputException e =
        catchThrowableOfType(
            ReplayOutputException.class, () -> ReplayWriter.openIn(scenario.compiled(), notAFolder));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(notAFolder.toString());
  }

  @Test
  void noReplayFilesWhenSaveReplayIsFalse(@TempDir Path dir) throws Exception {
    Path config = copyCase(dir);
    Files.writeString(config, Files.readString(config).replace("\"saveReplay\": true", "\"saveReplay\": false"));
    CityFlowConfig cfg = CityFlowConfigReader.read(config);
    assertThat(cfg.saveReplay()).isFalse();
    Scenario scenario = ScenarioLoader.load("C03", cfg.roadnetPath(), cfg.flowPath());
    assertThat(ReplayWriter.forConfig(cfg, scenario.compiled())).isEmpty();
    assertThat(dir.resolve("replay.txt")).doesNotExist();
    assertThat(dir.resolve("replay_roadnet.json")).doesNotExist();
  }

  @Test
  void theInputRoadnetIsRecognisedAsTheWrongFileType() throws Exception {
    Map<String, Object> input;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("cases/C03/roadnet.json")) {
      input = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
    }
    assertThat(ReplayRoadnet.wrongFileType(input))
        .hasValueSatisfying(m -> assertThat(m).startsWith("wrong file type").contains("input roadnet"));
    assertThat(ReplayRoadnet.wrongFileType(List.of())).hasValueSatisfying(m -> assertThat(m).contains("static"));
  }
}

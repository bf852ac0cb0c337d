package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static io.citybrain.traffic.io.TestInputs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityFlowConfigReaderTest {

  private static List<InputProblem> problems(String text) {
    InputValidationException e =
        catchThrowableOfType(
            InputValidationException.class,
            () -> CityFlowConfigReader.read(TestInputs.stream(text), "config.json", Path.of("base")));
    assertThat(e).as("expected the config to be rejected").isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("config.json"));
    return e.problems();
  }

  @Test
  void c01ConfigIsReadAndResolvedAgainstTheGivenFolder() throws Exception {
    CityFlowConfig config;
    try (InputStream in = TestInputs.resource("cases/C01/config.json")) {
      config = CityFlowConfigReader.read(in, "config.json", Path.of("cases", "C01"));
    }
    assertThat(config.intervalSeconds()).isEqualTo(1.0);
    assertThat(config.seed()).isZero();
    assertThat(config.rlTrafficLight()).isFalse();
    assertThat(config.laneChange()).isFalse();
    assertThat(config.saveReplay()).isFalse();
    assertThat(config.roadnetPath().normalize()).isEqualTo(Path.of("cases", "C01", "roadnet.json"));
    assertThat(config.flowPath().normalize()).isEqualTo(Path.of("cases", "C01", "flow.json"));
    assertThat(config.roadnetLogFile()).contains("replay_roadnet.json");
    assertThat(config.replayLogPath().orElseThrow().normalize()).isEqualTo(Path.of("cases", "C01", "replay.txt"));
  }

  @Test
  void dirIsRelativeToTheConfigFilesFolder(@TempDir Path tmp) throws Exception {
    Path scenario = Files.createDirectories(tmp.resolve("scenario"));
    Path file = scenario.resolve("config.json");
    Files.writeString(
        file,
        "{\"interval\": 0.5, \"seed\": 42, \"dir\": \"data/\", \"roadnetFile\": \"net/roadnet.json\","
            + " \"flowFile\": \"flow.json\", \"rlTrafficLight\": true, \"laneChange\": true, \"saveReplay\": false}");
    CityFlowConfig config = CityFlowConfigReader.read(file);
    assertThat(config.directory()).isEqualTo(scenario.resolve("data"));
    assertThat(config.roadnetPath()).isEqualTo(scenario.resolve("data/net/roadnet.json"));
    assertThat(config.intervalSeconds()).isEqualTo(0.5);
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.rlTrafficLight()).isTrue();
    assertThat(config.laneChange()).isTrue();
    assertThat(config.roadnetLogPath()).isEqualTo(Optional.empty());
  }

  @Test
  void everyMissingRequiredKeyIsReported() {
    List<InputProblem> problems = problems("{\"laneChange\": false}");
    assertThat(problems)
        .extracting(InputProblem::location)
        .containsExactly("interval", "seed", "dir", "roadnetFile", "flowFile", "rlTrafficLight", "saveReplay");
    assertThat(at(problems, "seed").message()).isEqualTo("config: seed is missing; expected an integer");
  }

  @Test
  void badValuesAreReportedWithTheValue() {
    List<InputProblem> problems =
        problems(
            "{\"interval\": 0, \"seed\": 1.5, \"dir\": 3, \"roadnetFile\": \"\", \"flowFile\": \"f.json\","
                + " \"rlTrafficLight\": \"no\", \"saveReplay\": true, \"laneChange\": 1}");
    assertThat(at(problems, "interval").message()).isEqualTo("config: interval is 0; expected a finite number > 0");
    assertThat(at(problems, "seed").message()).isEqualTo("config: seed is 1.5; expected an integer");
    assertThat(at(problems, "dir").message()).isEqualTo("config: dir is 3; expected a string");
    assertThat(at(problems, "roadnetFile").message()).contains("empty string; expected a file path");
    assertThat(at(problems, "rlTrafficLight").message()).contains("expected true or false");
    assertThat(at(problems, "laneChange").message()).isEqualTo("config: laneChange is 1; expected true or false");
    // saveReplay is on, so both replay files are required
    assertThat(at(problems, "roadnetLogFile").message()).contains("roadnetLogFile is missing");
    assertThat(at(problems, "replayLogFile").message()).contains("replayLogFile is missing");
    assertThat(problems).hasSize(8);
  }

  @Test
  void rootMustBeAnObjectAndSyntaxErrorsHaveALocation() {
    assertThat(at(problems("[1]"), "(root)").message()).isEqualTo("the config is an array; expected a JSON object");
    assertThat(problems("{\"interval\": 1,}").get(0).location()).isEqualTo("line 1, column 16");
  }

  @Test
  void intervalLongerThanTheSimulatorsLongestStepIsReportedAtItsKey() {
    assertThat(at(problems("{\"interval\": 20, \"seed\": 0, \"dir\": \"\", \"roadnetFile\": \"r.json\", \"flowFile\": \"f.json\","
            + " \"rlTrafficLight\": true, \"saveReplay\": false}"), "interval").message())
        .isEqualTo("config: interval is 20.0; expected at most 10 s");
  }
}

package io.citybrain.cli;

import static io.citybrain.cli.Corridor.FLOW;
import static io.citybrain.cli.Corridor.ROADNET;
import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid options on valid input files: exit code 2, a message naming the option, the bad value
 * and what is allowed, a pointer to the command's help, and no stack trace.
 */
class InvalidArgumentsIT {
  private static final String KNOWN_CONTROLLERS = "known: fixed-time, roadnet-plan, sotl, max-pressure";

  @TempDir static Path dir;

  @BeforeAll
  static void writeValidCorridor() {
    Corridor.writeValid(dir);
  }

  @Test
  void unknownController() {
    Result result = runCorridor("--controller", "green-wave");

    assertUsageError(result, "traffic run", "unknown controller 'green-wave'", KNOWN_CONTROLLERS);
  }

  @Test
  void unknownControllerInAComparison() {
    Result result = CitybrainJar.runQuick(
        dir, "traffic", "compare", "--roadnet", ROADNET, "--flow", FLOW, "--steps", "60", "--controllers", "sotl,green-wave");

    assertUsageError(result, "traffic compare", "unknown controller 'green-wave'", KNOWN_CONTROLLERS);
  }

  @Test
  void unknownControllerParameter() {
    Result result = runCorridor("--controller", "fixed-time", "--param", "cycleSeconds=90");

    assertUsageError(
        result, "traffic run",
        "unknown parameter 'cycleSeconds' for controller 'fixed-time'", "known: greenSeconds, yellowSeconds");
  }

  @Test
  void controllerParameterOutOfRange() {
    Result result = runCorridor("--controller", "fixed-time", "--param", "greenSeconds=0");

    assertUsageError(
        result, "traffic run",
        "parameter 'greenSeconds' of controller 'fixed-time' is 0.0", "expected a number in [1, 3600] s");
  }

  @Test
  void controllerParameterThatIsNotANumber() {
    Result result = runCorridor("--controller", "fixed-time", "--param", "greenSeconds=long");

    assertUsageError(result, "traffic run", "--param", "'long' is not a double");
  }

  @Test
  void unknownCity() {
    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--city", "atlantis");

    assertUsageError(result, "traffic run", "unknown city 'atlantis'", "bundled: jinan, hangzhou, newyork");
  }

  @Test
  void unknownFlowOfABundledCity() {
    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--city", "jinan", "--flow", "rush-hour");

    assertUsageError(result, "traffic run", "unknown flow 'rush-hour' for jinan", "known: real, 2000, 2500");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "compare"})
  void negativeSteps(String command) {
    Result result = CitybrainJar.runQuick(dir, "traffic", command, "--roadnet", ROADNET, "--flow", FLOW, "--steps", "-5");

    assertUsageError(result, "traffic " + command, "--steps", "-5", ">= 0");
  }

  @Test
  void noScenario() {
    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--controller", "sotl");

    assertUsageError(result, "traffic run", "choose the scenario with exactly one of --city CITY, --config FILE, --sumocfg FILE, or --roadnet FILE --flow FILE");
  }

  @Test
  void twoScenarios() {
    Result result = CitybrainJar.runQuick(dir, "traffic", "run", "--city", "jinan", "--roadnet", ROADNET, "--flow", FLOW);

    assertUsageError(result, "traffic run", "exactly one of --city CITY, --config FILE, --sumocfg FILE, or --roadnet FILE --flow FILE");
  }

  @Test
  void unknownCommand() {
    Result result = CitybrainJar.runQuick(dir, "traffic", "simulate");

    assertUsageError(result, "traffic", "'simulate'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"no-such-params.json", "a-params-folder"})
  void parameterFileThatIsNotAFile(String file) throws IOException {
    Files.createDirectories(dir.resolve("a-params-folder"));

    Result result = runCorridor("--controller", "sotl", "--params", file);

    assertUsageError(result, "traffic run", "--params " + file);
    assertThat(result.stderr()).containsAnyOf("does not exist", "is a directory");
  }

  /** An existing file where the results folder should go: refused before the run, file untouched. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "compare"})
  void outPointingAtAnExistingFile(String command) throws IOException {
    Path existing = dir.resolve("results-" + command + ".txt");
    Files.writeString(existing, "keep me\n");
    List<Path> before = listing();

    Result result =
        CitybrainJar.runQuick(
            dir, "traffic", command, "--roadnet", ROADNET, "--flow", FLOW, "--steps", "60", "--out", existing.getFileName().toString());

    assertUsageError(result, "traffic " + command, "--out " + existing.getFileName(), "not a folder");
    assertThat(existing).hasContent("keep me");
    assertThat(listing()).as("no file left behind").isEqualTo(before);
  }

  private static Result runCorridor(String... options) {
    List<String> args = new ArrayList<>(List.of("traffic", "run", "--roadnet", ROADNET, "--flow", FLOW, "--steps", "60"));
    args.addAll(Arrays.asList(options));
    return CitybrainJar.runQuick(dir, args.toArray(String[]::new));
  }

  /** Exit code 2, no output, "error: ..." with every fragment, then the pointer to help. */
  private static void assertUsageError(Result result, String command, String... fragments) {
    result.assertInvalid();
    List<String> lines = result.stderr().lines().toList();
    assertThat(lines).as(result.describe()).hasSize(2);
    assertThat(lines.get(0)).as(result.describe()).contains(fragments);
    assertThat(lines.get(1)).isEqualTo("Try 'citybrain " + command + " --help' for usage.");
  }

  private static List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.sorted().toList();
    }
  }
}

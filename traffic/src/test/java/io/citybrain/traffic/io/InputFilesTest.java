package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is not a readable file of bounded size is refused with one problem at location {@code
 * file}, without reading forever ({@code /dev/zero}) or blocking (a named pipe with no writer).
 */
class InputFilesTest {
  @TempDir Path dir;

  private static InputProblem problem(Path file, long maxBytes) {
    InputValidationException e =
        catchThrowableOfType(InputValidationException.class, () -> InputFiles.read(file, "a JSON file", maxBytes));
    assertThat(e).as("%s should be refused", file).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).file()).isEqualTo(file.toString());
    assertThat(e.problems().get(0).where()).isInstanceOf(io.citybrain.commons.input.InputLocation.WholeInput.class);
    return e.problems().get(0);
  }

  @Test
  void missingFileAndFolder() {
    assertThat(problem(dir.resolve("nope.json"), 100).message()).isEqualTo("does not exist");
    assertThat(problem(dir, 100).message()).isEqualTo("is a directory; expected a JSON file");
  }

  @Test
  void devicesAndNamedPipesAreNotRead() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeThat(Files.exists(zero)).as("a Unix-like system").isTrue();
    Path fifo = dir.resolve("fifo.json");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor()).as("mkfifo works").isZero();

    // Only the reads are timed: starting mkfifo alone took 5 s on a loaded 2-core sandbox, and
    // over 10 s under heavier load, which failed this test with nothing wrong in InputFiles.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertThat(problem(zero, InputFiles.MAX_BYTES).message()).startsWith("is not a regular file");
          assertThat(problem(fifo, InputFiles.MAX_BYTES).message()).startsWith("is not a regular file");
        });
  }

  @Test
  void fileOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
    Path file = dir.resolve("big.json");
    Files.write(file, new byte[101]);
    assertThat(problem(file, 100).message())
        .isEqualTo("is larger than 100 bytes, the largest input file citybrain reads");

    Files.write(file, new byte[100]);
    assertThat(InputFiles.read(file, "a JSON file", 100)).hasSize(100);
  }

  @Test
  void nestingBeyondTheParsersLimitIsLocatedWithoutJacksonInternals() {
    String deep = "[".repeat(1500) + "]".repeat(1500);
    InputValidationException e =
        catchThrowableOfType(
            InputValidationException.class, () -> JsonFiles.parse(TestInputs.stream(deep), "deep.json"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).matches("line 1, column 100[12]");
      assertThat(p.message()).contains("nesting depth").doesNotContain("StreamReadConstraints", "`");
    });
  }
}

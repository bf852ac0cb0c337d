package io.citybrain.commons.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails part-way leaves the previous file and no temporary file behind; a written
 * file is readable by all, in a folder created when missing.
 */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void failedWriteKeepsThePreviousFile() throws IOException {
    Path file = dir.resolve("roadnet.json");
    Files.writeString(file, "previous");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left");

    assertThat(Files.readString(file)).isEqualTo("previous");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void successfulWriteReplacesTheFile() throws IOException {
    Path file = dir.resolve("flow.json");
    Files.writeString(file, "previous");

    AtomicFiles.write(file, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.readString(file)).isEqualTo("[]");
  }

  @Test
  void writtenFileIsReadableByAllLikeAnyUserFile() throws IOException {
    Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
    Path file = dir.resolve("converted").resolve("flow.json");

    AtomicFiles.write(file, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));

    assertThat(file).hasContent("[]");
    // temporary files are owner-only (rw-------); converted files used to keep that
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
  }
}

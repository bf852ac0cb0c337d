package io.citybrain.commons.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group of result files is written as a whole (issue 15: a full disk left the new {@code
 * summary.json} beside the previous run's time series, and the message named a temporary file).
 */
class AtomicFilesGroupTest {
  @TempDir Path dir;

  @Test
  void failureHalfWayLeavesEveryPreviousFileAndNamesTheFileAndReason() throws Exception {
    Files.writeString(dir.resolve("summary.json"), "old summary");
    Files.writeString(dir.resolve("timeseries.csv"), "old series");

    assertThatThrownBy(
            () -> {
              try (AtomicFiles.Group g = AtomicFiles.group()) {
                g.write(dir.resolve("summary.json"), out -> out.write("new summary".getBytes(StandardCharsets.UTF_8)));
                g.write(
                    dir.resolve("timeseries.csv"),
                    out -> {
                      out.write("new ser".getBytes(StandardCharsets.UTF_8));
                      throw new java.nio.file.FileSystemException(
                          dir.resolve(".timeseries.csv123.tmp").toString(), null, "No space left on device");
                    });
                g.commit();
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + dir.resolve("timeseries.csv") + ": No space left on device");

    assertThat(dir.resolve("summary.json")).hasContent("old summary");
    assertThat(dir.resolve("timeseries.csv")).hasContent("old series");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactlyInAnyOrder("summary.json", "timeseries.csv");
    }
  }

  @Test
  void commitReplacesAllTogether() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "old a");
    try (AtomicFiles.Group g = AtomicFiles.group()) {
      g.write(dir.resolve("a.txt"), out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
      g.write(dir.resolve("sub/b.txt"), out -> out.write("new b".getBytes(StandardCharsets.UTF_8)));
      assertThat(dir.resolve("a.txt")).as("nothing replaced before the commit").hasContent("old a");
      g.commit();
    }
    assertThat(dir.resolve("a.txt")).hasContent("new a");
    assertThat(dir.resolve("sub/b.txt")).hasContent("new b");
  }
}

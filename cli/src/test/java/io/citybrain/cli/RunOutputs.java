package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Reads the files a run writes ({@code summary.json}, the CSV files) for assertions. */
final class RunOutputs {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Fields every {@code summary.json} must have (see {@code docs/metrics.md}). */
  static final List<String> SUMMARY_FIELDS =
      List.of(
          "averageTravelTimeSeconds",
          "averageTravelTimeFinishedSeconds",
          "vehiclesSpawned",
          "vehiclesEntered",
          "vehiclesFinished",
          "vehiclesInNetwork",
          "vehiclesWaitingToEnter",
          "simulatedSeconds",
          "wallSeconds",
          "controller",
          "seed",
          "roadnetSha256",
          "flowSha256");

  private RunOutputs() {}

  static JsonNode json(Path file) {
    assertThat(file).isRegularFile();
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of a text file (CSV: the header, then one line per row; no quoted line breaks here). */
  static List<String> lines(Path file) {
    assertThat(file).isRegularFile();
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that a summary has every documented field, and that its vehicle counts are conserved:
   * spawned = entered + waiting to enter, entered = finished + in network.
   */
  static void assertWellFormedSummary(JsonNode summary) {
    assertThat(summary.isObject()).as("summary.json is an object").isTrue();
    for (String field : SUMMARY_FIELDS) {
      assertThat(summary.has(field)).as("summary.json field %s in %s", field, summary).isTrue();
    }
    assertThat(summary.get("roadnetSha256").asText()).matches("[0-9a-f]{64}");
    assertThat(summary.get("flowSha256").asText()).matches("[0-9a-f]{64}");
    assertThat(summary.get("wallSeconds").asDouble()).isPositive();
    long spawned = summary.get("vehiclesSpawned").asLong();
    long entered = summary.get("vehiclesEntered").asLong();
    assertThat(entered + summary.get("vehiclesWaitingToEnter").asLong()).as("spawned").isEqualTo(spawned);
    assertThat(summary.get("vehiclesFinished").asLong() + summary.get("vehiclesInNetwork").asLong())
        .as("entered")
        .isEqualTo(entered);
  }

  /** SHA-256 of a file, lower-case hex. */
  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

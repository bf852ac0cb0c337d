package io.citybrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The base fixture of the invalid-input tests: a valid CityFlow roadnet and flow
 * ({@code corridor/}), one signalised intersection {@code C} between virtual ends {@code W} and
 * {@code E}, one-lane roads {@code W_C}, {@code C_W}, {@code E_C}, {@code C_E}, road links
 * {@code 0: W_C -> C_E} and {@code 1: E_C -> C_W}, and two flows ({@code flow[0]} west to east,
 * {@code flow[1]} east to west). Each test takes a fresh copy, changes one thing and writes it.
 */
final class Corridor {
  static final String ROADNET = "roadnet.json";
  static final String FLOW = "flow.json";

  private Corridor() {}

  /** A fresh, editable copy of the roadnet. */
  static ObjectNode roadnet() {
    return (ObjectNode) tree("corridor/roadnet.json");
  }

  /** A fresh, editable copy of the flow file. */
  static ArrayNode flow() {
    return (ArrayNode) tree("corridor/flow.json");
  }

  /** The roadnet's text as written in the resource, for edits below the JSON level. */
  static String roadnetText() {
    try (InputStream in = resource("corridor/roadnet.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CityFlow {@code config.json} for the given files (relative to the config's folder). */
  static ObjectNode configFor(String roadnetFile, String flowFile) {
    ObjectNode config = RunOutputs.JSON.createObjectNode();
    config.put("interval", 1.0);
    config.put("seed", 0);
    config.put("dir", "./");
    config.put("roadnetFile", roadnetFile);
    config.put("flowFile", flowFile);
    config.put("rlTrafficLight", false);
    config.put("laneChange", false);
    config.put("saveReplay", false);
    return config;
  }

  /** Writes the valid roadnet and flow as {@value #ROADNET} and {@value #FLOW} in {@code dir}. */
  static void writeValid(Path dir) {
    write(dir, ROADNET, roadnet());
    write(dir, FLOW, flow());
  }

  /** Writes {@code json} to {@code dir/name}; returns {@code name}, as given on the command line. */
  static String write(Path dir, String name, JsonNode json) {
    try {
      Files.writeString(
          dir.resolve(name), RunOutputs.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code dir/name}; returns {@code name}. */
  static String write(Path dir, String name, String text) {
    try {
      Files.writeString(dir.resolve(name), text);
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String resource) {
    try (InputStream in = resource(resource)) {
      return RunOutputs.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Corridor.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("test resource " + name + " is missing");
    }
    return in;
  }
}

package io.citybrain.cli.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.traffic.metrics.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Controller parameter files: a JSON object {@code {"controller": "...", "parameters": {name:
 * number}}} or a plain object of numbers.
 */
public final class ParameterFiles {
  private ParameterFiles() {}

  /** Reads the parameters of a file. */
  public static Map<String, Double> read(Path file) throws IOException {
    JsonNode root;
    try {
      // Files, not Jackson's File overload: a missing file must give NoSuchFileException
      root = ResultFiles.json().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new UsageException(
          file + ": line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
              + ": malformed JSON: " + e.getOriginalMessage());
    }
    if (root != null && root.has("parameters")) {
      root = root.get("parameters");
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(file + ": expected a JSON object of parameter names to numbers");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isNumber()) {
        throw new UsageException(file + ": parameters." + e.getKey() + ": expected a number, got " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().doubleValue());
    }
    return out;
  }
}

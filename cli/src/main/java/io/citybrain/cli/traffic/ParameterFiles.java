package io.citybrain.cli.traffic;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.traffic.io.InputFiles;
import io.citybrain.commons.input.InputValidationException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Controller parameter files: a JSON object {@code {"controller": "...", "parameters": {name:
 * number}}} or a plain object of numbers.
 */
public final class ParameterFiles {
  /** Strict where silence would hide a mistake: a repeated name (content after the object is checked below). */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * What a parameter file holds.
   *
   * @param controller the controller the file was written for, when it says
   * @param parameters values by name, file order
   * @param path the JSON path of the parameters object ({@code "parameters."} or {@code ""}), for
   *     messages
   */
  public record Contents(Optional<String> controller, Map<String, Double> parameters, String path) {}

  private ParameterFiles() {}

  /** Reads the parameters of a file. */
  public static Map<String, Double> read(Path file) throws InputValidationException {
    return readContents(file).parameters();
  }

  /**
   * Reads a parameter file.
   *
   * @throws InputValidationException when the file cannot be read (missing, a folder, a device)
   * @throws UsageException for malformed JSON or a wrong shape, naming the file and the JSON path
   */
  public static Contents readContents(Path file) throws InputValidationException {
    byte[] bytes = InputFiles.read(file, "a JSON file of controller parameters");
    JsonNode root;
    try (JsonParser parser = JSON.createParser(bytes)) {
      root = JSON.readTree(parser);
      if (root != null && parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new UsageException(
            file + ": line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": malformed JSON: content after the parameter object; expected the end of the file");
      }
    } catch (JsonProcessingException e) {
      throw new UsageException(
          file + ": line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
              + ": malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new UsageException(file + ": cannot be read: " + e.getMessage());
    }
    Optional<String> controller = Optional.empty();
    String path = "";
    if (root != null && root.isObject() && root.has("parameters")) {
      JsonNode c = root.get("controller");
      if (c != null && !c.isNull()) {
        if (!c.isTextual()) {
          throw new UsageException(file + ": controller: expected a controller name, got " + c);
        }
        controller = Optional.of(c.textValue());
      }
      root = root.get("parameters");
      path = "parameters.";
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(file + ": expected a JSON object of parameter names to numbers");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isNumber()) {
        throw new UsageException(file + ": " + path + e.getKey() + ": expected a number, got " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().doubleValue());
    }
    return new Contents(controller, out, path);
  }
}

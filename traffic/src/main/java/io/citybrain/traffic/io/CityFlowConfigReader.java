package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.traffic.io.JsonFields.NumberRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a CityFlow {@code config.json} into a {@link CityFlowConfig}, reporting every problem
 * together in the same form as the roadnet and flow readers.
 *
 * <p>Keys, as CityFlow's {@code Engine::loadConfig} requires them: {@code interval} (number &gt;
 * 0, s; at most 10, the simulator's longest step), {@code seed} (integer), {@code dir}, {@code roadnetFile}, {@code flowFile} (non-empty
 * strings except {@code dir}, which may be empty), {@code rlTrafficLight} and {@code saveReplay}
 * (booleans); optional {@code laneChange} (boolean, default false); {@code roadnetLogFile} and
 * {@code replayLogFile} (strings), required when {@code saveReplay} is true. Other keys are
 * ignored.
 *
 * <p><b>Paths differ from CityFlow on purpose.</b> CityFlow glues {@code dir} and the file name
 * together as strings and resolves the result against the process's working directory. Here
 * {@code dir} is a folder resolved against the folder holding the config file (an absolute {@code
 * dir} stays as it is), and the other paths are resolved against it, so a scenario folder can be
 * run from anywhere. A config whose {@code dir} is {@code "./"} or {@code ""}, the common case,
 * means the same in both as long as CityFlow is started in the config's folder.
 */
public final class CityFlowConfigReader {
  private static final String ROOT = "(root)";
  private static final String OWNER = "config";

  private CityFlowConfigReader() {}

  /**
   * Reads a config file; {@code dir} is resolved against the file's folder.
   *
   * @param file the config JSON; problems name it as {@code file.toString()}
   * @return the configuration
   * @throws InputValidationException with every problem found
   * @throws IOException when the file cannot be read
   */
  public static CityFlowConfig read(Path file) throws InputValidationException, IOException {
    Path folder = file.getParent();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), folder == null ? Path.of("") : folder);
    }
  }

  /**
   * Reads a config document from a stream (not closed).
   *
   * @param in the config JSON
   * @param fileName the name to give in problems
   * @param baseFolder the folder {@code dir} is relative to (normally the config file's folder)
   * @return the configuration
   * @throws InputValidationException with every problem found
   * @throws IOException when reading fails
   */
  public static CityFlowConfig read(InputStream in, String fileName, Path baseFolder)
      throws InputValidationException, IOException {
    JsonNode root = JsonFiles.parse(in, fileName);
    JsonFields fields = new JsonFields(fileName);
    if (!root.isObject()) {
      fields.report(ROOT, "the config is " + JsonFields.describe(root) + "; expected a JSON object");
      fields.throwIfAny();
    }
    Double interval =
        fields.plausible(
            fields.number(root.get("interval"), "interval", OWNER, "interval", NumberRule.POSITIVE),
            "interval", OWNER, "interval", InputLimits.STEP_SECONDS);
    Long seed = seed(root.get("seed"), fields);
    Path directory = directory(root.get("dir"), baseFolder, fields);
    String roadnetFile = fileName(root, "roadnetFile", true, fields);
    String flowFile = fileName(root, "flowFile", true, fields);
    Boolean rlTrafficLight = fields.bool(root.get("rlTrafficLight"), "rlTrafficLight", OWNER, "rlTrafficLight");
    Boolean laneChange = fields.optionalBool(root.get("laneChange"), "laneChange", OWNER, "laneChange", false);
    Boolean saveReplay = fields.bool(root.get("saveReplay"), "saveReplay", OWNER, "saveReplay");
    boolean replayRequired = Boolean.TRUE.equals(saveReplay);
    String roadnetLogFile = fileName(root, "roadnetLogFile", replayRequired, fields);
    String replayLogFile = fileName(root, "replayLogFile", replayRequired, fields);
    fields.throwIfAny();
    return new CityFlowConfig(
        interval,
        seed,
        directory,
        roadnetFile,
        flowFile,
        rlTrafficLight,
        laneChange,
        saveReplay,
        Optional.ofNullable(roadnetLogFile),
        Optional.ofNullable(replayLogFile));
  }

  private static Long seed(JsonNode value, JsonFields fields) {
    if (value == null) {
      fields.report("seed", OWNER + ": seed is missing; expected an integer");
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      fields.report("seed", OWNER + ": seed is " + JsonFields.describe(value) + "; expected an integer");
      return null;
    }
    return value.longValue();
  }

  private static Path directory(JsonNode value, Path baseFolder, JsonFields fields) {
    String dir = fields.string(value, "dir", OWNER, "dir");
    if (dir == null) {
      return null;
    }
    try {
      return baseFolder.resolve(dir);
    } catch (InvalidPathException e) {
      fields.report("dir", OWNER + ": dir " + JsonFields.quote(dir) + " is not a valid path; expected a folder path");
      return null;
    }
  }

  /** A required (or, when {@code required} is false, optional) non-empty path string. */
  private static String fileName(JsonNode root, String key, boolean required, JsonFields fields) {
    JsonNode value = root.get(key);
    if (!required && (value == null || value.isNull())) {
      return null;
    }
    String name = fields.string(value, key, OWNER, key);
    if (name == null) {
      return null;
    }
    if (name.isEmpty()) {
      fields.report(key, OWNER + ": " + key + " is an empty string; expected a file path");
      return null;
    }
    try {
      Path.of(name);
    } catch (InvalidPathException e) {
      fields.report(key, OWNER + ": " + key + " " + JsonFields.quote(name) + " is not a valid path; expected a file path");
      return null;
    }
    return name;
  }
}

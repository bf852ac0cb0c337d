package io.citybrain.traffic.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.citybrain.traffic.control.SignalTiming;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of benchmark protocols. A protocol is one JSON file, {@code NAME.json}, in this
 * package's resource folder ({@code io/citybrain/traffic/protocol/}), listed by name in {@code
 * protocols.txt} there; adding a protocol is adding that file and that line. A user's own
 * protocol file can be read with {@link #read(Path)}.
 *
 * <p>File format (every field required unless marked optional):
 *
 * <pre>
 * { "name": "xlight15", "description": "...", "source": "...",
 *   "steps": 3600, "intervalSeconds": 1.0, "seed": 0, "laneChange": true,
 *   "phases": [1, 2, 3, 4],                  // [] = every green phase
 *   "initialPhase": 1,                       // optional, default -1 (none)
 *   "timing": { "minGreenSeconds": 10, "yellowSeconds": 5, "decisionIntervalSeconds": 15 },
 *                                            // optional: absent = each controller's own
 *   "controllerParameters": { "fixed-time": { "greenSeconds": 15 } },   // optional
 *   "metrics": ["intersection-travel-time", "average-travel-time"] }
 * </pre>
 */
public final class Protocols {
  private static final String FOLDER = "/io/citybrain/traffic/protocol/";
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "source",
          "steps",
          "intervalSeconds",
          "seed",
          "laneChange",
          "phases",
          "initialPhase",
          "timing",
          "controllerParameters",
          "metrics");

  private Protocols() {}

  /** Names of the bundled protocols, in the order of {@code protocols.txt}. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    try (InputStream in = Protocols.class.getResourceAsStream(FOLDER + "protocols.txt")) {
      if (in == null) {
        throw new IllegalStateException("protocols.txt is missing from the traffic library");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String n = line.strip();
        if (!n.isEmpty() && !n.startsWith("#")) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the protocol list", e);
    }
    return names;
  }

  /**
   * The bundled protocol named {@code name}.
   *
   * @throws IllegalArgumentException naming the known protocols when there is none
   * @throws IllegalStateException when a bundled file is invalid (a build error)
   */
  public static Protocol require(String name) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException(
          "unknown protocol '" + name + "'; known: " + String.join(", ", names()));
    }
    String file = name + ".json";
    try (InputStream in = Protocols.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("protocol file " + file + " is missing");
      }
      Protocol p = parse(in.readAllBytes(), file);
      if (!p.name().equals(name)) {
        throw new IllegalStateException(file + " names protocol '" + p.name() + "'");
      }
      return p;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    } catch (InputValidationException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Reads a protocol file.
   *
   * @throws InputValidationException naming the file, the field and what was expected
   * @throws IOException when the file cannot be read
   */
  public static Protocol read(Path file) throws InputValidationException, IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  static Protocol parse(byte[] json, String file) throws InputValidationException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InputValidationException(
          InputProblem.inWhole(file, "not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InputValidationException(InputProblem.inWhole(file, e.getMessage()));
    }
    Fields f = new Fields(file);
    if (root == null || !root.isObject()) {
      throw new InputValidationException(
          InputProblem.atJsonPath(file, "", "expected a JSON object describing a protocol"));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!FIELDS.contains(k)) {
        f.problem(k, "unknown field; expected one of " + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String name = f.text(root, "name");
    String description = f.text(root, "description");
    String source = f.text(root, "source");
    int steps = (int) f.number(root, "steps", 1, 10_000_000, true);
    double interval = f.number(root, "intervalSeconds", Double.MIN_VALUE, 10, false);
    long seed = (long) f.number(root, "seed", 0, Long.MAX_VALUE, true);
    boolean laneChange = f.bool(root, "laneChange");
    List<Integer> phases = new ArrayList<>();
    JsonNode ph = root.get("phases");
    if (ph == null || !ph.isArray()) {
      f.problem("phases", "expected an array of phase indices ([] for every green phase)");
    } else {
      for (int i = 0; i < ph.size(); i++) {
        JsonNode n = ph.get(i);
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
          f.problem("phases[" + i + "]", "expected a phase index >= 0, got " + n);
        } else {
          phases.add(n.asInt());
        }
      }
    }
    int initial = -1;
    if (root.has("initialPhase")) {
      initial = (int) f.number(root, "initialPhase", -1, 1000, true);
    }
    Optional<SignalTiming> timing = Optional.empty();
    JsonNode t = root.get("timing");
    if (t != null && !t.isNull()) {
      if (!t.isObject()) {
        f.problem("timing", "expected an object with minGreenSeconds, yellowSeconds, decisionIntervalSeconds");
      } else {
        double minGreen = f.number(t, "timing.", "minGreenSeconds", 0, 3600, false);
        double yellow = f.number(t, "timing.", "yellowSeconds", 0, 3600, false);
        double decision = f.number(t, "timing.", "decisionIntervalSeconds", Double.MIN_VALUE, 3600, false);
        if (f.problems.isEmpty()) {
          timing = Optional.of(new SignalTiming(minGreen, yellow, decision));
        }
      }
    }
    Map<String, Map<String, Double>> params = new LinkedHashMap<>();
    JsonNode cp = root.get("controllerParameters");
    if (cp != null && !cp.isNull()) {
      if (!cp.isObject()) {
        f.problem("controllerParameters", "expected an object: controller name -> {parameter: value}");
      } else {
        for (Iterator<String> it = cp.fieldNames(); it.hasNext(); ) {
          String controller = it.next();
          JsonNode values = cp.get(controller);
          Map<String, Double> m = new LinkedHashMap<>();
          if (!values.isObject()) {
            f.problem("controllerParameters." + controller, "expected an object {parameter: number}");
            continue;
          }
          for (Iterator<String> pit = values.fieldNames(); pit.hasNext(); ) {
            String p = pit.next();
            JsonNode v = values.get(p);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
              f.problem("controllerParameters." + controller + "." + p, "expected a number, got " + v);
            } else {
              m.put(p, v.asDouble());
            }
          }
          params.put(controller, m);
        }
      }
    }
    List<String> metrics = new ArrayList<>();
    JsonNode ms = root.get("metrics");
    if (ms == null || !ms.isArray() || ms.isEmpty()) {
      f.problem("metrics", "expected a non-empty array of metric names from " + Protocol.METRICS);
    } else {
      for (int i = 0; i < ms.size(); i++) {
        String m = ms.get(i).asText();
        if (!ms.get(i).isTextual() || !Protocol.METRICS.contains(m)) {
          f.problem("metrics[" + i + "]", "expected one of " + Protocol.METRICS + ", got " + ms.get(i));
        } else {
          metrics.add(m);
        }
      }
    }
    if (!f.problems.isEmpty()) {
      throw new InputValidationException(f.problems);
    }
    return new Protocol(
        name, description, source, steps, interval, seed, laneChange, phases, initial, timing, params, metrics);
  }

  /** Field readers that collect problems instead of stopping at the first. */
  private static final class Fields {
    final String file;
    final List<InputProblem> problems = new ArrayList<>();

    Fields(String file) {
      this.file = file;
    }

    void problem(String location, String message) {
      problems.add(InputProblem.atJsonPath(file, location, message));
    }

    String text(JsonNode o, String k) {
      JsonNode n = o.get(k);
      if (n == null || !n.isTextual() || n.asText().isBlank()) {
        problem(k, "expected a non-empty string");
        return "";
      }
      return n.asText();
    }

    boolean bool(JsonNode o, String k) {
      JsonNode n = o.get(k);
      if (n == null || !n.isBoolean()) {
        problem(k, "expected true or false");
        return false;
      }
      return n.asBoolean();
    }

    double number(JsonNode o, String k, double min, double max, boolean integral) {
      return number(o, "", k, min, max, integral);
    }

    double number(JsonNode o, String prefix, String k, double min, double max, boolean integral) {
      JsonNode n = o.get(k);
      String what = integral ? "an integer" : "a number";
      if (n == null || !n.isNumber() || (integral && !n.isIntegralNumber())) {
        problem(prefix + k, "expected " + what + " in [" + fmt(min) + ", " + fmt(max) + "]");
        return min;
      }
      double v = n.asDouble();
      if (!(v >= min && v <= max)) {
        problem(prefix + k, "is " + n + "; expected " + what + " in [" + fmt(min) + ", " + fmt(max) + "]");
        return min;
      }
      return integral ? n.asLong() : v;
    }

    private static String fmt(double d) {
      if (d == Double.MIN_VALUE) {
        return "more than 0";
      }
      return d == Math.rint(d) && Math.abs(d) < 1e18 ? String.valueOf((long) d) : String.valueOf(d);
    }
  }
}

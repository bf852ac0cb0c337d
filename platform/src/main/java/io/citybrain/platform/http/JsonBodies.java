package io.citybrain.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.grid.DispatchRequest;
import io.citybrain.platform.runs.RunRequest;
import io.citybrain.platform.storage.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies: malformed JSON is a 400 naming line and column; a well-formed body with
 * fields of the wrong type, or unknown fields, is a 422 naming each field.
 */
final class JsonBodies {
  private static final List<String> RUN_FIELDS =
      List.of("scenario", "controller", "parameters", "seed", "steps", "replay", "paceStepsPerSecond");

  /**
   * Strict where silence would let an ambiguous request through: a field given twice (the last one
   * used to win) and content after the object are malformed JSON.
   */
  private static final ObjectMapper STRICT =
      Json.mapper().copy().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** Parses a JSON body, or throws 400 {@code malformed_json}. */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw HttpProblem.badRequest("malformed_json", "the request body is empty; expected a JSON object");
    }
    try {
      JsonNode node = STRICT.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw HttpProblem.badRequest("malformed_json", "the request body is empty; expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String why = e.getOriginalMessage();
      if (why != null && why.startsWith("Trailing token")) {
        why = "content after the JSON value; expected one JSON object";
      }
      throw HttpProblem.badRequest(
          "malformed_json",
          "malformed JSON at line " + (loc == null ? "?" : loc.getLineNr()) + ", column "
              + (loc == null ? "?" : loc.getColumnNr()) + ": " + why);
    } catch (IOException e) {
      throw HttpProblem.badRequest("malformed_json", "cannot read the request body: " + e.getMessage());
    }
  }

  /** Reads a {@link RunRequest}; type errors and unknown fields are reported together. */
  static RunRequest runRequest(byte[] body) {
    JsonNode n = parse(body);
    if (!n.isObject()) {
      throw InvalidRequestException.of("(body)", "expected a JSON object, got " + kind(n));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!RUN_FIELDS.contains(f)) {
        errors.put(f, "unknown field; known: " + String.join(", ", RUN_FIELDS));
      }
    }
    String scenario = text(n, "scenario", errors);
    String controller = text(n, "controller", errors);
    Map<String, Double> parameters = numbers(n, "parameters", "{\"minGreenSeconds\": 10}", errors);
    Long seed = null;
    JsonNode s = n.get("seed");
    if (s != null && !s.isNull()) {
      if (s.isIntegralNumber() && s.canConvertToLong()) {
        seed = s.longValue();
      } else {
        errors.put("seed", "expected an integer, got " + kind(s));
      }
    }
    Integer steps = null;
    JsonNode st = n.get("steps");
    if (st != null && !st.isNull()) {
      if (st.isIntegralNumber() && st.canConvertToInt()) {
        steps = st.intValue();
      } else {
        errors.put("steps", "expected an integer, got " + kind(st));
      }
    }
    Boolean replay = null;
    JsonNode r = n.get("replay");
    if (r != null && !r.isNull()) {
      if (r.isBoolean()) {
        replay = r.booleanValue();
      } else {
        errors.put("replay", "expected true or false, got " + kind(r));
      }
    }
    Double pace = null;
    JsonNode pc = n.get("paceStepsPerSecond");
    if (pc != null && !pc.isNull()) {
      if (pc.isNumber()) {
        pace = pc.doubleValue();
      } else {
        errors.put("paceStepsPerSecond", "expected a number, got " + kind(pc));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new RunRequest(scenario, controller, parameters, seed, steps, replay, pace);
  }

  private static final List<String> DISPATCH_FIELDS = List.of("case", "dispatcher", "parameters", "jurisdiction");

  /** Reads a {@link DispatchRequest}; type errors and unknown fields are reported together. */
  static DispatchRequest dispatchRequest(byte[] body) {
    JsonNode n = parse(body);
    if (!n.isObject()) {
      throw InvalidRequestException.of("(body)", "expected a JSON object, got " + kind(n));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!DISPATCH_FIELDS.contains(f)) {
        errors.put(f, "unknown field; known: " + String.join(", ", DISPATCH_FIELDS));
      }
    }
    String gridCase = text(n, "case", errors);
    String dispatcher = text(n, "dispatcher", errors);
    text(n, "jurisdiction", errors); // checked and applied by the route's scope rule (ScopeRules)
    Map<String, Double> parameters = numbers(n, "parameters", "{\"relativeGap\": 1e-9}", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new DispatchRequest(gridCase, dispatcher, parameters);
  }

  /** An optional object of numbers, {@code field.<name>} errors for non-numbers. */
  private static Map<String, Double> numbers(JsonNode n, String field, String example, Map<String, String> errors) {
    Map<String, Double> values = new LinkedHashMap<>();
    JsonNode p = n.get(field);
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        errors.put(field, "expected an object of numbers such as " + example + ", got " + kind(p));
      } else {
        for (Map.Entry<String, JsonNode> e : p.properties()) {
          if (e.getValue().isNumber()) {
            values.put(e.getKey(), e.getValue().doubleValue());
          } else {
            errors.put(field + "." + e.getKey(), "expected a number, got " + kind(e.getValue()));
          }
        }
      }
    }
    return values;
  }

  private static String text(JsonNode n, String field, Map<String, String> errors) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      errors.put(field, "expected a string, got " + kind(v));
      return null;
    }
    return v.textValue();
  }

  private static String kind(JsonNode n) {
    String text = n.toString();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + text;
  }
}

package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Typed access to the members of a Jackson tree that collects every problem found instead of
 * stopping at the first. Each accessor returns the value, or {@code null} after recording a
 * problem (missing, wrong JSON type, not finite, out of range); callers skip checks that depend on
 * a {@code null} value, so one mistake yields one problem.
 *
 * <p>Messages read {@code <owner>: <name> is <bad value>; expected <rule>}, where the owner names
 * the object's kind and id (for example {@code road 'W_C'}).
 */
final class JsonFields {
  /** A rule for a number: its test and how to describe it in a message. */
  record NumberRule(String expectation, DoublePredicate test) {
    static final NumberRule ANY = new NumberRule("a finite number", d -> true);
    static final NumberRule POSITIVE = new NumberRule("a finite number > 0", d -> d > 0);
    static final NumberRule NON_NEGATIVE = new NumberRule("a finite number >= 0", d -> d >= 0);
  }

  private static final int MAX_QUOTED_LENGTH = 60;

  private final String fileName;
  private final List<InputProblem> problems = new ArrayList<>();

  /** @param fileName the file's name as the user gave it */
  JsonFields(String fileName) {
    this.fileName = fileName;
  }

  /** Records a problem at a JSON path. */
  void report(String path, String message) {
    problems.add(InputProblem.atJsonPath(fileName, path, message));
  }

  /** Number of problems recorded so far. */
  int problemCount() {
    return problems.size();
  }

  /** The problems recorded so far, in the order found. */
  List<InputProblem> problems() {
    return List.copyOf(problems);
  }

  /** Throws all problems recorded so far, in the order found, if there is any. */
  void throwIfAny() throws InputValidationException {
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
  }

  /** The path of member {@code field} of the object at {@code parent} ({@code ""} for the root). */
  static String member(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  /** The path of element {@code index} of the array at {@code parent}. */
  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** A short description of a JSON value for messages: {@code -3}, {@code the string "x"}, {@code an object}. */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isNumber()) {
      return value.asText();
    }
    if (value.isTextual()) {
      return "the string " + quote(value.textValue());
    }
    if (value.isBoolean()) {
      return value.asText();
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isArray()) {
      return value.isEmpty() ? "an empty array" : "an array";
    }
    return "an object";
  }

  /** {@code "text"} in double quotes, shortened when long. */
  static String quote(String text) {
    String shown = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
    return "\"" + shown + "\"";
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isMissingNode();
  }

  /** A required JSON object; {@code value} is the member (or {@code null} when absent). */
  JsonNode object(JsonNode value, String path, String owner, String name, String expectation) {
    if (absent(value)) {
      report(path, owner + ": " + name + " is missing; expected " + expectation);
      return null;
    }
    if (!value.isObject()) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected " + expectation);
      return null;
    }
    return value;
  }

  /** A required JSON array. */
  JsonNode array(JsonNode value, String path, String owner, String name, String expectation) {
    if (absent(value)) {
      report(path, owner + ": " + name + " is missing; expected " + expectation);
      return null;
    }
    if (!value.isArray()) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected " + expectation);
      return null;
    }
    return value;
  }

  /**
   * An optional JSON array: {@code null} without a problem when absent or JSON {@code null};
   * {@code null} with a problem when of another type.
   */
  JsonNode optionalArray(JsonNode value, String path, String owner, String name, String expectation) {
    if (absent(value) || value.isNull()) {
      return null;
    }
    return array(value, path, owner, name, expectation);
  }

  /** A required string. */
  String string(JsonNode value, String path, String owner, String name) {
    if (absent(value)) {
      report(path, owner + ": " + name + " is missing; expected a string");
      return null;
    }
    if (!value.isTextual()) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected a string");
      return null;
    }
    return value.textValue();
  }

  /** A required boolean. */
  Boolean bool(JsonNode value, String path, String owner, String name) {
    if (absent(value)) {
      report(path, owner + ": " + name + " is missing; expected true or false");
      return null;
    }
    if (!value.isBoolean()) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected true or false");
      return null;
    }
    return value.booleanValue();
  }

  /** An optional boolean: {@code fallback} when absent or JSON {@code null}. */
  Boolean optionalBool(JsonNode value, String path, String owner, String name, boolean fallback) {
    if (absent(value) || value.isNull()) {
      return fallback;
    }
    return bool(value, path, owner, name);
  }

  /** A required finite number satisfying {@code rule}. */
  Double number(JsonNode value, String path, String owner, String name, NumberRule rule) {
    if (absent(value)) {
      report(path, owner + ": " + name + " is missing; expected " + rule.expectation());
      return null;
    }
    if (!value.isNumber()) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected " + rule.expectation());
      return null;
    }
    double d = value.doubleValue();
    if (!Double.isFinite(d) || !rule.test().test(d)) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected " + rule.expectation());
      return null;
    }
    return d;
  }

  /** An optional finite number satisfying {@code rule}: {@code fallback} when absent or JSON {@code null}. */
  Double optionalNumber(
      JsonNode value, String path, String owner, String name, NumberRule rule, double fallback) {
    if (absent(value) || value.isNull()) {
      return fallback;
    }
    return number(value, path, owner, name, rule);
  }

  /**
   * Checks a value already read against a plausible range ({@link InputLimits}): {@code null}
   * (passed through) or the value when within, {@code null} after a problem when outside.
   */
  Double plausible(Double value, String path, String owner, String name, InputLimits.Range range) {
    if (value == null || range.contains(value)) {
      return value;
    }
    report(path, owner + ": " + name + " is " + value + "; expected " + range.expectation(value));
    return null;
  }

  /** A required integer (a JSON number without fraction or exponent, in {@code int} range). */
  Integer integer(JsonNode value, String path, String owner, String name) {
    if (absent(value)) {
      report(path, owner + ": " + name + " is missing; expected an integer");
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      report(path, owner + ": " + name + " is " + describe(value) + "; expected an integer");
      return null;
    }
    return value.intValue();
  }
}

package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Parses JSON input files into Jackson trees and turns syntax errors into {@link InputProblem}s
 * located by line and column.
 *
 * <p>Parsing is strict where silence would hide mistakes: a key repeated in one object and content
 * after the root value are syntax errors. {@code NaN} and {@code Infinity} are accepted by the
 * parser (Python's {@code json.dump} writes them) so that the readers can reject them with a JSON
 * path and a clear message instead of a bare syntax error.
 */
final class JsonFiles {
  /** The shared, thread-safe mapper used by all CityFlow readers and writers. */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** A location inside a Jackson message: {@code [Source: ...; line: L, column: C]}. */
  private static final Pattern JACKSON_LOCATION =
      Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  /** The name of the Jackson setting behind a limit, {@code , from `StreamReadConstraints...`)}: not for users. */
  private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(", from `[^`]*`\\)");

  private JsonFiles() {}

  /** The factory behind {@link #MAPPER}, for streaming writers. */
  static JsonFactory factory() {
    return MAPPER.getFactory();
  }

  /**
   * Reads one JSON document.
   *
   * @param in the document, UTF-8 (or UTF-16/32 with a byte-order mark); not closed
   * @param fileName the file's name as the user gave it, used in problems
   * @return the root node, never {@code null} or missing
   * @throws InputValidationException with one problem at {@code line L, column C} when the text is
   *     not well-formed JSON, or at {@code line 1, column 1} when it is empty
   * @throws IOException when reading fails
   */
  static JsonNode parse(InputStream in, String fileName) throws InputValidationException, IOException {
    JsonNode root;
    try (JsonParser parser = MAPPER.createParser(in).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
      JsonToken first = null;
      try {
        first = parser.nextToken(); // readTree starts from it
        root = MAPPER.readTree(parser);
        if (root != null && !root.isMissingNode()) {
          JsonToken extra = parser.nextToken();
          if (extra != null) {
            throw new InputValidationException(
                problem(
                    fileName,
                    parser.currentTokenLocation(),
                    "malformed JSON: Trailing token (" + extra + ") after the root value; expected the end of the file"));
          }
        }
      } catch (JsonProcessingException e) {
        // limits such as the nesting depth are reported without a location: the parser knows it
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        if (first != null && first.isNumeric() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
          // CBEngine's text files start with a count followed by more numbers
          throw new InputValidationException(
              problem(
                  fileName,
                  where,
                  "malformed JSON: a number followed by more values, as in a CBEngine text file (KDD Cup 2021"
                      + " City Brain Challenge format); expected CityFlow JSON: convert CBEngine files with"
                      + " 'citybrain traffic convert'"));
        }
        throw new InputValidationException(
            problem(fileName, where, "malformed JSON: " + plainLocations(e.getOriginalMessage())));
      }
    }
    if (root == null || root.isMissingNode()) {
      throw new InputValidationException(
          InputProblem.atLine(fileName, 1, 1, "the file is empty; expected a JSON document"));
    }
    return root;
  }

  /** A problem at Jackson's location; the whole file when Jackson knows none. */
  private static InputProblem problem(String fileName, JsonLocation where, String message) {
    return where == null || where.getLineNr() < 1
        ? InputProblem.inWhole(fileName, message)
        : InputProblem.atLine(fileName, where.getLineNr(), Math.max(0, where.getColumnNr()), message);
  }

  /**
   * Jackson's messages can quote a second location (such as where an unclosed array started) as
   * {@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 6,
   * column: 19]}; users get {@code line 6, column 19}, the form of the problem's own location.
   */
  private static String plainLocations(String message) {
    return message == null
        ? ""
        : CONSTRAINT_SOURCE.matcher(JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2")).replaceAll(")");
  }
}

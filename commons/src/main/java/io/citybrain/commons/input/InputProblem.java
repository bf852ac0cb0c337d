package io.citybrain.commons.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One problem found in an input (a file, an uploaded part, a request document) of any format:
 * which input, where in it, and what is wrong.
 *
 * <p>Messages follow one convention across formats: {@code <what> is <found>; expected <rule>},
 * naming the object and its id where there is one, e.g. {@code road 'W_C': length is -3; expected a
 * finite number > 0}. So a message always says what was found and what was expected.
 *
 * <p>As JSON (API error answers): {@code {"file", "location" (the location in words), "message",
 * "where" (the structured location with its "kind")}}.
 *
 * @param file the input's name as the user gave it (a file name or path, an upload's part name)
 * @param where the structured location
 * @param message what is wrong and what was expected
 */
@JsonPropertyOrder({"file", "location", "message", "where"})
public record InputProblem(String file, InputLocation where, String message) {

  /** A problem at a JSON path such as {@code flow[12].route[3]}. */
  public static InputProblem atJsonPath(String file, String path, String message) {
    return new InputProblem(file, new InputLocation.JsonPath(path), message);
  }

  /** A problem at a line (and column, 0 for the whole line) of a text file. */
  public static InputProblem atLine(String file, int line, int column, String message) {
    return new InputProblem(file, new InputLocation.TextPosition(line, column), message);
  }

  /** A problem at a matrix cell (see {@link InputLocation.MatrixCell} for the parts). */
  public static InputProblem atCell(
      String file, String matrix, int row, int column, String columnName, int line, String message) {
    return new InputProblem(file, new InputLocation.MatrixCell(matrix, row, column, columnName, line), message);
  }

  /** A problem with a whole matrix (or, with an empty {@code matrix}, with the file) at a line (0 when not known). */
  public static InputProblem atMatrix(String file, String matrix, int line, String message) {
    return atCell(file, matrix, 0, 0, "", line, message);
  }

  /** A problem with the input as a whole (missing, not a regular file, too large, empty). */
  public static InputProblem inWhole(String file, String message) {
    return new InputProblem(file, new InputLocation.WholeInput(), message);
  }

  /** The location in words, e.g. {@code flow[12].route[3]}; empty for the whole input. */
  @JsonProperty("location")
  public String location() {
    return where.describe();
  }

  /** {@code file: location: message} (the location left out when it is the whole input): the form printed to users. */
  public String format() {
    String at = location();
    return file + ": " + (at.isEmpty() ? "" : at + ": ") + message;
  }

  @Override
  public String toString() {
    return format();
  }
}

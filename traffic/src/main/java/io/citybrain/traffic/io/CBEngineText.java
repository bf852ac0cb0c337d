package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.commons.input.InputLocation;
import io.citybrain.commons.input.InputProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line structure shared by the CBEngine text formats (roadnet and flow files of the KDD Cup
 * 2021 City Brain Challenge): one record per line, fields separated by spaces or tabs, {@code //}
 * starting a comment to the end of the line (the format's documentation annotates its examples so),
 * blank lines ignored. Reads the whole file into numbered records, walks them with a cursor, parses
 * fields, and collects every problem as an {@link InputProblem} located at {@code line N} (1-based
 * line numbers of the file). Package-private: used by the two CBEngine readers.
 */
final class CBEngineText {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** One non-blank line: its 1-based number in the file and its fields. */
  record Line(int number, String[] fields) {
    InputLocation location() {
      return new InputLocation.TextPosition(number, 0);
    }
  }

  private final String fileName;
  private final List<Line> lines;
  private final int lastLineNumber;
  private final List<InputProblem> problems = new ArrayList<>();
  private int next;

  private CBEngineText(String fileName, List<Line> lines, int lastLineNumber) {
    this.fileName = fileName;
    this.lines = lines;
    this.lastLineNumber = lastLineNumber;
  }

  /**
   * Reads a file's records (UTF-8; the stream is not closed).
   *
   * @param in the text
   * @param fileName the name to give in problems
   */
  static CBEngineText read(InputStream in, String fileName) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
      number++;
      int comment = raw.indexOf("//");
      String content = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
      if (number == 1 && !content.isEmpty() && content.charAt(0) == '\uFEFF') {
        content = content.substring(1).strip();
      }
      if (!content.isEmpty()) {
        lines.add(new Line(number, content.split("\\s+")));
      }
    }
    return new CBEngineText(fileName, lines, Math.max(number, 1));
  }

  /** True when every record has been taken. */
  boolean atEnd() {
    return next >= lines.size();
  }

  /** The next record, or {@code null} at the end of the file. */
  Line take() {
    return atEnd() ? null : lines.get(next++);
  }

  /** The next record without taking it, or {@code null} at the end of the file. */
  Line peek() {
    return atEnd() ? null : lines.get(next);
  }

  /** Location of the file's end, for "the file ends early" problems: its last line. */
  InputLocation endLocation() {
    return new InputLocation.TextPosition(lastLineNumber, 0);
  }

  /** Records a problem at a location. */
  void report(InputLocation location, String message) {
    problems.add(new InputProblem(fileName, location, message));
  }

  /** Records a problem at a line. */
  void report(Line line, String message) {
    report(line.location(), message);
  }

  /** Number of problems recorded so far. */
  int problemCount() {
    return problems.size();
  }

  /** Throws every problem recorded, in the order found, if there is any. */
  void throwIfAny() throws InputValidationException {
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
  }

  /**
   * Checks that {@code line} has {@code count} fields.
   *
   * @param what what the line should hold, for the message
   * @return true when it has
   */
  boolean expectFields(Line line, int count, String what) {
    if (line.fields().length == count) {
      return true;
    }
    report(
        line,
        "has " + line.fields().length + (line.fields().length == 1 ? " field" : " fields") + " ("
            + quote(String.join(" ", line.fields())) + "); expected " + count + ": " + what);
    return false;
  }

  /**
   * A count line: one integer &ge; 0.
   *
   * @param what what is counted, e.g. {@code road records}
   * @param section the section the count opens, e.g. {@code road section}
   * @param previous what the previous section holds (for the hint when its count is too small), or
   *     {@code null} for the first section
   * @return the count, or -1 after a problem (also at the end of the file)
   */
  int count(String what, String section, String previous) {
    Line line = take();
    if (line == null) {
      report(endLocation(), "the file ends before the " + section + "; expected a line with the number of " + what);
      return -1;
    }
    if (line.fields().length != 1) {
      report(
          line,
          "has " + line.fields().length + " fields (" + quote(String.join(" ", line.fields()))
              + "); expected 1: the number of " + what + " that opens the " + section
              + (previous == null ? "" : ". If this line is one of the " + previous + ", their count is smaller than"
                  + " the number of their lines"));
      return -1;
    }
    Long n = integer(line, 0, "the number of " + what);
    if (n == null) {
      return -1;
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      report(line, "the number of " + what + " is " + n + "; expected an integer >= 0");
      return -1;
    }
    return (int) (long) n;
  }

  /**
   * Field {@code index} of {@code line} as an integer.
   *
   * @param name the field's name for the message
   * @return the value, or {@code null} after a problem
   */
  Long integer(Line line, int index, String name) {
    String text = line.fields()[index];
    if (!INTEGER.matcher(text).matches()) {
      report(line, name + " is " + quote(text) + "; expected an integer");
      return null;
    }
    return Long.parseLong(text);
  }

  /**
   * Field {@code index} of {@code line} as a finite decimal number.
   *
   * @param name the field's name for the message
   * @return the value, or {@code null} after a problem
   */
  Double number(Line line, int index, String name) {
    String text = line.fields()[index];
    if (!DECIMAL.matcher(text).matches() || !Double.isFinite(Double.parseDouble(text))) {
      report(line, name + " is " + quote(text) + "; expected a finite decimal number");
      return null;
    }
    return Double.parseDouble(text);
  }

  /**
   * Field {@code index} of {@code line} as an id: a non-negative integer, returned in canonical form
   * (no sign, no leading zeros) so that {@code 007} and {@code 7} name the same object, as in
   * CBEngine, which reads ids as integers.
   *
   * @param name the field's name for the message
   * @return the id, or {@code null} after a problem
   */
  String id(Line line, int index, String name) {
    String text = line.fields()[index];
    if (!INTEGER.matcher(text).matches() || Long.parseLong(text) < 0) {
      report(line, name + " is " + quote(text) + "; expected an id (an integer >= 0)");
      return null;
    }
    return Long.toString(Long.parseLong(text));
  }

  /** A field quoted for messages, shortened when long. */
  static String quote(String text) {
    String t = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "'" + t + "'";
  }

  /** A number as users wrote it: {@code 20} rather than {@code 20.0}. */
  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}

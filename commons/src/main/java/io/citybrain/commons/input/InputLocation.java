package io.citybrain.commons.input;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where in an input a problem is: a JSON path, a line and column of a text file, a cell of a
 * matrix (MATPOWER), or the input as a whole. {@link #describe()} gives the form printed to users.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputLocation.JsonPath.class, name = "json_path"),
  @JsonSubTypes.Type(value = InputLocation.TextPosition.class, name = "text"),
  @JsonSubTypes.Type(value = InputLocation.MatrixCell.class, name = "matrix_cell"),
  @JsonSubTypes.Type(value = InputLocation.WholeInput.class, name = "whole_input")
})
public sealed interface InputLocation
    permits InputLocation.JsonPath, InputLocation.TextPosition, InputLocation.MatrixCell, InputLocation.WholeInput {

  /** The location in words, e.g. {@code flow[12].route[3]} or {@code line 4, column 7}; empty for the whole input. */
  String describe();

  /**
   * A JSON path such as {@code flow[12].route[3]} or {@code intersections[3].trafficLight.lightphases}
   * (members joined by dots, array elements by {@code [index]}, 0-based; the root is {@code ""}).
   */
  record JsonPath(String path) implements InputLocation {
    @Override
    public String describe() {
      return path.isEmpty() ? "(root)" : path;
    }
  }

  /**
   * A position in a text file.
   *
   * @param line 1-based line, &ge; 1
   * @param column 1-based column; 0 when the problem is about the whole line
   */
  record TextPosition(int line, int column) implements InputLocation {
    @Override
    public String describe() {
      return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }
  }

  /**
   * A cell, row or whole matrix of a matrix-based format (MATPOWER's {@code mpc.bus},
   * {@code mpc.branch}, ...).
   *
   * @param matrix the matrix's name, e.g. {@code mpc.branch}; empty for file-level problems
   * @param row 1-based data row within the matrix; 0 when not about one row
   * @param column 1-based column; 0 when not about one column
   * @param columnName the format's name for the column (e.g. MATPOWER's {@code T_BUS}); empty when not known
   * @param line 1-based line in the file; 0 when not known
   */
  record MatrixCell(String matrix, int row, int column, String columnName, int line) implements InputLocation {
    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder();
      if (!matrix.isEmpty()) {
        sb.append(matrix);
        if (row > 0) {
          sb.append(" row ").append(row);
        }
        if (column > 0) {
          sb.append(row > 0 ? "," : "").append(" column ").append(column);
          if (!columnName.isEmpty()) {
            sb.append(" (").append(columnName).append(')');
          }
        }
        if (line > 0) {
          sb.append(", line ").append(line);
        }
      } else if (line > 0) {
        sb.append("line ").append(line);
      }
      return sb.toString();
    }
  }

  /** The input as a whole: it is missing, not a regular file, too large, empty. */
  record WholeInput() implements InputLocation {
    @Override
    public String describe() {
      return "";
    }
  }
}

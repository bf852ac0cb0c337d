package io.citybrain.grid.io;

/**
 * One problem in a MATPOWER case file: where it is (file, matrix, row, column, line) and what is
 * wrong.
 *
 * @param file the file name as the user gave it
 * @param matrix the MATPOWER field, e.g. {@code mpc.branch}; empty for file-level problems
 * @param row 1-based data row within the matrix; 0 when not about one row
 * @param column 1-based column; 0 when not about one column
 * @param columnName MATPOWER's column name (e.g. {@code T_BUS}); empty when not known
 * @param line 1-based line in the file; 0 when not known
 * @param message what is wrong and what was expected
 */
public record GridInputProblem(
    String file, String matrix, int row, int column, String columnName, int line, String message) {

  /** A problem that concerns the whole file or a whole matrix. */
  public static GridInputProblem of(String file, String matrix, int line, String message) {
    return new GridInputProblem(file, matrix, 0, 0, "", line, message);
  }

  /**
   * {@code file: matrix row R, column C (NAME), line L: message}, leaving out parts that do not
   * apply. This is the form printed to users.
   */
  public String format() {
    StringBuilder sb = new StringBuilder(file).append(": ");
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
      sb.append(": ");
    } else if (line > 0) {
      sb.append("line ").append(line).append(": ");
    }
    return sb.append(message).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}

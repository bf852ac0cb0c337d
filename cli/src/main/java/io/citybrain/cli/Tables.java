package io.citybrain.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;

/** Plain-text tables for terminal output, laid out by picocli's {@link TextTable}. */
public final class Tables {
  private Tables() {}

  /**
   * Renders rows under a header; column widths fit the widest cell.
   *
   * @param header column titles
   * @param rows cells, one array per row, same length as {@code header}
   */
  public static String render(List<String> header, List<String[]> rows) {
    int n = header.size();
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      width[c] = header.get(c).length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    Column[] cols = new Column[n];
    for (int c = 0; c < n; c++) {
      cols[c] = new Column(width[c] + 2, 0, Overflow.WRAP);
    }
    TextTable t = TextTable.forColumns(Help.defaultColorScheme(Help.Ansi.OFF), cols);
    t.addRowValues(header.toArray(new String[0]));
    String[] rule = new String[n];
    for (int c = 0; c < n; c++) {
      rule[c] = "-".repeat(width[c]);
    }
    t.addRowValues(rule);
    for (String[] r : rows) {
      t.addRowValues(r);
    }
    return t.toString();
  }

  /** A number with {@code decimals} decimals, or "-" when it has no value (NaN). */
  public static String num(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
  }

  /** An integer with thousands separators. */
  public static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }
}

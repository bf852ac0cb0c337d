package io.citybrain.grid.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.io.MatlabToken.Kind;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.BusType;
import io.citybrain.grid.network.CostCurve;
import io.citybrain.grid.network.Generator;
import io.citybrain.grid.network.PiecewiseLinearCost;
import io.citybrain.grid.network.PolynomialCost;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MATPOWER case files, format version 2 (MATPOWER manual, Appendix B "Data File Format";
 * {@code help caseformat}): a MATLAB function setting {@code mpc.version = '2'}, {@code
 * mpc.baseMVA}, and the matrices {@code mpc.bus}, {@code mpc.gen}, {@code mpc.branch} and
 * optionally {@code mpc.gencost}. Other fields (such as the cell array {@code mpc.bus_name}) are
 * skipped.
 *
 * <p>Columns read: bus 13 (BUS_I..VMIN), gen the first 10 (GEN_BUS..PMIN), branch 11 to 13
 * (F_BUS..BR_STATUS, ANGMIN, ANGMAX default to ±360), gencost MODEL, STARTUP, SHUTDOWN, NCOST and
 * exactly NCOST coefficients (model 2) or NCOST points (model 1); trailing padding is ignored.
 * Result columns that MATPOWER appends to solved cases are ignored. Rows may come in any order and
 * bus numbers need not be 1..N.
 *
 * <p>All problems are collected and thrown together as a {@link InputValidationException}, each naming
 * the file, matrix, row, column and line: missing fields, wrong column counts, non-numeric values,
 * unknown or duplicate bus numbers, bad bus types, bad cost models or NCOST, and values out of
 * their valid range.
 */
public final class MatpowerReader {
  static final String[] BUS_COLUMNS = {
    "BUS_I", "BUS_TYPE", "PD", "QD", "GS", "BS", "BUS_AREA", "VM", "VA", "BASE_KV", "ZONE", "VMAX", "VMIN"
  };
  static final String[] GEN_COLUMNS = {
    "GEN_BUS", "PG", "QG", "QMAX", "QMIN", "VG", "MBASE", "GEN_STATUS", "PMAX", "PMIN"
  };
  static final String[] BRANCH_COLUMNS = {
    "F_BUS", "T_BUS", "BR_R", "BR_X", "BR_B", "RATE_A", "RATE_B", "RATE_C", "TAP", "SHIFT",
    "BR_STATUS", "ANGMIN", "ANGMAX"
  };
  static final String[] GENCOST_COLUMNS = {"MODEL", "STARTUP", "SHUTDOWN", "NCOST"};

  /**
   * Largest magnitude of a gencost cost value (column 5 on), 1e9. The bundled MATPOWER cases use at
   * most 600; a generator costing 1e9 $/h at 1 MW is far beyond any real one, and values near the
   * double range make the LP numerically meaningless.
   */
  static final double MAX_COST_VALUE = 1e9;
  private static final int MIN_BRANCH_COLUMNS = 11;

  private final String file;
  private final List<InputProblem> problems = new ArrayList<>();

  private MatpowerReader(String file) {
    this.file = file;
  }

  /**
   * Reads a case file.
   *
   * @param path a MATPOWER {@code .m} file (UTF-8, ASCII, or a single-byte encoding such as Latin-1)
   * @return the network, named after the file's function (or the file name)
   * @throws IOException if the file cannot be read
   * @throws InputValidationException with every problem found, if the file is malformed
   */
  public static PowerNetwork read(Path path) throws IOException, InputValidationException {
    return read(path.getFileName().toString(), decode(Files.readAllBytes(path)));
  }

  /**
   * Reads a case from a stream (e.g. a classpath resource).
   *
   * @param fileName name used in error messages and as fallback case name
   * @param in the file's bytes (as for {@link #read(Path)}); not closed
   * @throws IOException if reading fails
   * @throws InputValidationException with every problem found
   */
  public static PowerNetwork read(String fileName, InputStream in) throws IOException, InputValidationException {
    return read(fileName, decode(in.readAllBytes()));
  }

  /**
   * The text of a case file: UTF-8 when it is valid UTF-8, else Latin-1. Case files written on
   * Windows carry Latin-1 author names in their comments; strict UTF-8 refused them with
   * "Input length = 1", though everything read is ASCII.
   */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Reads a case from its text.
   *
   * @param fileName name used in error messages and as fallback case name
   * @param content the file's text
   * @throws InputValidationException with every problem found
   */
  public static PowerNetwork read(String fileName, String content) throws InputValidationException {
    return new MatpowerReader(fileName).parse(content);
  }

  // ---------------------------------------------------------------- syntax

  private sealed interface Value permits Scalar, Text, Matrix, Skipped {
    int line();
  }

  private record Scalar(double value, int line) implements Value {}

  private record Text(String value, int line) implements Value {}

  private record Skipped(int line) implements Value {}

  /** A numeric matrix; {@code rowLines} gives each row's line. Non-numeric cells hold NaN. */
  private record Matrix(String name, List<double[]> rows, List<Integer> rowLines, int line, boolean valid)
      implements Value {}

  private PowerNetwork parse(String content) throws InputValidationException {
    List<MatlabToken> tokens = MatlabTokenizer.tokenize(content);
    Map<String, Value> fields = new LinkedHashMap<>();
    String caseName = file.endsWith(".m") ? file.substring(0, file.length() - 2) : file;
    String prefix = "mpc.";
    int i = 0;
    while (tokens.get(i).kind() != Kind.END) {
      MatlabToken t = tokens.get(i);
      if (t.kind() == Kind.NEWLINE || t.is(Kind.PUNCTUATION, ";") || t.is(Kind.PUNCTUATION, ",")) {
        i++;
      } else if (t.is(Kind.IDENTIFIER, "function")) {
        int j = i + 1;
        List<MatlabToken> header = new ArrayList<>();
        while (tokens.get(j).kind() != Kind.NEWLINE && tokens.get(j).kind() != Kind.END) {
          header.add(tokens.get(j++));
        }
        int eq = indexOf(header, "=");
        if (eq > 0 && eq + 1 < header.size() && header.get(eq + 1).kind() == Kind.IDENTIFIER) {
          caseName = header.get(eq + 1).text();
          if (header.get(eq - 1).kind() == Kind.IDENTIFIER) {
            prefix = header.get(eq - 1).text() + ".";
          }
        }
        i = j;
      } else if (t.kind() == Kind.IDENTIFIER && tokens.get(i + 1).is(Kind.PUNCTUATION, "=")) {
        String name = t.text().startsWith(prefix) ? "mpc." + t.text().substring(prefix.length()) : t.text();
        i = parseValue(tokens, i + 2, name, fields);
      } else {
        i = skipStatement(tokens, i); // e.g. 'end', 'return'
      }
    }
    return build(caseName, fields);
  }

  private static int indexOf(List<MatlabToken> tokens, String punctuation) {
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).is(Kind.PUNCTUATION, punctuation)) {
        return k;
      }
    }
    return -1;
  }

  private static int skipStatement(List<MatlabToken> tokens, int i) {
    while (tokens.get(i).kind() != Kind.NEWLINE && tokens.get(i).kind() != Kind.END
        && !tokens.get(i).is(Kind.PUNCTUATION, ";")) {
      i++;
    }
    return i;
  }

  private int parseValue(List<MatlabToken> tokens, int i, String name, Map<String, Value> fields) {
    MatlabToken t = tokens.get(i);
    if (t.is(Kind.PUNCTUATION, "[")) {
      return parseMatrix(tokens, i + 1, name, t.line(), fields);
    }
    if (t.is(Kind.PUNCTUATION, "{")) {
      int depth = 0;
      while (tokens.get(i).kind() != Kind.END) {
        if (tokens.get(i).is(Kind.PUNCTUATION, "{")) {
          depth++;
        } else if (tokens.get(i).is(Kind.PUNCTUATION, "}") && --depth == 0) {
          fields.put(name, new Skipped(t.line()));
          return i + 1;
        }
        i++;
      }
      problems.add(InputProblem.atMatrix(file, name, t.line(), "cell array not closed with '}'"));
      return i;
    }
    if (t.kind() == Kind.STRING) {
      fields.put(name, new Text(t.text(), t.line()));
    } else if (t.kind() == Kind.NUMBER) {
      fields.put(name, new Scalar(Double.parseDouble(t.text()), t.line()));
    } else {
      fields.put(name, new Skipped(t.line()));
    }
    return skipStatement(tokens, i);
  }

  private int parseMatrix(List<MatlabToken> tokens, int i, String name, int line, Map<String, Value> fields) {
    List<double[]> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    List<Double> row = new ArrayList<>();
    int rowLine = 0;
    boolean valid = true;
    while (true) {
      MatlabToken t = tokens.get(i++);
      if (t.kind() == Kind.END) {
        problems.add(InputProblem.atMatrix(file, name, line, "matrix not closed with ']'"));
        valid = false;
        break;
      }
      if (t.kind() == Kind.NEWLINE || t.is(Kind.PUNCTUATION, ";") || t.is(Kind.PUNCTUATION, "]")) {
        if (!row.isEmpty()) {
          double[] values = new double[row.size()];
          for (int k = 0; k < values.length; k++) {
            values[k] = row.get(k);
          }
          rows.add(values);
          rowLines.add(rowLine);
          row.clear();
        }
        if (t.is(Kind.PUNCTUATION, "]")) {
          break;
        }
        continue;
      }
      if (t.is(Kind.PUNCTUATION, ",")) {
        continue;
      }
      if (t.kind() == Kind.IDENTIFIER && tokens.get(i).is(Kind.PUNCTUATION, "=")) {
        problems.add(InputProblem.atMatrix(file, name, line,
            "matrix not closed with ']' before the assignment to " + t.text() + " on line " + t.line()));
        fields.put(name, new Matrix(name, rows, rowLines, line, false));
        return i - 1;
      }
      if (row.isEmpty()) {
        rowLine = t.line();
      }
      Double value = numericValue(t);
      if (value == null) {
        valid = false;
        problems.add(InputProblem.atCell(file, name, rows.size() + 1, row.size() + 1, "", t.line(),
            "non-numeric value '" + t.text() + "' (expected a number)"));
        value = Double.NaN;
      }
      row.add(value);
    }
    fields.put(name, new Matrix(name, rows, rowLines, line, valid));
    return i;
  }

  private static Double numericValue(MatlabToken t) {
    if (t.kind() == Kind.NUMBER) {
      try {
        return Double.parseDouble(t.text());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (t.kind() == Kind.IDENTIFIER) {
      switch (t.text()) {
        case "Inf", "inf", "+Inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Inf", "-inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        case "NaN", "nan" -> {
          return Double.NaN;
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- semantics

  private PowerNetwork build(String caseName, Map<String, Value> fields) throws InputValidationException {
    Value version = fields.get("mpc.version");
    if (version == null) {
      problems.add(InputProblem.atMatrix(file, "mpc.version", 0,
          "missing mpc.version (this reader supports MATPOWER case format version '2')"));
    } else if (!(version instanceof Text text && text.value().equals("2"))
        && !(version instanceof Scalar s && s.value() == 2)) {
      problems.add(InputProblem.atMatrix(file, "mpc.version", version.line(),
          "case format version " + describe(version) + " is not supported (only version '2')"));
    }
    double baseMva = Double.NaN;
    Value base = fields.get("mpc.baseMVA");
    if (base == null) {
      problems.add(InputProblem.atMatrix(file, "mpc.baseMVA", 0, "missing mpc.baseMVA (system MVA base)"));
    } else if (base instanceof Scalar s && s.value() > 0 && Double.isFinite(s.value())) {
      baseMva = s.value();
    } else {
      problems.add(InputProblem.atMatrix(file, "mpc.baseMVA", base.line(),
          "baseMVA must be a positive number, got " + describe(base)));
    }
    Matrix bus = matrix(fields, "mpc.bus", BUS_COLUMNS.length, true);
    Matrix gen = matrix(fields, "mpc.gen", GEN_COLUMNS.length, true);
    Matrix branch = matrix(fields, "mpc.branch", MIN_BRANCH_COLUMNS, true);
    Matrix gencost = matrix(fields, "mpc.gencost", GENCOST_COLUMNS.length + 1, false);

    List<Bus> buses = bus == null ? List.of() : buses(bus);
    Map<Integer, Integer> busRows = new HashMap<>();
    for (int r = 0; r < buses.size(); r++) {
      Bus b = buses.get(r);
      Integer first = busRows.putIfAbsent(b.number(), r);
      if (first != null) {
        problems.add(cell(bus, r, 0, BUS_COLUMNS, "duplicate bus number " + b.number()
            + " (first defined in row " + (first + 1) + ")"));
      }
    }
    List<Generator> generators = gen == null ? List.of() : generators(gen, busRows, bus != null);
    List<Branch> branches = branch == null ? List.of() : branches(branch, busRows, bus != null);
    List<CostCurve> costs = gencost == null ? List.of() : costs(gencost, generators.size());
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    return new PowerNetwork(caseName, baseMva, buses, branches, generators, costs);
  }

  private static String describe(Value v) {
    if (v instanceof Text t) {
      return "'" + t.value() + "'";
    }
    if (v instanceof Scalar s) {
      return String.valueOf(s.value());
    }
    return "a non-scalar value";
  }

  /** The matrix named {@code name} if present, well-formed and with enough columns; else null. */
  private Matrix matrix(Map<String, Value> fields, String name, int minColumns, boolean required) {
    Value v = fields.get(name);
    if (v == null) {
      if (required) {
        problems.add(InputProblem.atMatrix(file, name, 0, "missing matrix " + name));
      }
      return null;
    }
    if (!(v instanceof Matrix m)) {
      problems.add(InputProblem.atMatrix(file, name, v.line(), name + " must be a numeric matrix [ ... ]"));
      return null;
    }
    if (m.rows().isEmpty()) {
      if (required && !name.equals("mpc.gen") && !name.equals("mpc.branch")) {
        problems.add(InputProblem.atMatrix(file, name, m.line(), name + " has no rows"));
      }
      return m.valid() ? m : null;
    }
    boolean ok = m.valid();
    int width = m.rows().get(0).length;
    for (int r = 0; r < m.rows().size(); r++) {
      int n = m.rows().get(r).length;
      if (n != width) {
        ok = false;
        problems.add(InputProblem.atCell(file, name, r + 1, 0, "", m.rowLines().get(r),
            "row has " + n + " columns, but row 1 has " + width + " (all rows need the same count)"));
      }
    }
    if (width < minColumns) {
      ok = false;
      problems.add(InputProblem.atCell(file, name, 1, 0, "", m.rowLines().get(0),
          name + " has " + width + " columns, needs at least " + minColumns));
    }
    return ok ? m : null;
  }

  private InputProblem cell(Matrix m, int row, int col, String[] names, String message) {
    String columnName = col < names.length ? names[col] : "";
    return InputProblem.atCell(file, m.name(), row + 1, col + 1, columnName, m.rowLines().get(row), message);
  }

  /** Value at (row, col); reports and returns NaN if not finite unless {@code infinityAllowed}. */
  private double value(Matrix m, int row, int col, String[] names, boolean infinityAllowed) {
    double v = m.rows().get(row)[col];
    if (Double.isNaN(v) || (!infinityAllowed && Double.isInfinite(v))) {
      problems.add(cell(m, row, col, names, "value " + v + " is not a finite number"));
      return Double.NaN;
    }
    return v;
  }

  private int integer(Matrix m, int row, int col, String[] names) {
    double v = value(m, row, col, names, false);
    if (Double.isNaN(v)) {
      return Integer.MIN_VALUE;
    }
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      problems.add(cell(m, row, col, names, "value " + v + " must be an integer"));
      return Integer.MIN_VALUE;
    }
    return (int) v;
  }

  private List<Bus> buses(Matrix m) {
    List<Bus> buses = new ArrayList<>();
    for (int r = 0; r < m.rows().size(); r++) {
      int number = integer(m, r, 0, BUS_COLUMNS);
      if (number != Integer.MIN_VALUE && number <= 0) {
        problems.add(cell(m, r, 0, BUS_COLUMNS, "bus number " + number + " must be positive"));
      }
      int typeCode = integer(m, r, 1, BUS_COLUMNS);
      BusType type = BusType.PQ;
      if (typeCode != Integer.MIN_VALUE) {
        try {
          type = BusType.fromCode(typeCode);
        } catch (IllegalArgumentException e) {
          problems.add(cell(m, r, 1, BUS_COLUMNS, e.getMessage()));
        }
      }
      double[] v = new double[BUS_COLUMNS.length];
      for (int c = 2; c < BUS_COLUMNS.length; c++) {
        boolean infOk = c == 11 || c == 12; // VMAX, VMIN
        v[c] = value(m, r, c, BUS_COLUMNS, infOk);
      }
      buses.add(new Bus(number, type, v[2], v[3], v[4], v[5], (int) v[6], v[7], v[8], v[9], (int) v[10],
          v[11], v[12]));
    }
    return buses;
  }

  private void requireBus(Matrix m, int row, int col, String[] names, int number,
      Map<Integer, Integer> busRows, boolean busesKnown) {
    if (busesKnown && number != Integer.MIN_VALUE && !busRows.containsKey(number)) {
      problems.add(cell(m, row, col, names, "bus " + number + " is not defined in mpc.bus"));
    }
  }

  private List<Generator> generators(Matrix m, Map<Integer, Integer> busRows, boolean busesKnown) {
    List<Generator> gens = new ArrayList<>();
    for (int r = 0; r < m.rows().size(); r++) {
      int bus = integer(m, r, 0, GEN_COLUMNS);
      requireBus(m, r, 0, GEN_COLUMNS, bus, busRows, busesKnown);
      double[] v = new double[GEN_COLUMNS.length];
      for (int c = 1; c < GEN_COLUMNS.length; c++) {
        boolean infOk = c == 3 || c == 4; // QMAX, QMIN
        v[c] = value(m, r, c, GEN_COLUMNS, infOk);
      }
      boolean inService = v[7] > 0;
      if (inService && v[9] > v[8]) {
        problems.add(cell(m, r, 9, GEN_COLUMNS, "PMIN " + v[9] + " MW is above PMAX " + v[8] + " MW"));
      }
      gens.add(new Generator(bus, v[1], v[2], v[3], v[4], v[5], v[6], inService, v[8], v[9]));
    }
    return gens;
  }

  private List<Branch> branches(Matrix m, Map<Integer, Integer> busRows, boolean busesKnown) {
    List<Branch> branches = new ArrayList<>();
    int width = m.rows().get(0).length;
    for (int r = 0; r < m.rows().size(); r++) {
      int from = integer(m, r, 0, BRANCH_COLUMNS);
      requireBus(m, r, 0, BRANCH_COLUMNS, from, busRows, busesKnown);
      int to = integer(m, r, 1, BRANCH_COLUMNS);
      requireBus(m, r, 1, BRANCH_COLUMNS, to, busRows, busesKnown);
      double[] v = new double[BRANCH_COLUMNS.length];
      v[11] = -360;
      v[12] = 360;
      for (int c = 2; c < Math.min(width, BRANCH_COLUMNS.length); c++) {
        boolean infOk = c == 5 || c == 6 || c == 7 || c == 11 || c == 12;
        v[c] = value(m, r, c, BRANCH_COLUMNS, infOk);
      }
      boolean inService = v[10] > 0;
      if (inService && v[3] == 0) {
        problems.add(cell(m, r, 3, BRANCH_COLUMNS,
            "reactance BR_X is 0 on an in-service branch; the DC model needs 1/x (set status 0 to remove it)"));
      }
      if (v[5] < 0) {
        problems.add(cell(m, r, 5, BRANCH_COLUMNS, "rating " + v[5] + " MVA must be >= 0 (0 = unlimited)"));
      }
      if (v[8] < 0) {
        problems.add(cell(m, r, 8, BRANCH_COLUMNS, "tap ratio " + v[8] + " must be >= 0 (0 = line)"));
      }
      if (from != Integer.MIN_VALUE && from == to) {
        problems.add(cell(m, r, 1, BRANCH_COLUMNS, "branch connects bus " + from + " to itself"));
      }
      branches.add(new Branch(from, to, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], inService, v[11], v[12]));
    }
    return branches;
  }

  private List<CostCurve> costs(Matrix m, int generatorCount) {
    int rows = m.rows().size();
    if (rows != generatorCount && rows != 2 * generatorCount) {
      problems.add(InputProblem.atMatrix(file, m.name(), m.line(), "mpc.gencost has " + rows
          + " rows; expected one per generator (" + generatorCount + "), or two per generator with reactive costs"));
      return List.of();
    }
    List<CostCurve> costs = new ArrayList<>();
    int width = m.rows().get(0).length;
    for (int r = 0; r < generatorCount; r++) { // rows beyond ng are reactive costs: not used by DC
      int model = integer(m, r, 0, GENCOST_COLUMNS);
      double startup = value(m, r, 1, GENCOST_COLUMNS, false);
      double shutdown = value(m, r, 2, GENCOST_COLUMNS, false);
      int n = integer(m, r, 3, GENCOST_COLUMNS);
      if (model == Integer.MIN_VALUE || n == Integer.MIN_VALUE) {
        continue;
      }
      if (model != 1 && model != 2) {
        problems.add(cell(m, r, 0, GENCOST_COLUMNS,
            "cost model " + model + " is not 1 (piecewise linear) or 2 (polynomial)"));
        continue;
      }
      int minN = model == 1 ? 2 : 1;
      int needed = model == 1 ? 2 * n : n;
      if (n < minN) {
        problems.add(cell(m, r, 3, GENCOST_COLUMNS, "NCOST " + n + " must be at least " + minN
            + (model == 1 ? " points for a piecewise-linear cost" : " coefficient")));
        continue;
      }
      if (4 + needed > width) {
        problems.add(cell(m, r, 3, GENCOST_COLUMNS, "NCOST " + n + " needs " + needed
            + (model == 1 ? " values (x, y pairs)" : " coefficients") + " in columns 5.." + (4 + needed)
            + ", but the row has only " + width + " columns"));
        continue;
      }
      double[] data = new double[needed];
      boolean finite = true;
      for (int k = 0; k < needed; k++) {
        data[k] = value(m, r, 4 + k, new String[0], false);
        if (Math.abs(data[k]) > MAX_COST_VALUE) {
          // a coefficient of -1e300 passed here and then broke the LP solver (status ABNORMAL)
          problems.add(cell(m, r, 4 + k, new String[0], "cost value " + data[k] + " is beyond ±" + MAX_COST_VALUE
              + "; expected polynomial coefficients ($/MW^k/h) or piecewise-linear points (MW, $/h) of a real cost curve"));
          data[k] = Double.NaN;
        }
        finite &= !Double.isNaN(data[k]);
      }
      if (!finite) {
        continue;
      }
      if (model == 2) {
        costs.add(new PolynomialCost(startup, shutdown, data));
      } else {
        double[] p = new double[n];
        double[] f = new double[n];
        boolean increasing = true;
        for (int k = 0; k < n; k++) {
          p[k] = data[2 * k];
          f[k] = data[2 * k + 1];
          if (k > 0 && !(p[k] > p[k - 1])) {
            problems.add(InputProblem.atCell(file, m.name(), r + 1, 5 + 2 * k, "x" + (k + 1), m.rowLines().get(r),
                "piecewise-linear cost point x" + (k + 1) + " = " + p[k] + " MW must exceed x" + k + " = " + p[k - 1]));
            increasing = false;
          }
        }
        if (increasing) {
          costs.add(new PiecewiseLinearCost(startup, shutdown, p, f));
        }
      }
    }
    return costs;
  }
}

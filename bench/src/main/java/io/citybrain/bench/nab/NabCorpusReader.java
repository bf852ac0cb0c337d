package io.citybrain.bench.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a corpus in NAB's layout: {@code labels/combined_windows.json} (series path → list of
 * {@code [start, end]} timestamps) and one {@code data/<path>} CSV per series listed there.
 *
 * <p>Rules (checked, every problem reported together with file, line or JSON path and what was
 * expected, as an {@link InputValidationException}):
 *
 * <ul>
 *   <li>A CSV starts with the header {@code timestamp,value}; each further line has exactly two
 *       fields: a timestamp {@code YYYY-MM-DD HH:MM:SS} (optionally with a fraction of a second,
 *       read as UTC since NAB's times carry no zone) and a decimal value.
 *   <li>A value that is empty, {@code NaN} or {@code nan} is a <em>missing value</em>: the row is
 *       kept (as NaN) so rows never shift against the labels, and the series guard decides at run
 *       time what the detector sees (see {@code io.citybrain.live.anomaly.SeriesGuard}). Any other
 *       text, or an infinite value, is an error.
 *   <li>Duplicate and out-of-order timestamps are kept as rows, as they are in the file; they are
 *       handled at run time by the series guard. A window boundary names the first row with its
 *       timestamp (NAB does the same); a window whose end comes before its start is an error.
 *   <li>A series needs at least one row; a window timestamp must equal one of its rows.
 *   <li>Data files not named in the label file are not read.
 * </ul>
 */
public final class NabCorpusReader {
  /** The label file's place in a corpus, relative to its root. */
  public static final String WINDOWS_FILE = "labels/combined_windows.json";

  /** The corpus bundled in citybrain-data, as a class path resource folder. */
  public static final String BUNDLED_RESOURCE_FOLDER = "citybrain/data/nab/";

  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  /** Where the corpus's files come from: a folder or a class path resource folder. */
  private interface Source {
    InputStream open(String relativePath) throws IOException;

    String describe(String relativePath);
  }

  private NabCorpusReader() {}

  /**
   * The corpus bundled in the citybrain-data artifact ({@code citybrain/data/nab/} on the class
   * path; copied from numenta/NAB, see {@code data/nab/NOTICE.md}).
   *
   * @throws IOException if the data artifact is not on the class path
   */
  public static synchronized NabCorpus bundled() throws IOException {
    if (bundled == null) {
      bundled = readBundled();
    }
    return bundled;
  }

  /** The bundled corpus once read: immutable, so shared (reading it takes a second or more). */
  private static NabCorpus bundled;

  private static NabCorpus readBundled() throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ClassLoader chosen = loader == null ? NabCorpusReader.class.getClassLoader() : loader;
    Source source = new Source() {
      @Override
      public InputStream open(String relativePath) throws IOException {
        InputStream in = chosen.getResourceAsStream(BUNDLED_RESOURCE_FOLDER + relativePath);
        if (in == null) {
          throw new IOException("bundled NAB file " + relativePath + " not found on the class path under "
              + BUNDLED_RESOURCE_FOLDER + " (is citybrain-data a dependency?)");
        }
        return in;
      }

      @Override
      public String describe(String relativePath) {
        return relativePath;
      }
    };
    try {
      return read(source);
    } catch (InputValidationException e) {
      throw new IllegalStateException("the bundled NAB corpus is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a corpus from a folder in NAB's layout ({@code labels/combined_windows.json} and
   * {@code data/<category>/<file>.csv}).
   *
   * @throws InputValidationException listing every problem of the label file and the CSVs
   * @throws IOException if a file cannot be read (a missing CSV is a problem, not an IOException)
   */
  public static NabCorpus read(Path folder) throws IOException, InputValidationException {
    Source source = new Source() {
      @Override
      public InputStream open(String relativePath) throws IOException {
        return Files.newInputStream(folder.resolve(relativePath));
      }

      @Override
      public String describe(String relativePath) {
        return folder.resolve(relativePath).toString();
      }
    };
    return read(source);
  }

  private static NabCorpus read(Source source) throws IOException, InputValidationException {
    List<InputProblem> problems = new ArrayList<>();
    String labelName = source.describe(WINDOWS_FILE);
    JsonNode labels;
    try (InputStream in = source.open(WINDOWS_FILE)) {
      labels = new ObjectMapper().readTree(in);
    } catch (NoSuchFileException e) {
      throw new InputValidationException(InputProblem.inWhole(labelName, "not found: a NAB corpus folder holds "
          + WINDOWS_FILE + " and data/<category>/<file>.csv"));
    } catch (JsonProcessingException e) {
      throw new InputValidationException(InputProblem.atLine(labelName, e.getLocation().getLineNr(),
          Math.max(0, e.getLocation().getColumnNr()), "not valid JSON: " + e.getOriginalMessage()));
    }
    if (labels == null || !labels.isObject()) {
      throw new InputValidationException(InputProblem.atJsonPath(labelName, "",
          "expected an object mapping each series path to a list of [start, end] windows"));
    }
    List<NabSeries> series = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = entry.getKey();
      String dataPath = "data/" + path;
      RawSeries raw;
      try (InputStream in = source.open(dataPath)) {
        raw = readCsv(source.describe(dataPath), in, problems);
      } catch (NoSuchFileException e) {
        problems.add(InputProblem.atJsonPath(labelName, "\"" + path + "\"", "names a series whose file "
            + source.describe(dataPath) + " does not exist"));
        continue;
      }
      if (raw == null) {
        continue;
      }
      List<NabWindow> windows = windows(labelName, path, entry.getValue(), raw.timestamps, problems);
      if (windows != null) {
        try {
          series.add(new NabSeries(path, raw.timestamps, raw.values, windows));
        } catch (IllegalArgumentException e) {
          problems.add(InputProblem.atJsonPath(labelName, "\"" + path + "\"", e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    return new NabCorpus(series);
  }

  private record RawSeries(long[] timestamps, double[] values) {}

  /** The rows of one CSV, or null when it has problems (added to {@code problems}). */
  private static RawSeries readCsv(String file, InputStream in, List<InputProblem> problems) throws IOException {
    int before = problems.size();
    long[] timestamps = new long[1024];
    double[] values = new double[1024];
    int n = 0;
    try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CSVParser csv = CSVFormat.DEFAULT.builder().get().parse(reader)) {
      boolean header = true;
      for (CSVRecord r : csv) {
        int line = (int) csv.getCurrentLineNumber();
        if (header) {
          header = false;
          if (r.size() != 2 || !r.get(0).trim().equals("timestamp") || !r.get(1).trim().equals("value")) {
            problems.add(InputProblem.atLine(file, line, 0, "expected the header 'timestamp,value', found '"
                + String.join(",", r.toList()) + "'"));
            return null;
          }
          continue;
        }
        if (r.size() != 2) {
          problems.add(InputProblem.atLine(file, line, 0, "expected 2 fields (timestamp,value), found " + r.size()));
          continue;
        }
        long t;
        try {
          t = epochSeconds(r.get(0).trim());
        } catch (DateTimeParseException e) {
          problems.add(InputProblem.atLine(file, line, 0, "timestamp: expected 'YYYY-MM-DD HH:MM:SS', found '"
              + r.get(0) + "'"));
          continue;
        }
        double v = parseValue(r.get(1).trim());
        if (Double.isInfinite(v) || (Double.isNaN(v) && !isMissing(r.get(1).trim()))) {
          problems.add(InputProblem.atLine(file, line, 0, "value: expected a finite decimal number (or empty/NaN "
              + "for a missing value), found '" + r.get(1) + "'"));
          continue;
        }
        if (n == timestamps.length) {
          timestamps = java.util.Arrays.copyOf(timestamps, 2 * n);
          values = java.util.Arrays.copyOf(values, 2 * n);
        }
        timestamps[n] = t;
        values[n] = v;
        n++;
      }
      if (header) {
        problems.add(InputProblem.atLine(file, 1, 0, "empty file: expected the header 'timestamp,value' and rows"));
        return null;
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      // commons-csv reports malformed quoting this way
      problems.add(InputProblem.inWhole(file, "not readable as CSV: " + e.getMessage()));
      return null;
    }
    if (n == 0 && problems.size() == before) {
      problems.add(InputProblem.inWhole(file, "no data rows: a series needs at least one row"));
    }
    if (problems.size() > before) {
      return null;
    }
    return new RawSeries(java.util.Arrays.copyOf(timestamps, n), java.util.Arrays.copyOf(values, n));
  }

  /**
   * Seconds since the epoch of a NAB timestamp read as UTC. The common form {@code YYYY-MM-DD
   * HH:MM:SS} is read by hand (java.time's parser made loading the corpus take seconds); any other
   * text goes through the full parser, which also gives the error.
   */
  static long epochSeconds(String text) {
    if (text.length() == 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == ' '
        && text.charAt(13) == ':' && text.charAt(16) == ':') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
          && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
        return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
      }
    }
    return LocalDateTime.parse(text, TIMESTAMP).toEpochSecond(ZoneOffset.UTC);
  }

  /** The decimal number in {@code text[from, from + n)}, or −1 if a character is not a digit. */
  private static int digits(String text, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isMissing(String text) {
    return text.isEmpty() || text.equals("NaN") || text.equals("nan");
  }

  private static double parseValue(String text) {
    if (isMissing(text)) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The windows of one series as rows, or null when they have problems (added to {@code problems}). */
  private static List<NabWindow> windows(String labelName, String path, JsonNode list, long[] timestamps,
      List<InputProblem> problems) {
    String where = "\"" + path + "\"";
    if (!list.isArray()) {
      problems.add(InputProblem.atJsonPath(labelName, where, "expected a list of [start, end] windows"));
      return null;
    }
    List<NabWindow> windows = new ArrayList<>();
    boolean ok = true;
    for (int k = 0; k < list.size(); k++) {
      JsonNode w = list.get(k);
      String at = where + "[" + k + "]";
      if (!w.isArray() || w.size() != 2 || !w.get(0).isTextual() || !w.get(1).isTextual()) {
        problems.add(InputProblem.atJsonPath(labelName, at, "expected [start, end] as two timestamp strings"));
        ok = false;
        continue;
      }
      int first = rowOf(labelName, at + "[0]", path, w.get(0).asText(), timestamps, problems);
      int last = rowOf(labelName, at + "[1]", path, w.get(1).asText(), timestamps, problems);
      if (first < 0 || last < 0) {
        ok = false;
        continue;
      }
      if (last < first) {
        problems.add(InputProblem.atJsonPath(labelName, at, "window ends (row " + (last + 2) + " of the file) before it "
            + "starts (row " + (first + 2) + ")"));
        ok = false;
        continue;
      }
      windows.add(new NabWindow(first, last));
    }
    return ok ? windows : null;
  }

  private static int rowOf(String labelName, String at, String path, String text, long[] timestamps,
      List<InputProblem> problems) {
    long t;
    try {
      t = epochSeconds(text.trim());
    } catch (DateTimeParseException e) {
      problems.add(InputProblem.atJsonPath(labelName, at, "expected a timestamp 'YYYY-MM-DD HH:MM:SS[.ffffff]', found '"
          + text + "'"));
      return -1;
    }
    for (int i = 0; i < timestamps.length; i++) {
      if (timestamps[i] == t) {
        return i;
      }
    }
    problems.add(InputProblem.atJsonPath(labelName, at, "timestamp '" + text + "' is not a row of data/" + path
        + " (a window boundary must equal a row's timestamp)"));
    return -1;
  }
}

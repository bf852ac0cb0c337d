package io.citybrain.traffic.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.citybrain.commons.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes run results as files: {@code summary.json}, {@code timeseries.csv}, {@code
 * intersections.csv}, {@code comparison.json} and {@code comparison.csv}. Every file is written to a temporary sibling
 * and then moved into place atomically, so an interrupted write never leaves a half-written file
 * over a good one. Numbers without a value (NaN) are written as JSON {@code null} and as empty CSV
 * cells.
 */
public final class ResultFiles {
  /** File names, as documented in {@code docs/metrics.md}. */
  public static final String SUMMARY = "summary.json";

  public static final String TIME_SERIES = "timeseries.csv";
  public static final String INTERSECTIONS = "intersections.csv";
  public static final String COMPARISON = "comparison.json";

  /** The same comparison as a table, one row per run, for spreadsheets. */
  public static final String COMPARISON_CSV = "comparison.csv";

  private static final ObjectMapper JSON = mapper();

  private ResultFiles() {}

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper();
    m.enable(SerializationFeature.INDENT_OUTPUT);
    JsonSerializer<Double> nanAsNull =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            if (value == null || !Double.isFinite(value)) {
              gen.writeNull();
            } else {
              gen.writeNumber(value);
            }
          }
        };
    SimpleModule module = new SimpleModule("nan-as-null");
    module.addSerializer(Double.class, nanAsNull);
    module.addSerializer(Double.TYPE, nanAsNull);
    m.registerModule(module);
    return m;
  }

  /** The shared JSON mapper (NaN written as null, indented). */
  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * A summary as a JSON-ready map: its fields in declaration order, then {@code completed}.
   *
   * @param completed false when the run stopped before its last step
   */
  public static Map<String, Object> summaryMap(RunSummary summary, boolean completed) {
    Map<String, Object> m = new LinkedHashMap<>(JSON.convertValue(summary, new TypeReference<Map<String, Object>>() {}));
    m.put("vehicleStepsPerSecond", summary.vehicleStepsPerSecond());
    m.put("completed", completed);
    return m;
  }

  /** A run's summary with its completion flag and gridlocks, as written to {@code summary.json}. */
  public static Map<String, Object> summaryMap(RunResult result) {
    Map<String, Object> m = summaryMap(result.summary(), result.completed());
    m.put("gridlocks", result.gridlocks());
    return m;
  }

  /** Writes {@code summary.json}, {@code timeseries.csv} and {@code intersections.csv} into {@code dir}. */
  public static void writeRun(RunResult result, Path dir) throws IOException {
    Files.createDirectories(dir);
    // as a whole: a failure leaves the previous run's three files, not a mix (issue 15)
    try (AtomicFiles.Group g = AtomicFiles.group()) {
      g.write(dir.resolve(SUMMARY), utf8(w -> JSON.writeValue(w, summaryMap(result))));
      g.write(dir.resolve(TIME_SERIES), utf8(timeSeriesBody(result.timeSeries())));
      g.write(dir.resolve(INTERSECTIONS), utf8(intersectionsBody(result.intersections())));
      g.commit();
    }
  }

  /** Writes {@code comparison.json}: one summary per run, in order. */
  public static void writeComparison(List<RunResult> results, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunResult r : results) {
      rows.add(summaryMap(r));
    }
    try (AtomicFiles.Group g = AtomicFiles.group()) {
      g.write(dir.resolve(COMPARISON), utf8(w -> JSON.writeValue(w, Map.of("runs", rows))));
      g.write(dir.resolve(COMPARISON_CSV), utf8(comparisonCsvBody(rows)));
      g.commit();
    }
  }

  /**
   * Writes {@code comparison.csv}: the columns of {@code comparison.json}'s summaries in the same
   * order and with the same names (units in the names); controller parameters as one cell of
   * {@code name=value} pairs separated by {@code ;}, gridlocks as their count ({@code gridlocks}).
   */
  private static WriterBody comparisonCsvBody(List<Map<String, Object>> rows) {
    List<String> header = new ArrayList<>();
    if (!rows.isEmpty()) {
      header.addAll(rows.get(0).keySet());
    }
    return w -> {
          try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).get().print(w)) {
            for (Map<String, Object> row : rows) {
              List<Object> cells = new ArrayList<>();
              for (String column : header) {
                cells.add(csvCell(row.get(column)));
              }
              csv.printRecord(cells);
            }
          }
    };
  }

  private static Object csvCell(Object value) {
    if (value instanceof Double d) {
      return num(d);
    }
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder();
      m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
      return b.toString();
    }
    if (value instanceof java.util.Collection<?> c) {
      return c.size();
    }
    return value == null ? "" : value;
  }

  /** Writes any value as indented JSON, atomically. */
  public static void writeJson(Path file, Object value) throws IOException {
    atomically(file, w -> JSON.writeValue(w, value));
  }

  /** Writes the time series as CSV, atomically. */
  public static void writeTimeSeries(List<TimeSeriesPoint> points, Path file) throws IOException {
    atomically(file, timeSeriesBody(points));
  }

  private static WriterBody timeSeriesBody(List<TimeSeriesPoint> points) {
    return w -> {
          try (CSVPrinter csv =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(
                      "timeSeconds",
                      "vehiclesInNetwork",
                      "vehiclesWaitingToEnter",
                      "vehiclesFinished",
                      "throughputVehicles",
                      "averageTravelTimeSeconds",
                      "averageTravelTimeFinishedSeconds",
                      "queueLengthVehicles",
                      "meanQueueLengthVehicles",
                      "meanSpeedMetersPerSecond")
                  .get()
                  .print(w)) {
            for (TimeSeriesPoint p : points) {
              csv.printRecord(
                  num(p.timeSeconds()),
                  p.vehiclesInNetwork(),
                  p.vehiclesWaitingToEnter(),
                  p.vehiclesFinished(),
                  p.throughputVehicles(),
                  num(p.averageTravelTimeSeconds()),
                  num(p.averageTravelTimeFinishedSeconds()),
                  p.queueLengthVehicles(),
                  num(p.meanQueueLengthVehicles()),
                  num(p.meanSpeedMetersPerSecond()));
            }
          }
    };
  }

  /** Writes the per-intersection figures as CSV, atomically. */
  public static void writeIntersections(List<IntersectionSummary> rows, Path file) throws IOException {
    atomically(file, intersectionsBody(rows));
  }

  private static WriterBody intersectionsBody(List<IntersectionSummary> rows) {
    return w -> {
          try (CSVPrinter csv =
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(
                      "intersectionId",
                      "signalized",
                      "vehiclesPassed",
                      "meanQueueLengthVehicles",
                      "maxQueueLengthVehicles",
                      "meanStoppedDelaySeconds",
                      "phaseChanges")
                  .get()
                  .print(w)) {
            for (IntersectionSummary r : rows) {
              csv.printRecord(
                  r.intersectionId(),
                  r.signalized(),
                  r.vehiclesPassed(),
                  num(r.meanQueueLengthVehicles()),
                  r.maxQueueLengthVehicles(),
                  num(r.meanStoppedDelaySeconds()),
                  r.phaseChanges());
            }
          }
    };
  }

  private static String num(double d) {
    return Double.isFinite(d) ? String.valueOf(d) : "";
  }

  /** Body of an atomic write. */
  @FunctionalInterface
  private interface WriterBody {
    void write(Writer w) throws IOException;
  }

  private static void atomically(Path file, WriterBody body) throws IOException {
    AtomicFiles.write(file, utf8(body));
  }

  private static AtomicFiles.Body utf8(WriterBody body) {
    return out -> {
          // closing flushes; writers that close their target themselves (Jackson) make this a no-op
          try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            body.write(w);
          }
    };
  }
}

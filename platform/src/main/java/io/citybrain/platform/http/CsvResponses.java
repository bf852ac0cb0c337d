package io.citybrain.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * List endpoints answer {@code Accept: text/csv} with the list as CSV (RFC 4180, CRLF line ends):
 * one row per element, one column per field with the JSON field names (units in the names), in
 * the order fields first appear. Nested objects and arrays are one cell holding their JSON; null
 * and non-finite numbers are empty cells.
 */
final class CsvResponses {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private CsvResponses() {}

  /** True when the request's {@code Accept} header names {@code text/csv}. */
  static boolean wanted(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  /**
   * Answers with {@code rows} as CSV when the caller asked for it, else with {@code json}.
   *
   * @param name file name offered to browsers, without {@code .csv}
   */
  static void listOrJson(Context ctx, String name, List<?> rows, Object json) {
    ctx.header("Vary", "Accept");
    if (wanted(ctx)) {
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
          .result(csv(rows));
    } else {
      ctx.json(json);
    }
  }

  /** The rows as CSV text, header first. */
  static String csv(List<?> rows) {
    List<Map<String, Object>> maps = new ArrayList<>(rows.size());
    Set<String> columns = new LinkedHashSet<>();
    for (Object row : rows) {
      Map<String, Object> m = JSON.convertValue(row, new TypeReference<Map<String, Object>>() {});
      columns.addAll(m.keySet());
      maps.add(m);
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(columns.toArray(new String[0])).get().print(out)) {
      for (Map<String, Object> m : maps) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (String c : columns) {
          cells.add(cell(m.get(c)));
        }
        csv.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Object cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && !Double.isFinite(d)) {
      return "";
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      try {
        return JSON.writeValueAsString(v);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return v;
  }
}

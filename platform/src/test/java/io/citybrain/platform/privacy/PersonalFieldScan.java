package io.citybrain.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds field names that look like personal identifiers (SPEC §4: plate, MAC, IMSI, face, phone,
 * a person's name, ID number, vehicle track; Article 29 WP Opinion 05/2014) in the places the
 * project stores or exchanges data: database columns, JSON schemas, JSON documents and CSV
 * headers.
 *
 * <p>A field name is cut into lower-case words (camelCase, snake_case, kebab-case and dotted names
 * alike: {@code driverPhone}, {@code DRIVER_PHONE} and {@code driver-phone} all give {@code
 * driver, phone}); a field is suspect when a word, or two adjacent words, is a personal term.
 * {@code name} alone is a personal term: most of the project's names are of scenarios,
 * controllers or places, and each such field is allowed by location in {@code
 * privacy/allowed-fields.txt} with the reason it names no person.
 */
public final class PersonalFieldScan {
  /** Single words that mark a personal identifier. */
  static final Set<String> PERSONAL_WORDS =
      Set.of(
          // vehicle and its registration
          "plate", "plates", "numberplate", "vin",
          // radio and device identifiers
          "mac", "imsi", "imei", "msisdn", "iccid", "bssid", "ssid", "bluetooth", "wifi", "ip",
          // biometric
          "face", "faces", "facial", "biometric", "fingerprint", "iris",
          // contact
          "phone", "telephone", "mobile", "email", "mail", "contact", "address",
          // identity
          "name", "firstname", "lastname", "surname", "fullname", "forename", "passport", "ssn",
          "birth", "birthday", "dob", "gender", "nationality",
          // people
          "person", "persons", "people", "personal", "citizen", "resident", "household",
          "customer", "driver", "drivers", "passenger", "passengers", "pedestrian", "owner",
          "occupant", "traveller", "traveler", "rider", "user", "username",
          // movement of one identified object
          "track", "tracks", "trajectory", "trajectories", "trace", "traces", "trip", "trips");

  /** Adjacent word pairs that mark a personal identifier although neither word alone does. */
  static final Set<String> PERSONAL_PAIRS =
      Set.of("id number", "id card", "identity card", "national id", "licence number", "license number",
          "social security", "vehicle id", "device id");

  private PersonalFieldScan() {}

  /** A field found somewhere: where (a unique location string) and its name. */
  public record Field(String location, String name) {}

  /** A suspect field and the personal terms its name contains. */
  public record Hit(Field field, List<String> terms) {
    @Override
    public String toString() {
      return field.location() + " (" + String.join(", ", terms) + ")";
    }
  }

  /** The lower-case words of a field name. */
  static List<String> words(String fieldName) {
    String spaced =
        fieldName
            .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replaceAll("[^A-Za-z0-9]+", " ")
            .trim()
            .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : spaced.split(" ")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The personal terms in a field name, in order; empty when none. */
  public static List<String> personalTerms(String fieldName) {
    List<String> w = words(fieldName);
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      if (PERSONAL_WORDS.contains(w.get(i))) {
        terms.add(w.get(i));
      }
      if (i + 1 < w.size() && PERSONAL_PAIRS.contains(w.get(i) + " " + w.get(i + 1))) {
        terms.add(w.get(i) + " " + w.get(i + 1));
      }
    }
    return terms;
  }

  /** The suspect fields among {@code fields} whose location is not in {@code allowed}. */
  public static List<Hit> suspects(List<Field> fields, Set<String> allowed) {
    List<Hit> hits = new ArrayList<>();
    for (Field f : fields) {
      List<String> terms = personalTerms(f.name());
      if (!terms.isEmpty() && !allowed.contains(f.location())) {
        hits.add(new Hit(f, terms));
      }
    }
    return hits;
  }

  /**
   * Every table and column of the connected database's current schema, as {@code db:TABLE} and
   * {@code db:TABLE.COLUMN} (upper case, as H2 reports them), read from INFORMATION_SCHEMA.
   */
  public static List<Field> databaseFields(Connection c) throws SQLException {
    List<Field> out = new ArrayList<>();
    Set<String> tables = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      while (rs.next()) {
        String table = rs.getString(1).toUpperCase(Locale.ROOT);
        String column = rs.getString(2).toUpperCase(Locale.ROOT);
        if (tables.add(table)) {
          out.add(new Field("db:" + table, table));
        }
        out.add(new Field("db:" + table + "." + column, column));
      }
    }
    return out;
  }

  /**
   * Every property name declared anywhere in a JSON schema (nested objects, array items,
   * {@code $defs}, {@code components.schemas}) and, for an OpenAPI document, every parameter
   * name. Locations are {@code source#json/pointer}.
   */
  public static List<Field> schemaFields(String source, JsonNode schema) {
    List<Field> out = new ArrayList<>();
    walkSchema(source, "", schema, out);
    return out;
  }

  private static void walkSchema(String source, String pointer, JsonNode node, List<Field> out) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
          String p = it.next();
          out.add(new Field(source + "#" + pointer + "/properties/" + p, p));
        }
      }
      if (pointer.endsWith("/parameters") || pointer.matches(".*/parameters/\\d+")) {
        JsonNode in = node.get("in");
        JsonNode name = node.get("name");
        if (in != null && name != null && name.isTextual()) {
          out.add(new Field(source + "#" + pointer + "(" + in.asText() + " " + name.asText() + ")", name.asText()));
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walkSchema(source, pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walkSchema(source, pointer + "/" + i, node.get(i), out);
      }
    }
  }

  /**
   * Every object key in a JSON document (a file the project writes), located by its path with
   * array indices folded to {@code []} so a key appears once however many rows carry it.
   */
  public static List<Field> documentFields(String source, JsonNode doc) {
    Map<String, Field> out = new LinkedHashMap<>();
    walkDocument(source, "", doc, out);
    return new ArrayList<>(out.values());
  }

  private static void walkDocument(String source, String path, JsonNode node, Map<String, Field> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + "." + e.getKey();
        out.putIfAbsent(source + ":" + p, new Field(source + ":" + p, e.getKey()));
        walkDocument(source, p, e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode x : node) {
        walkDocument(source, path + "[]", x, out);
      }
    }
  }

  /** The columns of a CSV header line, as {@code source:column}. */
  public static List<Field> csvHeaderFields(String source, String headerLine) {
    List<Field> out = new ArrayList<>();
    for (String col : headerLine.split(",")) {
      String c = col.trim().replace("\"", "");
      out.add(new Field(source + ":" + c, c));
    }
    return out;
  }

  /**
   * The allow-list: one entry a line, {@code location | reason}; blank lines and lines starting
   * with {@code #} are comments. Every entry must carry a reason.
   *
   * @return location → reason
   * @throws IllegalStateException naming the line when an entry has no reason
   */
  public static Map<String, String> allowList(String resource) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = PersonalFieldScan.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("allow-list resource " + resource + " not found");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int bar = t.indexOf(" | ");
        if (bar < 0 || t.substring(bar + 3).isBlank()) {
          throw new IllegalStateException(resource + " line " + n + ": expected 'location | reason', got '" + t + "'");
        }
        out.put(t.substring(0, bar).strip(), t.substring(bar + 3).strip());
      }
    }
    return out;
  }
}

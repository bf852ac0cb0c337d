package io.citybrain.live.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the live message contracts as JSON. Reading checks each message against its
 * versioned JSON schema (draft 2020-12, the files beside this class) and then against the rules a
 * schema cannot state (an interval's end after its start, halting vehicles at most those present,
 * tracks of equal length); a refused message or observation comes back as a {@link Rejection}
 * naming the field and what was expected, never as an exception. Thread-safe.
 */
public final class MessageCodec {
  /** Longest interval an observation or reading may cover. */
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);

  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<MessageKind, Schema> schemas = new EnumMap<>(MessageKind.class);

  /** Loads and compiles the four schemas. */
  public MessageCodec() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    for (MessageKind kind : MessageKind.values()) {
      try (InputStream in = MessageCodec.class.getResourceAsStream(kind.schemaResource())) {
        if (in == null) {
          throw new IllegalStateException("schema resource missing: " + kind.schemaResource());
        }
        schemas.put(kind, registry.getSchema(json.readTree(in)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The schema text of {@code kind}, as shipped (served by the API for clients). */
  public static String schemaText(MessageKind kind) {
    try (InputStream in = MessageCodec.class.getResourceAsStream(kind.schemaResource())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ reading

  /**
   * Reads a detector report. Valid observations are accepted even when others in the same report
   * are refused.
   *
   * @param payload the message bytes (UTF-8 JSON)
   * @param source topic or path, for the dead letter
   * @param receivedAt receipt time, for the dead letter
   */
  public Decoded<DetectorReport> decodeDetectorReport(byte[] payload, String source, Instant receivedAt) {
    MessageKind kind = MessageKind.DETECTOR_REPORT;
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JacksonException e) {
      return refused(kind, source, "$", "not JSON: " + e.getOriginalMessage(), 0, payload, receivedAt);
    }
    int declared = root != null && root.path("observations").isArray() ? root.path("observations").size() : 0;
    List<Error> errors = schemas.get(kind).validate(root);
    List<String> messageErrors = new ArrayList<>();
    String messageField = null;
    Map<Integer, List<String>> byObservation = new TreeMap<>();
    Map<Integer, String> fieldByObservation = new TreeMap<>();
    for (Error e : errors) {
      NodePath at = e.getInstanceLocation();
      if (at.getNameCount() >= 2 && "observations".equals(at.getElement(0)) && at.getElement(1) instanceof Integer index) {
        byObservation.computeIfAbsent(index, i -> new ArrayList<>()).add(text(e));
        fieldByObservation.putIfAbsent(index, field(e));
      } else {
        messageErrors.add(text(e));
        if (messageField == null) {
          messageField = field(e);
        }
      }
    }
    if (!messageErrors.isEmpty()) {
      return refused(kind, source, messageField, String.join("; ", messageErrors), declared, payload, receivedAt);
    }
    String stationId = root.get("stationId").stringValue();
    long seq = root.get("seq").longValue();
    List<DetectorObservation> accepted = new ArrayList<>(declared);
    List<Rejection> rejections = new ArrayList<>();
    JsonNode list = root.get("observations");
    for (int i = 0; i < list.size(); i++) {
      String prefix = "$.observations[" + i + "]";
      if (byObservation.containsKey(i)) {
        rejections.add(new Rejection(kind, source, fieldByObservation.get(i), String.join("; ", byObservation.get(i)), 1,
            excerpt(payload), receivedAt));
        continue;
      }
      try {
        accepted.add(observation(list.get(i), prefix));
      } catch (FieldException e) {
        rejections.add(new Rejection(kind, source, e.field, e.getMessage(), 1, excerpt(payload), receivedAt));
      }
    }
    DetectorReport report = accepted.isEmpty() ? null : new DetectorReport(stationId, seq, accepted);
    return new Decoded<>(report, rejections);
  }

  /** Reads a signal state; see {@link #decodeDetectorReport}. */
  public Decoded<SignalState> decodeSignalState(byte[] payload, String source, Instant receivedAt) {
    MessageKind kind = MessageKind.SIGNAL_STATE;
    return decodeWhole(kind, payload, source, receivedAt, n -> new SignalState(
        n.get("intersectionId").stringValue(),
        n.get("seq").longValue(),
        n.get("phase").intValue(),
        PhaseKind.ofWire(n.get("phaseKind").stringValue()),
        instant(n, "since", "$.since"),
        optionalInstant(n, "until", "$.until"),
        ControlSource.ofWire(n.get("controlSource").stringValue()),
        n.path("commandSeq").isIntegralNumber() ? n.get("commandSeq").longValue() : -1));
  }

  /** Reads a signal command; see {@link #decodeDetectorReport}. */
  public Decoded<SignalCommand> decodeSignalCommand(byte[] payload, String source, Instant receivedAt) {
    MessageKind kind = MessageKind.SIGNAL_COMMAND;
    return decodeWhole(kind, payload, source, receivedAt, n -> {
      Instant since = instant(n, "since", "$.since");
      Instant until = instant(n, "until", "$.until");
      if (!until.isAfter(since)) {
        throw new FieldException("$.until", "must be after since (" + since + "), got " + until);
      }
      return new SignalCommand(
          n.get("intersectionId").stringValue(),
          n.get("seq").longValue(),
          n.get("phase").intValue(),
          since,
          until,
          instant(n, "expiresAt", "$.expiresAt"),
          instant(n, "issuedAt", "$.issuedAt"),
          n.get("controller").stringValue());
    });
  }

  /** Reads a meter reading; see {@link #decodeDetectorReport}. */
  public Decoded<MeterReading> decodeMeterReading(byte[] payload, String source, Instant receivedAt) {
    MessageKind kind = MessageKind.METER_READING;
    return decodeWhole(kind, payload, source, receivedAt, n -> {
      Instant start = instant(n, "intervalStart", "$.intervalStart");
      Instant end = instant(n, "intervalEnd", "$.intervalEnd");
      checkInterval(start, end, "$");
      return new MeterReading(
          n.get("meterId").stringValue(),
          MeterLevel.ofWire(n.get("level").stringValue()),
          n.get("seq").longValue(),
          start,
          end,
          n.get("activeEnergyKilowattHours").doubleValue(),
          optionalDouble(n, "reactiveEnergyKilovarHours"),
          optionalDouble(n, "voltageMeanVolts"),
          n.path("busId").isString() ? n.get("busId").stringValue() : null);
    });
  }

  private interface Reader<T> {
    T read(JsonNode node);
  }

  private <T> Decoded<T> decodeWhole(MessageKind kind, byte[] payload, String source, Instant receivedAt, Reader<T> reader) {
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JacksonException e) {
      return refused(kind, source, "$", "not JSON: " + e.getOriginalMessage(), 0, payload, receivedAt);
    }
    List<Error> errors = schemas.get(kind).validate(root);
    if (!errors.isEmpty()) {
      List<String> texts = new ArrayList<>();
      errors.forEach(e -> texts.add(text(e)));
      return refused(kind, source, field(errors.get(0)), String.join("; ", texts), 0, payload, receivedAt);
    }
    try {
      return new Decoded<>(reader.read(root), List.of());
    } catch (FieldException e) {
      return refused(kind, source, e.field, e.getMessage(), 0, payload, receivedAt);
    }
  }

  private static DetectorObservation observation(JsonNode n, String prefix) {
    Instant start = instant(n, "intervalStart", prefix + ".intervalStart");
    Instant end = instant(n, "intervalEnd", prefix + ".intervalEnd");
    checkInterval(start, end, prefix);
    int present = n.has("vehiclesPresent") ? n.get("vehiclesPresent").intValue() : -1;
    int halting = n.has("vehiclesHalting") ? n.get("vehiclesHalting").intValue() : -1;
    if ((present < 0) != (halting < 0)) {
      throw new FieldException(prefix + (present < 0 ? ".vehiclesPresent" : ".vehiclesHalting"),
          "vehiclesPresent and vehiclesHalting come together or not at all");
    }
    if (halting > present) {
      throw new FieldException(prefix + ".vehiclesHalting",
          "must be at most vehiclesPresent (" + present + "), got " + halting);
    }
    double[] distances = doubles(n.get("distancesToStopLineMeters"));
    double[] speeds = doubles(n.get("speedsMetersPerSecond"));
    if ((distances == null) != (speeds == null)) {
      throw new FieldException(prefix + (distances == null ? ".distancesToStopLineMeters" : ".speedsMetersPerSecond"),
          "distancesToStopLineMeters and speedsMetersPerSecond come together or not at all");
    }
    if (distances != null) {
      if (distances.length != speeds.length) {
        throw new FieldException(prefix + ".speedsMetersPerSecond",
            "must have as many entries as distancesToStopLineMeters (" + distances.length + "), got " + speeds.length);
      }
      for (int k = 1; k < distances.length; k++) {
        if (distances[k] < distances[k - 1]) {
          throw new FieldException(prefix + ".distancesToStopLineMeters[" + k + "]",
              "vehicles must be listed nearest the stop line first; " + distances[k] + " m follows " + distances[k - 1] + " m");
        }
      }
      if (present >= 0 && present != distances.length) {
        throw new FieldException(prefix + ".vehiclesPresent",
            "must equal the number of tracked vehicles (" + distances.length + "), got " + present);
      }
    }
    return new DetectorObservation(
        n.get("detectorId").stringValue(),
        n.get("laneId").stringValue(),
        start,
        end,
        n.get("count").intValue(),
        n.get("occupancyFraction").doubleValue(),
        optionalDouble(n, "meanSpeedMetersPerSecond"),
        present,
        halting,
        distances,
        speeds);
  }

  private static void checkInterval(Instant start, Instant end, String prefix) {
    if (!end.isAfter(start)) {
      throw new FieldException(prefix + ".intervalEnd", "must be after intervalStart (" + start + "), got " + end);
    }
    if (Duration.between(start, end).compareTo(MAX_INTERVAL) > 0) {
      throw new FieldException(prefix + ".intervalEnd", "an interval may cover at most one hour; got " + start + " to " + end);
    }
  }

  private static Instant instant(JsonNode n, String name, String field) {
    String s = n.get(name).stringValue();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new FieldException(field, "must be an ISO 8601 date-time with offset, such as 2026-03-01T08:00:00Z; got '" + s + "'");
    }
  }

  private static Instant optionalInstant(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : instant(n, name, field);
  }

  private static double optionalDouble(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? Double.NaN : v.doubleValue();
  }

  private static double[] doubles(JsonNode array) {
    if (array == null) {
      return null;
    }
    double[] out = new double[array.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = array.get(k).doubleValue();
    }
    return out;
  }

  private static String text(Error e) {
    return e.getMessage();
  }

  private static String field(Error e) {
    NodePath path = e.getInstanceLocation();
    StringBuilder b = new StringBuilder("$");
    for (int k = 0; k < path.getNameCount(); k++) {
      Object element = path.getElement(k);
      if (element instanceof Integer index) {
        b.append('[').append(index).append(']');
      } else {
        b.append('.').append(element);
      }
    }
    String at = b.toString();
    String property = e.getProperty();
    // a missing required property is reported at its parent; name the property itself
    if ("required".equals(e.getKeyword()) && property != null) {
      return at + "." + property;
    }
    return at;
  }

  private static <T> Decoded<T> refused(
      MessageKind kind, String source, String field, String reason, int observations, byte[] payload, Instant receivedAt) {
    return new Decoded<>(null, List.of(new Rejection(kind, source, field, reason, observations, excerpt(payload), receivedAt)));
  }

  private static String excerpt(byte[] payload) {
    int n = Math.min(payload.length, Rejection.EXCERPT_CHARS * 4);
    String s = new String(payload, 0, n, StandardCharsets.UTF_8);
    return s.length() > Rejection.EXCERPT_CHARS ? s.substring(0, Rejection.EXCERPT_CHARS) : s;
  }

  /** A rule a schema cannot state, broken at a named field. */
  private static final class FieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    FieldException(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  // ------------------------------------------------------------------ writing

  /** The report as contract JSON (UTF-8). */
  public byte[] encode(DetectorReport r) {
    ObjectNode root = json.createObjectNode();
    root.put("schema", DetectorReport.SCHEMA);
    root.put("stationId", r.stationId());
    root.put("seq", r.seq());
    ArrayNode list = root.putArray("observations");
    for (DetectorObservation o : r.observations()) {
      ObjectNode n = list.addObject();
      n.put("detectorId", o.detectorId());
      n.put("laneId", o.laneId());
      n.put("intervalStart", o.intervalStart().toString());
      n.put("intervalEnd", o.intervalEnd().toString());
      n.put("count", o.count());
      n.put("occupancyFraction", o.occupancyFraction());
      if (!Double.isNaN(o.meanSpeedMetersPerSecond())) {
        n.put("meanSpeedMetersPerSecond", o.meanSpeedMetersPerSecond());
      }
      if (o.hasPresence()) {
        n.put("vehiclesPresent", o.vehiclesPresent());
        n.put("vehiclesHalting", o.vehiclesHalting());
      }
      if (o.hasVehicleTracks()) {
        ArrayNode d = n.putArray("distancesToStopLineMeters");
        for (double x : o.distancesToStopLineMeters()) {
          d.add(x);
        }
        ArrayNode s = n.putArray("speedsMetersPerSecond");
        for (double x : o.speedsMetersPerSecond()) {
          s.add(x);
        }
      }
    }
    return json.writeValueAsBytes(root);
  }

  /** The state as contract JSON. */
  public byte[] encode(SignalState s) {
    ObjectNode n = json.createObjectNode();
    n.put("schema", SignalState.SCHEMA);
    n.put("intersectionId", s.intersectionId());
    n.put("seq", s.seq());
    n.put("phase", s.phase());
    n.put("phaseKind", s.kind().wire());
    n.put("since", s.since().toString());
    if (s.until() != null) {
      n.put("until", s.until().toString());
    }
    n.put("controlSource", s.source().wire());
    if (s.commandSeq() >= 0) {
      n.put("commandSeq", s.commandSeq());
    }
    return json.writeValueAsBytes(n);
  }

  /** The command as contract JSON. */
  public byte[] encode(SignalCommand c) {
    ObjectNode n = json.createObjectNode();
    n.put("schema", SignalCommand.SCHEMA);
    n.put("intersectionId", c.intersectionId());
    n.put("seq", c.seq());
    n.put("phase", c.phase());
    n.put("since", c.since().toString());
    n.put("until", c.until().toString());
    n.put("expiresAt", c.expiresAt().toString());
    n.put("issuedAt", c.issuedAt().toString());
    n.put("controller", c.controller());
    return json.writeValueAsBytes(n);
  }

  /** The reading as contract JSON. */
  public byte[] encode(MeterReading m) {
    ObjectNode n = json.createObjectNode();
    n.put("schema", MeterReading.SCHEMA);
    n.put("meterId", m.meterId());
    n.put("level", m.level().wire());
    n.put("seq", m.seq());
    n.put("intervalStart", m.intervalStart().toString());
    n.put("intervalEnd", m.intervalEnd().toString());
    n.put("activeEnergyKilowattHours", m.activeEnergyKilowattHours());
    if (!Double.isNaN(m.reactiveEnergyKilovarHours())) {
      n.put("reactiveEnergyKilovarHours", m.reactiveEnergyKilovarHours());
    }
    if (!Double.isNaN(m.voltageMeanVolts())) {
      n.put("voltageMeanVolts", m.voltageMeanVolts());
    }
    if (m.busId() != null) {
      n.put("busId", m.busId());
    }
    return json.writeValueAsBytes(n);
  }
}

package io.citybrain.platform.http.live;

import io.citybrain.platform.live.LiveService;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.aggregate.LiveOperators;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.control.LiveControlLoop;
import io.citybrain.live.ngsild.QueryFilter;
import io.citybrain.live.ngsild.SmartDataModels;
import io.citybrain.live.ngsild.Subscription;
import io.citybrain.platform.http.HttpProblem;
import io.citybrain.traffic.network.Road;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * HTTP routes of live operations: {@code /api/live/...} for the dashboard and operators
 * (reconciliation counters, detector health and latest values, signal states, dead letters,
 * history aggregates, the message schemas) and an NGSI-LD subset under {@code /ngsi-ld/v1/}
 * (entities by type and {@code q}, one entity, temporal aggregated values, subscriptions). NGSI-LD
 * errors use the API's problem types (ETSI GS CIM 009, clause 5.5.2) as {@code type}.
 */
public final class LiveRoutes {
  private static final String BAD_REQUEST = "https://uri.etsi.org/ngsi-ld/errors/BadRequestData";
  private static final String NOT_FOUND = "https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound";
  private static final Set<String> TYPES = Set.of("TrafficFlowObserved", "Device", "TrafficSignal", "RoadSegment", "Alert");

  private final LiveService live;

  public LiveRoutes(LiveService live) {
    this.live = live;
  }

  /** Registers the routes. */
  public void register(RoutesConfig r) {
    r.get("/api/live/status", this::status);
    r.get("/api/live/detectors", this::detectors);
    r.get("/api/live/signals", this::signals);
    r.get("/api/live/dead-letters", this::deadLetters);
    r.get("/api/live/history/{detectorId}", this::history);
    r.get("/api/live/schemas/{kind}", this::schema);
    r.get("/ngsi-ld/v1/entities", this::entities);
    r.get("/ngsi-ld/v1/entities/{id}", this::entity);
    r.get("/ngsi-ld/v1/temporal/entities/{id}", this::temporal);
    r.get("/ngsi-ld/v1/types", this::types);
    r.post("/ngsi-ld/v1/subscriptions", this::subscribe);
    r.get("/ngsi-ld/v1/subscriptions", this::subscriptions);
    r.get("/ngsi-ld/v1/subscriptions/{id}", this::subscription);
    r.delete("/ngsi-ld/v1/subscriptions/{id}", this::unsubscribe);
  }

  // ------------------------------------------------------------------ operators' API

  private void status(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("broker", live.endpoint().toString());
    m.put("embeddedBroker", live.options().externalBroker().isEmpty());
    var kafka = live.kafka();
    m.put("kafka", kafka == null ? null : Map.of("bootstrap", kafka.bootstrap(), "recordsReceived", kafka.recordsReceived(),
        "recordsAcknowledged", kafka.recordsAcknowledged()));
    m.put("city", live.options().city().orElse(null));
    m.put("controller", live.options().controller());
    m.put("actuation", live.options().actuation().name().toLowerCase(java.util.Locale.ROOT));
    var session = live.session();
    m.put("fieldOrigin", session == null ? null : Instant.ofEpochMilli(session.originMillis()).toString());
    var rec = live.centre().pipeline().reconciliation();
    m.put("reconciliation", rec);
    m.put("balanced", rec.balanced() && rec.queueDepth() == 0);
    // survives restarts, unlike the counters: what a publisher reconciles against after a crash
    m.put("observationsInHistory", live.store().observationCount());
    LiveControlLoop loop = live.centre().loop();
    m.put("loop", loop == null ? null : loop.stats());
    ctx.json(m);
  }

  private void detectors(Context ctx) {
    LiveOperators ops = live.centre().pipeline().operators();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LiveOperators.HealthRow h : ops.health()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("detectorId", h.detectorId());
      row.put("laneId", h.laneId());
      row.put("status", h.status().name());
      row.put("lastReport", h.lastReportMillis() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(h.lastReportMillis()).toString());
      DetectorObservation o = ops.latest(h.laneId());
      if (o != null) {
        row.put("count", o.count());
        row.put("occupancyFraction", o.occupancyFraction());
        row.put("meanSpeedMetersPerSecond", Double.isNaN(o.meanSpeedMetersPerSecond()) ? null : o.meanSpeedMetersPerSecond());
        row.put("vehiclesPresent", o.hasPresence() ? o.vehiclesPresent() : null);
        row.put("vehiclesHalting", o.hasPresence() ? o.vehiclesHalting() : null);
      }
      rows.add(row);
    }
    ctx.json(Map.of("detectors", rows));
  }

  private void signals(Context ctx) {
    List<Map<String, Object>> rows = new ArrayList<>();
    live.signals().values().stream().sorted((a, b) -> a.intersectionId().compareTo(b.intersectionId())).forEach(s -> {
      Map<String, Object> row = new LinkedHashMap<>(SmartDataModels.trafficSignal(s));
      row.put("intersectionId", s.intersectionId());
      LiveControlLoop loop = live.centre().loop();
      row.put("degraded", loop != null && loop.isDegraded(s.intersectionId()));
      rows.add(row);
    });
    ctx.json(Map.of("signals", rows));
  }

  private void deadLetters(Context ctx) {
    int limit = intParam(ctx, "limit", 100, 1, 10_000);
    ctx.json(Map.of("deadLetters", live.store().deadLetters(limit)));
  }

  private void history(Context ctx) {
    long to = instantParam(ctx, "to", System.currentTimeMillis());
    long from = instantParam(ctx, "from", to - 86_400_000L);
    long period = durationParam(ctx, "period", 300_000);
    ctx.json(Map.of("aggregates", live.store().aggregates(ctx.pathParam("detectorId"), from, to, period)));
  }

  private void schema(Context ctx) {
    for (MessageKind k : MessageKind.values()) {
      if (k.label().equals(ctx.pathParam("kind"))) {
        ctx.contentType("application/schema+json").result(MessageCodec.schemaText(k));
        return;
      }
    }
    throw new HttpProblem(404, "not_found", "no schema '" + ctx.pathParam("kind") + "'; known: detector-report, signal-state,"
        + " signal-command, meter-reading");
  }

  // ------------------------------------------------------------------ NGSI-LD

  private List<Map<String, Object>> all(String type) {
    List<Map<String, Object>> out = new ArrayList<>();
    LiveOperators ops = live.centre().pipeline().operators();
    switch (type) {
      case "TrafficFlowObserved" -> ops.latestByLane().values().forEach(o -> out.add(SmartDataModels.trafficFlowObserved(o, LiveService.roadOf(o.laneId()))));
      case "Device" -> ops.health().forEach(h -> out.add(SmartDataModels.device(h.detectorId(), h.laneId(), h.status(), h.lastReportMillis())));
      case "TrafficSignal" -> live.signals().values().forEach(s -> out.add(SmartDataModels.trafficSignal(s)));
      case "Alert" -> out.addAll(live.alerts());
      case "RoadSegment" -> {
        if (live.scenario() != null) {
          for (Road road : live.scenario().network().roads()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", SmartDataModels.roadSegmentId(road.id()));
            e.put("type", "RoadSegment");
            e.put("name", road.id());
            e.put("totalLaneNumber", road.lanes().size());
            e.put("length", road.polylineLengthMeters() / 1000.0);
            e.put("maximumAllowedSpeed", road.lanes().get(0).maxSpeedMetersPerSecond() * SmartDataModels.KMH_PER_MPS);
            out.add(e);
          }
        }
      }
      default -> throw ngsi(400, BAD_REQUEST, "unknown type '" + type + "'; this broker serves " + TYPES);
    }
    out.sort((a, b) -> String.valueOf(a.get("id")).compareTo(String.valueOf(b.get("id"))));
    return out;
  }

  private void entities(Context ctx) {
    String type = ctx.queryParam("type");
    if (type == null) {
      throw ngsi(400, BAD_REQUEST, "give type (one of " + TYPES + "); a query over every type is not served");
    }
    Predicate<Map<String, Object>> q = filter(ctx.queryParam("q"));
    int limit = intParam(ctx, "limit", 100, 1, 10_000);
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    boolean keyValues = isKeyValues(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    int skipped = 0;
    for (Map<String, Object> e : all(type)) {
      if (!q.test(e)) {
        continue;
      }
      if (skipped++ < offset) {
        continue;
      }
      out.add(keyValues ? e : SmartDataModels.normalized(e));
      if (out.size() == limit) {
        break;
      }
    }
    ctx.json(out);
  }

  private void entity(Context ctx) {
    String id = ctx.pathParam("id");
    String type = typeOf(id);
    for (Map<String, Object> e : all(type)) {
      if (id.equals(e.get("id"))) {
        ctx.json(isKeyValues(ctx) ? e : SmartDataModels.normalized(e));
        return;
      }
    }
    throw ngsi(404, NOT_FOUND, "no entity " + id);
  }

  private void types(Context ctx) {
    ctx.json(Map.of("id", "urn:ngsi-ld:EntityTypeList:citybrain", "type", "EntityTypeList", "typeList", TYPES.stream().sorted().toList()));
  }

  /**
   * Temporal aggregated values of a TrafficFlowObserved ({@code format=aggregatedValues},
   * {@code aggrMethods} from avg, min, max, sum, totalCount; {@code aggrPeriodDuration} an ISO 8601
   * duration, PT5M by default; {@code timerel=between} with {@code timeAt} and {@code endTimeAt}).
   */
  private void temporal(Context ctx) {
    String id = ctx.pathParam("id");
    if (!"TrafficFlowObserved".equals(typeOf(id))) {
      throw ngsi(400, BAD_REQUEST, "temporal queries are served for TrafficFlowObserved entities; got " + id);
    }
    String detector = id.substring("urn:ngsi-ld:TrafficFlowObserved:".length());
    String timerel = ctx.queryParam("timerel");
    if (timerel != null && !timerel.equals("between")) {
      throw ngsi(400, BAD_REQUEST, "timerel: only 'between' is served, with timeAt and endTimeAt");
    }
    long to = instantParam(ctx, "endTimeAt", System.currentTimeMillis());
    long from = instantParam(ctx, "timeAt", to - 86_400_000L);
    long period = durationParam(ctx, "aggrPeriodDuration", 300_000);
    List<String> methods = List.of(ctx.queryParamAsClass("aggrMethods", String.class).getOrDefault("avg,min,max").split(","));
    for (String m : methods) {
      if (!Set.of("avg", "min", "max", "sum", "totalCount").contains(m)) {
        throw ngsi(400, BAD_REQUEST, "aggrMethods: '" + m + "' is not served; use avg, min, max, sum, totalCount");
      }
    }
    List<LaneAggregate> aggs = live.store().aggregates(detector, from, to, period);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("type", "TrafficFlowObserved");
    out.put("occupancy", aggregated(aggs, methods, a -> a.occupancyMeanFraction(), a -> a.occupancyMinFraction(),
        a -> a.occupancyMaxFraction(), null));
    out.put("intensity", aggregated(aggs, methods, a -> (double) a.count() / Math.max(1, a.observations()), null, null,
        a -> (double) a.count()));
    out.put("averageVehicleSpeed", aggregated(aggs, methods, a -> a.speedMeanMetersPerSecond() * SmartDataModels.KMH_PER_MPS,
        a -> a.speedMinMetersPerSecond() * SmartDataModels.KMH_PER_MPS, a -> a.speedMaxMetersPerSecond() * SmartDataModels.KMH_PER_MPS,
        null));
    ctx.json(out);
  }

  private interface Value {
    double of(LaneAggregate a);
  }

  private static Map<String, Object> aggregated(List<LaneAggregate> aggs, List<String> methods, Value avg, Value min, Value max, Value sum) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", "Property");
    for (String m : methods) {
      Value v = switch (m) {
        case "avg" -> avg;
        case "min" -> min;
        case "max" -> max;
        case "sum" -> sum;
        default -> a -> (double) a.observations();
      };
      if (v == null) {
        continue;
      }
      List<List<Object>> series = new ArrayList<>();
      for (LaneAggregate a : aggs) {
        double x = v.of(a);
        if (!Double.isNaN(x)) {
          series.add(List.of(x, Instant.ofEpochMilli(a.windowStartMillis()).toString(), Instant.ofEpochMilli(a.windowEndMillis()).toString()));
        }
      }
      p.put(m, series);
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  private void subscribe(Context ctx) {
    Map<String, Object> body;
    try {
      body = io.citybrain.platform.storage.Json.mapper().readValue(ctx.body(), Map.class);
    } catch (Exception e) {
      throw ngsi(400, BAD_REQUEST, "the subscription is not JSON: " + e.getMessage());
    }
    List<Map<String, Object>> entities = (List<Map<String, Object>>) body.get("entities");
    if (entities == null || entities.size() != 1 || !(entities.get(0).get("type") instanceof String type) || !TYPES.contains(type)) {
      throw ngsi(400, BAD_REQUEST, "entities must be one {\"type\": ...} of " + TYPES);
    }
    Map<String, Object> notification = (Map<String, Object>) body.get("notification");
    Map<String, Object> endpoint = notification == null ? null : (Map<String, Object>) notification.get("endpoint");
    if (endpoint == null || !(endpoint.get("uri") instanceof String uri)) {
      throw ngsi(400, BAD_REQUEST, "notification.endpoint.uri is required (http://..., https://... or mqtt://host:port/topic)");
    }
    Set<String> attrs = new HashSet<>();
    if (notification.get("attributes") instanceof List<?> l) {
      l.forEach(a -> attrs.add(String.valueOf(a)));
    }
    boolean keyValues = "keyValues".equals(notification.get("format"));
    try {
      Subscription s = live.subscriptions().add(type, body.get("q") instanceof String q ? QueryFilter.parse(q) : null, attrs,
          keyValues, URI.create(uri));
      ctx.status(201).header("Location", "/ngsi-ld/v1/subscriptions/" + s.id()).json(Map.of("id", s.id()));
    } catch (IllegalArgumentException e) {
      throw ngsi(400, BAD_REQUEST, e.getMessage());
    }
  }

  private Map<String, Object> view(Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("type", "Subscription");
    m.put("entities", List.of(Map.of("type", s.entityType())));
    if (s.q() != null) {
      m.put("q", s.q().toString());
    }
    var st = live.subscriptions().status(s.id());
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("format", s.keyValues() ? "keyValues" : "normalized");
    n.put("attributes", s.attributes());
    n.put("endpoint", Map.of("uri", s.endpoint().toString(), "accept", "application/json"));
    if (st != null) {
      n.put("timesSent", st.notificationsSent());
      n.put("entitiesNotified", st.entitiesNotified());
      n.put("timesFailed", st.failures());
      n.put("lastSuccess", st.lastSuccess());
      n.put("lastFailure", st.lastFailure());
    }
    m.put("notification", n);
    return m;
  }

  private void subscriptions(Context ctx) {
    ctx.json(live.subscriptions().list().stream().map(this::view).toList());
  }

  private void subscription(Context ctx) {
    Subscription s = live.subscriptions().find(ctx.pathParam("id"));
    if (s == null) {
      throw ngsi(404, NOT_FOUND, "no subscription " + ctx.pathParam("id"));
    }
    ctx.json(view(s));
  }

  private void unsubscribe(Context ctx) {
    if (!live.subscriptions().delete(ctx.pathParam("id"))) {
      throw ngsi(404, NOT_FOUND, "no subscription " + ctx.pathParam("id"));
    }
    ctx.status(204);
  }

  // ------------------------------------------------------------------ parameters

  private static String typeOf(String id) {
    String[] parts = id.split(":", 4);
    if (parts.length < 4 || !parts[0].equals("urn") || !parts[1].equals("ngsi-ld") || !TYPES.contains(parts[2])) {
      throw ngsi(400, BAD_REQUEST, "an entity id is urn:ngsi-ld:<type>:<local id> with a type of " + TYPES + "; got " + id);
    }
    return parts[2];
  }

  private static Predicate<Map<String, Object>> filter(String q) {
    if (q == null || q.isBlank()) {
      return e -> true;
    }
    try {
      return QueryFilter.parse(q);
    } catch (IllegalArgumentException e) {
      throw ngsi(400, BAD_REQUEST, e.getMessage());
    }
  }

  private static boolean isKeyValues(Context ctx) {
    String options = ctx.queryParam("options");
    String format = ctx.queryParam("format");
    return "keyValues".equals(format) || (options != null && List.of(options.split(",")).contains("keyValues"));
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw ngsi(400, BAD_REQUEST, name + " must be an integer in [" + min + ", " + max + "]; got '" + v + "'");
    }
  }

  private static long instantParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      return java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ngsi(400, BAD_REQUEST, name + " must be an ISO 8601 date-time such as 2026-03-02T08:00:00Z; got '" + v + "'");
    }
  }

  private static long durationParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      long ms = Duration.parse(v).toMillis();
      if (ms < 1000) {
        throw new DateTimeParseException("too short", v, 0);
      }
      return ms;
    } catch (DateTimeParseException e) {
      throw ngsi(400, BAD_REQUEST, name + " must be an ISO 8601 duration of at least PT1S such as PT5M; got '" + v + "'");
    }
  }

  private static HttpProblem ngsi(int status, String type, String detail) {
    return new HttpProblem(status, type, detail);
  }
}

package io.citybrain.platform.http.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.citybrain.live.contract.ControlSource;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.contract.PhaseKind;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.control.ActuationMode;
import io.citybrain.live.ingest.LivePipeline;
import io.citybrain.live.ingest.RawMessage;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.live.LiveOptions;
import io.citybrain.platform.storage.Json;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live routes over real HTTP ({@code /api/live/...} and the NGSI-LD subset) on a server with
 * live operations on Jinan: embedded MQTT broker, embedded H2 history. Messages go straight into
 * the centre's pipeline (the MQTT path has its own tests), with hand-chosen values whose
 * aggregates are worked out below. An integration test: it starts the embedded broker.
 *
 * <p>Detector {@code det-A} (lane road_0_1_0_0) reports ten one-minute intervals from T0, a
 * ten-minute boundary an hour ago: window 1 (minutes 0–4) counts 2, 4, 6, 8, 10, occupancy 0.1 to
 * 0.5, speeds 10, 10, 5, 5, 20 m/s; window 2 (minutes 5–9) counts 0, 0, 3, 0, 3, occupancy 0, 0,
 * 0.15, 0, 0.05, speeds none, none, 12, none, 8 m/s. {@code det-B} (lane road_0_2_0_1) reports one
 * minute: 12 vehicles, occupancy 0.6, 2.5 m/s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveApiIT {
  @TempDir static Path dir;
  static TestServer api;
  static LivePipeline pipeline;
  static final MessageCodec CODEC = new MessageCodec();
  static Instant t0;
  static final String A = "urn:ngsi-ld:TrafficFlowObserved:det-A";

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static DetectorObservation obs(String detector, String lane, int minute, int count, double occupancy, double speed) {
    return DetectorObservation.loop(detector, lane, t0.plusSeconds(60L * minute), t0.plusSeconds(60L * minute + 60), count,
        occupancy, speed);
  }

  static void submit(MessageKind kind, byte[] payload) {
    assertThat(pipeline.submit(RawMessage.of(kind, payload, "test", Instant.now()))).isTrue();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
      Thread.sleep(50);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    long now = System.currentTimeMillis();
    t0 = Instant.ofEpochMilli(now - Math.floorMod(now, 600_000L) - 3_600_000L);
    api = new TestServer(PlatformConfig.defaults(dir),
        Optional.of(new LiveOptions(Optional.of("jinan"), "max-pressure", ActuationMode.SHADOW, freePort(), Optional.empty(), 30)));
    pipeline = api.server().live().orElseThrow().centre().pipeline();
    int[] counts = {2, 4, 6, 8, 10, 0, 0, 3, 0, 3};
    double[] occupancy = {0.1, 0.2, 0.3, 0.4, 0.5, 0, 0, 0.15, 0, 0.05};
    double[] speed = {10, 10, 5, 5, 20, Double.NaN, Double.NaN, 12, Double.NaN, 8};
    for (int m = 0; m < 10; m++) {
      submit(MessageKind.DETECTOR_REPORT,
          CODEC.encode(new DetectorReport("st-A", m, List.of(obs("det-A", "road_0_1_0_0", m, counts[m], occupancy[m], speed[m])))));
    }
    submit(MessageKind.DETECTOR_REPORT, CODEC.encode(new DetectorReport("st-B", 0, List.of(obs("det-B", "road_0_2_0_1", 0, 12, 0.6, 2.5)))));
    submit(MessageKind.SIGNAL_STATE, CODEC.encode(new SignalState("intersection_1_1", 1, 2, PhaseKind.GREEN, t0, t0.plusSeconds(20),
        ControlSource.LOCAL_PLAN, -1)));
    submit(MessageKind.DETECTOR_REPORT, "{\"schema\":\"citybrain.detector-report/1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(pipeline.awaitDrained(Duration.ofSeconds(60))).isTrue();
    // the clock closes the windows (they ended an hour ago) and writes their rollups
    var db = api.server().platform().database().jdbi();
    await("rollups of 3 windows with 11 observations", () -> db.withHandle(h -> h.createQuery(
        "SELECT COUNT(*) || '/' || COALESCE(SUM(observations), 0) FROM live_rollups").mapTo(String.class).one()).equals("3/11"));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode ok(String path) {
    Answer a = api.get(path);
    assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
    return a.json();
  }

  static void badRequest(String path, String detailPart) {
    Answer a = api.get(path);
    assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(400);
    assertThat(a.body()).contains("https://uri.etsi.org/ngsi-ld/errors/BadRequestData").contains(detailPart);
  }

  static String temporal(String entity, Instant from, Instant to, String period, String methods) {
    return "/ngsi-ld/v1/temporal/entities/" + entity + "?timerel=between&timeAt=" + from + "&endTimeAt=" + to
        + "&aggrPeriodDuration=" + period + "&aggrMethods=" + methods;
  }

  /** One aggregated series: the values, each checked to span [from + i·period, from + (i+1)·period). */
  static double[] series(JsonNode attribute, String method, Instant from, Duration period) {
    JsonNode s = attribute.get(method);
    double[] out = new double[s.size()];
    for (int i = 0; i < s.size(); i++) {
      out[i] = s.get(i).get(0).asDouble();
      assertThat(s.get(i).get(1).asText()).isEqualTo(from.plus(period.multipliedBy(i)).toString());
      assertThat(s.get(i).get(2).asText()).isEqualTo(from.plus(period.multipliedBy(i + 1)).toString());
    }
    return out;
  }

  @Test
  @Order(1)
  void statusReconcilesAndTheMalformedMessageIsADeadLetter() {
    JsonNode status = ok("/api/live/status");
    JsonNode r = status.get("reconciliation");
    assertThat(r.get("messagesReceived").asLong()).isEqualTo(13);
    assertThat(r.get("messagesRefused").asLong()).isEqualTo(1);
    assertThat(r.get("observationsAccepted").asLong()).isEqualTo(11);
    assertThat(r.get("observationsStored").asLong()).isEqualTo(11);
    assertThat(r.get("observationsAggregated").asLong() + r.get("observationsLate").asLong()).isEqualTo(11);
    assertThat(r.get("signalStatesAccepted").asLong()).isEqualTo(1);
    assertThat(status.get("balanced").asBoolean()).isTrue();
    assertThat(status.get("observationsInHistory").asLong()).isEqualTo(11);
    assertThat(status.get("city").asText()).isEqualTo("jinan");
    assertThat(status.get("actuation").asText()).isEqualTo("shadow");

    JsonNode dead = ok("/api/live/dead-letters").get("deadLetters");
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).toString()).contains("detector-report").contains("stationId");

    assertThat(ok("/api/live/schemas/detector-report").get("$id").asText()).contains("detector-report");
    assertThat(api.get("/api/live/schemas/vehicle-track").status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void detectorsAndSignalsInTheOperatorsApiKeepSiUnits() throws Exception {
    JsonNode detectors = ok("/api/live/detectors").get("detectors");
    assertThat(detectors.findValuesAsText("detectorId")).containsExactly("det-A", "det-B");
    JsonNode a = detectors.get(0);
    assertThat(a.get("laneId").asText()).isEqualTo("road_0_1_0_0");
    assertThat(a.get("count").asInt()).isEqualTo(3);
    assertThat(a.get("occupancyFraction").asDouble()).isEqualTo(0.05);
    assertThat(a.get("meanSpeedMetersPerSecond").asDouble()).isEqualTo(8.0);
    assertThat(a.get("lastReport").asText()).isEqualTo(t0.plusSeconds(600).toString());

    JsonNode signals = ok("/api/live/signals").get("signals");
    assertThat(signals).hasSize(1);
    JsonNode s = signals.get(0);
    assertThat(s.get("intersectionId").asText()).isEqualTo("intersection_1_1");
    assertThat(s.get("id").asText()).isEqualTo("urn:ngsi-ld:TrafficSignal:intersection_1_1");
    assertThat(s.get("phase").asInt()).isEqualTo(2);
    assertThat(s.get("phaseKind").asText()).isEqualTo("green");
    assertThat(s.get("controlMode").asText()).isEqualTo("local-plan");
    assertThat(s.get("nextChangeAt").asText()).isEqualTo(t0.plusSeconds(20).toString());
    assertThat(s.get("degraded").asBoolean()).isFalse();

    // the operators' history is in SI units: window 1's count-weighted mean speed is 330 / 30 m/s
    JsonNode history = ok("/api/live/history/det-A?from=" + t0 + "&to=" + t0.plusSeconds(600) + "&period=PT5M").get("aggregates");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("count").asLong()).isEqualTo(30);
    assertThat(history.get(0).get("speedMeanMetersPerSecond").asDouble()).isCloseTo(11.0, within(1e-9));
    assertThat(history.get(1).get("count").asLong()).isEqualTo(6);
    assertThat(history.get(1).get("speedMeanMetersPerSecond").asDouble()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  @Order(3)
  void entitiesByTypeAndQInKmPerHour() {
    JsonNode flows = ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&options=keyValues");
    assertThat(flows.findValuesAsText("id")).containsExactly(A, "urn:ngsi-ld:TrafficFlowObserved:det-B");
    JsonNode a = flows.get(0);
    // the latest minute of det-A: 8 m/s is 28.8 km/h at the edge
    assertThat(a.get("averageVehicleSpeed").asDouble()).isCloseTo(28.8, within(1e-9));
    assertThat(a.get("intensity").asInt()).isEqualTo(3);
    assertThat(a.get("occupancy").asDouble()).isEqualTo(0.05);
    assertThat(a.get("refRoadSegment").asText()).isEqualTo("urn:ngsi-ld:RoadSegment:road_0_1_0");
    assertThat(a.get("dateObservedFrom").asText()).isEqualTo(t0.plusSeconds(540).toString());
    assertThat(flows.get(1).get("averageVehicleSpeed").asDouble()).isCloseTo(9.0, within(1e-9));

    // q: '>' numeric, ';' and, '|' or, quoted strings
    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=" + enc("occupancy>0.3")).findValuesAsText("id"))
        .containsExactly("urn:ngsi-ld:TrafficFlowObserved:det-B");
    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=" + enc("occupancy<0.3;intensity==3")).findValuesAsText("id"))
        .containsExactly(A);
    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=" + enc("occupancy>0.3|averageVehicleSpeed<30")).size())
        .isEqualTo(2);
    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=" + enc("laneId==\"road_0_2_0_1\"")).findValuesAsText("id"))
        .containsExactly("urn:ngsi-ld:TrafficFlowObserved:det-B");
    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=" + enc("averageVehicleSpeed>100")).size()).isZero();
    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficFlowObserved&limit=1&offset=1").findValuesAsText("id"))
        .containsExactly("urn:ngsi-ld:TrafficFlowObserved:det-B");

    // normalized: Properties with the UN/CEFACT unit code, references as Relationships
    JsonNode normal = ok("/ngsi-ld/v1/entities/" + A);
    assertThat(normal.get("averageVehicleSpeed").get("type").asText()).isEqualTo("Property");
    assertThat(normal.get("averageVehicleSpeed").get("value").asDouble()).isCloseTo(28.8, within(1e-9));
    assertThat(normal.get("averageVehicleSpeed").get("unitCode").asText()).isEqualTo("KMH");
    assertThat(normal.get("refRoadSegment").get("type").asText()).isEqualTo("Relationship");
    assertThat(normal.get("refRoadSegment").get("object").asText()).isEqualTo("urn:ngsi-ld:RoadSegment:road_0_1_0");

    // Jinan's road_0_1_0 runs from (-400, 0) to (0, 0) with 3 lanes at 11.111 m/s
    JsonNode road = ok("/ngsi-ld/v1/entities/urn:ngsi-ld:RoadSegment:road_0_1_0?options=keyValues");
    assertThat(road.get("length").asDouble()).isCloseTo(0.4, within(1e-12));
    assertThat(road.get("maximumAllowedSpeed").asDouble()).isCloseTo(39.9996, within(1e-9));
    assertThat(road.get("totalLaneNumber").asInt()).isEqualTo(3);
    assertThat(ok("/ngsi-ld/v1/entities?type=RoadSegment&limit=1000").size()).isEqualTo(62);
    assertThat(ok("/ngsi-ld/v1/entities?type=RoadSegment&q=" + enc("totalLaneNumber>3")).size()).isZero();

    assertThat(ok("/ngsi-ld/v1/entities?type=TrafficSignal&q=" + enc("controlMode==\"local-plan\";phase==2")).findValuesAsText("id"))
        .containsExactly("urn:ngsi-ld:TrafficSignal:intersection_1_1");
    assertThat(ok("/ngsi-ld/v1/types").get("typeList").toString())
        .isEqualTo("[\"Alert\",\"Device\",\"RoadSegment\",\"TrafficFlowObserved\",\"TrafficSignal\"]");
  }

  @Test
  @Order(4)
  void silentDetectorsAreDevicesInFaultWithAlerts() throws Exception {
    // their last reports ended about 50 minutes ago: the clock judges them silent
    await("both devices silent", () -> ok("/ngsi-ld/v1/entities?type=Device&q=" + enc("deviceState==\"silent\"")).size() == 2);
    JsonNode alerts = ok("/ngsi-ld/v1/entities?type=Alert&options=keyValues");
    // a clock tick between two of det-A's old reports may already have judged it silent once
    assertThat(alerts.findValuesAsText("alertSource")).contains("urn:ngsi-ld:Device:det-A", "urn:ngsi-ld:Device:det-B")
        .containsOnly("urn:ngsi-ld:Device:det-A", "urn:ngsi-ld:Device:det-B");
    assertThat(alerts.findValuesAsText("category")).containsOnly("traffic");
    assertThat(ok("/api/live/detectors").get("detectors").findValuesAsText("status")).containsOnly("SILENT");
  }

  @Test
  @Order(5)
  void temporalFiveMinuteAggregatesAreHandComputed() {
    Instant end = t0.plusSeconds(600);
    JsonNode t = ok(temporal(A, t0, end, "PT5M", "avg,min,max,sum,totalCount"));
    Duration p5 = Duration.ofMinutes(5);
    // occupancy: time-weighted mean of equal minutes, min, max
    assertThat(series(t.get("occupancy"), "avg", t0, p5)).containsExactly(new double[] {0.3, 0.04}, within(1e-12));
    assertThat(series(t.get("occupancy"), "min", t0, p5)).containsExactly(0.1, 0.0);
    assertThat(series(t.get("occupancy"), "max", t0, p5)).containsExactly(0.5, 0.15);
    // speed: weighted by count, (2·10 + 4·10 + 6·5 + 8·5 + 10·20) / 30 = 11 m/s = 39.6 km/h (the
    // plain mean of the minutes, 10 m/s, would give 36); window 2: (3·12 + 3·8) / 6 = 10 m/s
    assertThat(series(t.get("averageVehicleSpeed"), "avg", t0, p5)).containsExactly(new double[] {39.6, 36.0}, within(1e-9));
    assertThat(series(t.get("averageVehicleSpeed"), "min", t0, p5)).containsExactly(new double[] {18.0, 28.8}, within(1e-9));
    assertThat(series(t.get("averageVehicleSpeed"), "max", t0, p5)).containsExactly(new double[] {72.0, 43.2}, within(1e-9));
    // intensity: vehicles per window, and per one-minute observation on average
    assertThat(series(t.get("intensity"), "sum", t0, p5)).containsExactly(30.0, 6.0);
    assertThat(series(t.get("intensity"), "avg", t0, p5)).containsExactly(6.0, 1.2);
    assertThat(series(t.get("intensity"), "totalCount", t0, p5)).containsExactly(5.0, 5.0);
    assertThat(t.get("averageVehicleSpeed").has("sum")).as("a sum of speeds means nothing").isFalse();

    // ten minutes in one period: (330 + 60) / 36 m/s = 39 km/h, occupancy (1.5 + 0.2) / 10
    JsonNode t10 = ok(temporal(A, t0, end, "PT10M", "avg,min,max"));
    assertThat(series(t10.get("averageVehicleSpeed"), "avg", t0, Duration.ofMinutes(10))).containsExactly(new double[] {39.0},
        within(1e-9));
    assertThat(series(t10.get("occupancy"), "avg", t0, Duration.ofMinutes(10))).containsExactly(new double[] {0.17}, within(1e-12));

    // from a minute in: not on the rollups' grid, read from the rows; the first period holds
    // minutes 1-4: (40 + 30 + 40 + 200) / 28 m/s
    JsonNode t1 = ok(temporal(A, t0.plusSeconds(60), t0.plusSeconds(300), "PT5M", "avg"));
    JsonNode speed = t1.get("averageVehicleSpeed").get("avg");
    assertThat(speed).hasSize(1);
    assertThat(speed.get(0).get(0).asDouble()).isCloseTo(310.0 / 28 * 3.6, within(1e-9));
    assertThat(t1.get("occupancy").get("avg").get(0).get(0).asDouble()).isCloseTo(0.35, within(1e-12));

    assertThat(ok(temporal(A, end, end.plusSeconds(3600), "PT5M", "avg")).get("occupancy").get("avg")).isEmpty();
  }

  @Test
  @Order(6)
  void badRequestsNameTheParameterAndTheExpectation() {
    badRequest("/ngsi-ld/v1/entities", "give type");
    badRequest("/ngsi-ld/v1/entities?type=Vehicle", "unknown type 'Vehicle'");
    badRequest("/ngsi-ld/v1/entities?type=TrafficFlowObserved&q=" + enc("occupancy~0.3"), "needs one of");
    badRequest("/ngsi-ld/v1/entities?type=TrafficFlowObserved&limit=0", "limit must be an integer");
    badRequest("/ngsi-ld/v1/entities/urn:ngsi-ld:Vehicle:1", "urn:ngsi-ld:<type>:<local id>");
    badRequest(temporal(A, t0, t0.plusSeconds(600), "PT5M", "median"), "aggrMethods: 'median'");
    badRequest(temporal(A, t0, t0.plusSeconds(600), "PT0S", "avg"), "aggrPeriodDuration must be an ISO 8601 duration");
    badRequest(temporal(A, t0, t0.plusSeconds(600), "PT5M", "avg").replace("timerel=between", "timerel=before"), "timerel");
    badRequest("/ngsi-ld/v1/temporal/entities/" + A + "?timeAt=yesterday", "timeAt must be an ISO 8601 date-time");
    badRequest("/ngsi-ld/v1/temporal/entities/urn:ngsi-ld:Device:det-A", "TrafficFlowObserved");

    Answer missing = api.get("/ngsi-ld/v1/entities/urn:ngsi-ld:TrafficFlowObserved:det-Z");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound");
    assertThat(api.post("/ngsi-ld/v1/subscriptions", "{\"entities\":[{\"type\":\"TrafficFlowObserved\"}]}").body())
        .contains("notification.endpoint.uri is required");
  }

  @Test
  @Order(7)
  void aSubscriptionNotifiesOverHttpOnlyWhatPassesItsFilterInKmPerHour() throws Exception {
    BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/notify", ex -> {
      received.add(Json.mapper().readTree(ex.getRequestBody().readAllBytes()));
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    try {
      String uri = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify";
      Answer created = api.post("/ngsi-ld/v1/subscriptions", """
          {"type": "Subscription", "entities": [{"type": "TrafficFlowObserved"}], "q": "occupancy>0.5",
           "notification": {"format": "keyValues", "attributes": ["occupancy", "averageVehicleSpeed"],
                            "endpoint": {"uri": "%s", "accept": "application/json"}}}
          """.formatted(uri));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().get("id").asText();
      assertThat(created.raw().headers().firstValue("Location")).contains("/ngsi-ld/v1/subscriptions/" + id);

      // the pipeline's one worker keeps the order: were the first one notified, it would come first
      submit(MessageKind.DETECTOR_REPORT, CODEC.encode(new DetectorReport("st-C", 0, List.of(obs("det-C", "road_0_3_0_0", 20, 5, 0.2, 9)))));
      submit(MessageKind.DETECTOR_REPORT, CODEC.encode(new DetectorReport("st-D", 0, List.of(obs("det-D", "road_0_3_0_1", 20, 5, 0.7, 5)))));
      JsonNode n = received.poll(30, TimeUnit.SECONDS);
      assertThat(n).as("a notification").isNotNull();
      assertThat(n.get("type").asText()).isEqualTo("Notification");
      assertThat(n.get("subscriptionId").asText()).isEqualTo(id);
      List<JsonNode> data = new ArrayList<>();
      n.get("data").forEach(data::add);
      assertThat(data).hasSize(1);
      assertThat(data.get(0).get("id").asText()).isEqualTo("urn:ngsi-ld:TrafficFlowObserved:det-D");
      assertThat(data.get(0).get("occupancy").asDouble()).isEqualTo(0.7);
      assertThat(data.get(0).get("averageVehicleSpeed").asDouble()).isCloseTo(18.0, within(1e-9));
      assertThat(data.get(0).has("intensity")).as("only the attributes asked for").isFalse();

      JsonNode view = ok("/ngsi-ld/v1/subscriptions/" + id);
      assertThat(view.get("q").asText()).isEqualTo("occupancy>0.5");
      await("the notification counted", () -> ok("/ngsi-ld/v1/subscriptions/" + id).get("notification").get("timesSent").asLong() == 1);
      assertThat(ok("/ngsi-ld/v1/subscriptions").findValuesAsText("id")).containsExactly(id);
      assertThat(api.delete("/ngsi-ld/v1/subscriptions/" + id).status()).isEqualTo(204);
      assertThat(api.get("/ngsi-ld/v1/subscriptions/" + id).status()).isEqualTo(404);
      assertThat(api.delete("/ngsi-ld/v1/subscriptions/" + id).status()).isEqualTo(404);
      assertThat(received).isEmpty();
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  @Order(8)
  void aSubscriptionNotifiesOverMqttInTheNormalizedFormWithUnitCodes() throws Exception {
    var endpoint = api.server().live().orElseThrow().endpoint();
    BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    try (var subscriber = new io.citybrain.live.transport.mqtt.MqttSession(endpoint, "live-api-it-subscriber", 10, p -> {
      try {
        received.add(Json.mapper().readTree(p.getPayloadAsBytes()));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      p.acknowledge();
    })) {
      subscriber.subscribe("city/flows");
      Answer created = api.post("/ngsi-ld/v1/subscriptions", """
          {"type": "Subscription", "entities": [{"type": "TrafficFlowObserved"}], "q": "occupancy>0.8",
           "notification": {"endpoint": {"uri": "mqtt://%s:%d/city/flows"}}}
          """.formatted(endpoint.host(), endpoint.port()));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      submit(MessageKind.DETECTOR_REPORT, CODEC.encode(new DetectorReport("st-E", 0, List.of(obs("det-E", "road_0_3_0_2", 21, 7, 0.9, 10)))));
      JsonNode n = received.poll(30, TimeUnit.SECONDS);
      assertThat(n).as("a notification over MQTT").isNotNull();
      assertThat(n.get("subscriptionId").asText()).isEqualTo(created.json().get("id").asText());
      JsonNode e = n.get("data").get(0);
      assertThat(e.get("id").asText()).isEqualTo("urn:ngsi-ld:TrafficFlowObserved:det-E");
      assertThat(e.get("averageVehicleSpeed").get("value").asDouble()).isCloseTo(36.0, within(1e-9));
      assertThat(e.get("averageVehicleSpeed").get("unitCode").asText()).isEqualTo("KMH");
      assertThat(e.get("refRoadSegment").get("object").asText()).isEqualTo("urn:ngsi-ld:RoadSegment:road_0_3_0");
      assertThat(api.delete("/ngsi-ld/v1/subscriptions/" + created.json().get("id").asText()).status()).isEqualTo(204);
    }
  }
}

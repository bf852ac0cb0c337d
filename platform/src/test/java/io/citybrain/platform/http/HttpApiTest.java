package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.storage.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over real HTTP on a random loopback port, with an embedded database. */
class HttpApiTest {
  @TempDir static Path dir;
  static TestServer api;

  @BeforeAll
  static void start() {
    api = new TestServer(PlatformConfig.defaults(dir).withMaxUploadBytes(256 * 1024));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Rows in the tables a bad request must not touch. */
  private static long[] stored() {
    var p = api.server().platform();
    long scenarios = p.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scenarios").mapTo(Long.class).one());
    return new long[] {p.runStore().count(), scenarios, p.audit().count()};
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = HttpApiTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static long startRun(String json) {
    Answer a = api.post("/api/runs", json);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.raw().headers().firstValue("Location")).isPresent();
    return a.json().get("id").asLong();
  }

  @Test
  void readOnlyEndpointsAnswerOnLoopbackWithoutAToken() {
    assertThat(api.get("/api/health").json().get("database").asText()).isEqualTo("h2");
    JsonNode controllers = api.get("/api/controllers").json().get("controllers");
    assertThat(controllers.findValuesAsText("name")).contains("fixed-time", "max-pressure", "sotl", "roadnet-plan");
    JsonNode scenarios = api.get("/api/scenarios").json().get("scenarios");
    assertThat(scenarios.findValuesAsText("id")).contains("jinan", "jinan-2000", "hangzhou", "newyork");
    JsonNode map = api.get("/api/scenarios/jinan/map").json();
    assertThat(map.get("lanes").size()).isGreaterThan(50);
    assertThat(map.get("intersections").size()).isGreaterThan(12);
    assertThat(map.has("geo")).as("CityFlow files have no geographic position").isFalse();
    // every movement names its incoming lanes: lanes of one road that ends at the intersection
    for (JsonNode it : map.get("intersections")) {
      if (!it.get("signalized").asBoolean()) {
        continue;
      }
      assertThat(it.get("roadLinkLanes").size()).isEqualTo(it.get("roadLinks").size()).isEqualTo(it.get("roadLinkTypes").size());
      for (JsonNode lanes : it.get("roadLinkLanes")) {
        assertThat(lanes.size()).isPositive();
        String road = map.get("lanes").get(lanes.get(0).asInt()).get("road").asText();
        for (JsonNode lane : lanes) {
          JsonNode l = map.get("lanes").get(lane.asInt());
          assertThat(l.get("road").asText()).isEqualTo(road);
          JsonNode end = l.get("points").get(l.get("points").size() - 1);
          double gap = Math.hypot(end.get(0).asDouble() - it.get("x").asDouble(), end.get(1).asDouble() - it.get("y").asDouble());
          assertThat(gap).as("lane %s ends at %s", l.get("id"), it.get("id")).isLessThan(60);
        }
      }
    }
    assertThat(api.get("/api/scenarios/atlantis").status()).isEqualTo(404);
    assertThat(api.get("/api/runs/999999").json().get("error").asText()).isEqualTo("not_found");
    assertThat(api.get("/api/nowhere").status()).isEqualTo(404);
  }

  @Test
  void listEndpointsAnswerAcceptTextCsv() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/grid/cases")).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = r.body().lines().toList();
    // the JSON field names as columns; case5: 5 buses, 6 branches, 5 generators, 1,000 MW of load (MATPOWER's case5.m)
    assertThat(lines.get(0)).isEqualTo("name,buses,branches,generators,loadMw,hasCosts");
    assertThat(lines).contains("case5,5,6,5,1000.0,true");
    assertThat(lines).hasSize(1 + api.get("/api/grid/cases").json().get("cases").size());
    // without the header: JSON as before
    assertThat(api.get("/api/runs").raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
  }

  @Test
  void openApiDocumentsEveryRoute() {
    JsonNode doc = api.get("/openapi.json").json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Set<String> documented = new HashSet<>();
    for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (Iterator<String> m = doc.get("paths").get(path).fieldNames(); m.hasNext(); ) {
        documented.add(m.next().toUpperCase(java.util.Locale.ROOT) + " " + path);
      }
    }
    assertThat(ApiRoutes.DECLARED).isNotEmpty();
    assertThat(documented).containsAll(ApiRoutes.DECLARED);
    Set<String> apiDocumented = new HashSet<>(documented);
    apiDocumented.removeIf(r -> !r.contains(" /api/"));
    assertThat(ApiRoutes.DECLARED).containsAll(apiDocumented);
  }

  @Test
  void badRequestsAnswer4xxJsonAndStoreNothing() {
    long[] before = stored();

    Answer noToken = api.postAs("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\"}", null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.json().get("error").asText()).isEqualTo("unauthorized");

    Answer wrongToken = api.postAs("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\"}", "cbt_nope");
    assertThat(wrongToken.status()).isEqualTo(401);

    Answer malformed = api.post("/api/runs", "{\"scenario\": \"jinan\",, }");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error").asText()).isEqualTo("malformed_json");
    assertThat(malformed.json().get("message").asText()).contains("line 1, column");

    Answer unknownScenario = api.post("/api/runs", "{\"scenario\":\"atlantis\",\"controller\":\"sotl\"}");
    assertThat(unknownScenario.status()).isEqualTo(422);
    assertThat(unknownScenario.json().get("fields").get("scenario").asText()).contains("atlantis");

    Answer badParam =
        api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"max-pressure\",\"parameters\":{\"minGreenSeconds\":-5,\"bogus\":1}}");
    assertThat(badParam.status()).isEqualTo(422);
    JsonNode fields = badParam.json().get("fields");
    assertThat(fields.get("parameters.minGreenSeconds").asText()).contains("-5").contains("[0, 3600]");
    assertThat(fields.get("parameters.bogus").asText()).contains("unknown parameter");

    Answer unknownController = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"magic\"}");
    assertThat(unknownController.json().get("fields").get("controller").asText()).contains("known: ");

    Answer types = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":\"many\",\"colour\":1}");
    assertThat(types.status()).isEqualTo(422);
    assertThat(types.json().get("fields").get("steps").asText()).contains("expected an integer");
    assertThat(types.json().get("fields").get("colour").asText()).contains("unknown field");

    Answer range = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":0}");
    assertThat(range.json().get("fields").get("steps").asText()).contains("[1, 86400]");

    Answer tooBig =
        api.multipart(
            "/api/scenarios", api.token(), new Object[] {"roadnet", "roadnet.json", new byte[300 * 1024]},
            new Object[] {"flow", "flow.json", "[]"});
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().get("error").asText()).isEqualTo("payload_too_large");

    Answer cancelMissing = api.post("/api/runs/424242/cancel", "");
    assertThat(cancelMissing.status()).isEqualTo(404);

    assertThat(stored()).as("runs, scenarios, audit entries").containsExactly(before);
  }

  @Test
  void invalidUploadsAnswer422WithTheTrafficCoresMessages() throws Exception {
    long[] before = stored();
    byte[] roadnet = resource("cases/C03/roadnet.json");
    String flow = new String(resource("cases/C03/flow.json"), StandardCharsets.UTF_8);
    Answer bad =
        api.multipart(
            "/api/scenarios", api.token(),
            new Object[] {"roadnet", "corridor_roadnet.json", roadnet},
            new Object[] {"flow", "corridor_flow.json", flow.replace("\"maxSpeed\": 10.0", "\"maxSpeed\": -3").replace("\"r_out\"", "\"r_gone\"")});
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    JsonNode problems = bad.json().get("problems");
    assertThat(problems.size()).isGreaterThanOrEqualTo(2);
    assertThat(problems.findValuesAsText("file")).containsOnly("corridor_flow.json");
    assertThat(problems.findValuesAsText("location")).anySatisfy(l -> assertThat(l).startsWith("flow[0].route"));
    assertThat(problems.findValuesAsText("location")).anySatisfy(l -> assertThat(l).contains("maxSpeed"));

    Answer syntax =
        api.multipart(
            "/api/scenarios", api.token(), new Object[] {"roadnet", "r.json", "{\"intersections\": [,"},
            new Object[] {"flow", "f.json", flow});
    assertThat(syntax.status()).isEqualTo(422);
    assertThat(syntax.json().get("problems").get(0).get("location").asText()).startsWith("line 1");

    Answer missing = api.multipart("/api/scenarios", api.token(), new Object[] {"name", null, "x"});
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("fields").has("roadnet")).isTrue();

    Answer anonymous =
        api.multipart("/api/scenarios", null, new Object[] {"roadnet", "r.json", roadnet}, new Object[] {"flow", "f.json", flow});
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(stored()).containsExactly(before);
  }

  @Test
  void uploadRunAndReadResultsReplayAndAudit() throws Exception {
    Answer up =
        api.multipart(
            "/api/scenarios", api.token(), new Object[] {"name", null, "corridor"},
            new Object[] {"roadnet", "roadnet.json", resource("cases/C03/roadnet.json")},
            new Object[] {"flow", "flow.json", resource("cases/C03/flow.json")});
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    String scenario = up.json().get("id").asText();
    assertThat(scenario).startsWith("u-");

    long id = startRun("{\"scenario\":\"" + scenario + "\",\"controller\":\"roadnet-plan\",\"steps\":120,\"replay\":true}");
    JsonNode run = api.awaitRun(id, null, Duration.ofSeconds(30));
    assertThat(run.get("statusText").asText()).isEqualTo("succeeded");
    assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(run.get("replayAvailable").asBoolean()).isTrue();

    JsonNode summary = api.get("/api/runs/" + id + "/summary").json();
    assertThat(summary.get("vehiclesSpawned").asLong()).isEqualTo(3);
    assertThat(summary.get("completed").asBoolean()).isTrue();
    assertThat(api.get("/api/runs/" + id + "/timeseries").json().get("points").size()).isEqualTo(2);
    assertThat(api.get("/api/runs/" + id + "/intersections").json().get("intersections").size()).isEqualTo(1);

    JsonNode frames = api.get("/api/runs/" + id + "/replay/frames?from=10&count=5").json();
    assertThat(frames.get("total").asInt()).isEqualTo(120);
    assertThat(frames.get("frames").size()).isEqualTo(5);
    String record = frames.get("frames").get(0).asText().split(";")[0].split(",")[0];
    assertThat(record.split(" ")).hasSize(7).endsWith("4.5", "1.8");
    assertThat(api.get("/api/runs/" + id + "/replay/roadnet").json().has("static")).isTrue();

    JsonNode audit = api.get("/api/audit?newest=true&limit=5").json().get("entries");
    JsonNode start = null;
    for (JsonNode e : audit) {
      if (e.get("action").asText().equals("run.start") && e.get("target").asText().equals("run/" + id)) {
        start = e;
      }
    }
    assertThat(start).as("audit entry of the start").isNotNull();
    assertThat(start.get("actor").asText()).startsWith("token:tester-");
    assertThat(start.get("controller").asText()).isEqualTo("roadnet-plan");
    assertThat(start.get("controllerVersion").asText()).isNotBlank();
    assertThat(start.get("prevHash").asText()).hasSize(64);
    assertThat(api.get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void auditCheckpointsAndProofsVerifyAgainstThePinnedKey() throws Exception {
    var key = io.citybrain.governance.checkpoint.NoteVerifier.parse(api.get("/api/audit/key").body().strip());
    assertThat(key.name()).isEqualTo("citybrain.local/audit");
    startRun("{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":10}");
    Answer first = api.get("/api/audit/checkpoint");
    assertThat(first.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    var old = io.citybrain.governance.checkpoint.Checkpoint.open(first.body(), key);
    assertThat(old.size()).isGreaterThanOrEqualTo(1);
    startRun("{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":10}");
    var now = io.citybrain.governance.checkpoint.Checkpoint.open(api.get("/api/audit/checkpoint").body(), key);
    assertThat(now.size()).isGreaterThan(old.size());

    JsonNode c = api.get("/api/audit/proof/consistency?from=" + old.size() + "&to=" + now.size()).json();
    new io.citybrain.governance.merkle.ConsistencyProof(old.size(), now.size(), hashes(c.get("path")))
        .verify(old.root(), now.root());

    JsonNode inc = api.get("/api/audit/proof/inclusion?seq=1&treeSize=" + now.size()).json();
    assertThat(inc.get("leafIndex").asLong()).isZero();
    assertThat(inc.get("entry").get("seq").asLong()).isEqualTo(1);
    var leafHash = io.citybrain.governance.merkle.TreeHasher.leafHash(inc.get("leaf").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(leafHash.hex()).isEqualTo(inc.get("leafHash").asText());
    new io.citybrain.governance.merkle.InclusionProof(0, now.size(), hashes(inc.get("path"))).verify(leafHash, now.root());

    Answer bad = api.get("/api/audit/proof/inclusion?seq=" + (now.size() + 5));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("seq");
    assertThat(api.get("/api/audit/proof/consistency").status()).as("from is required").isEqualTo(422);
    assertThat(api.get("/api/audit/proof/consistency?from=x").body()).contains("not an integer");
    JsonNode v = api.get("/api/audit/verify").json();
    assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("checkpointsChecked").asInt()).isGreaterThanOrEqualTo(2);
  }

  private static List<io.citybrain.governance.merkle.Sha256Hash> hashes(JsonNode array) {
    List<io.citybrain.governance.merkle.Sha256Hash> out = new ArrayList<>();
    array.forEach(h -> out.add(io.citybrain.governance.merkle.Sha256Hash.fromHex(h.asText())));
    return out;
  }

  @Test
  void runsAreComparedSideBySide() {
    long a = startRun("{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":300}");
    long b = startRun("{\"scenario\":\"jinan\",\"controller\":\"max-pressure\",\"steps\":300}");
    api.awaitRun(a, "succeeded", Duration.ofSeconds(60));
    api.awaitRun(b, "succeeded", Duration.ofSeconds(60));
    JsonNode rows = api.get("/api/compare?runs=" + a + "," + b).json().get("runs");
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.get(0).get("summary").get("controller").asText()).isEqualTo("fixed-time");
    assertThat(rows.get(1).get("summary").get("controller").asText()).isEqualTo("max-pressure");
    assertThat(rows.get(1).get("timeSeries").size()).isEqualTo(5);
    Answer missing = api.get("/api/compare?runs=" + a + ",987654");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("fields").get("runs[987654]").asText()).contains("does not exist");
    assertThat(api.get("/api/runs?scenario=jinan&status=succeeded").json().get("runs").size()).isGreaterThanOrEqualTo(2);
    assertThat(api.get("/api/runs?status=exploded").status()).isEqualTo(422);
  }

  @Test
  void aRunningRunIsCancelledAndKeepsItsPartialResults() {
    long id = startRun("{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":3600,\"paceStepsPerSecond\":100}");
    api.awaitRun(id, "running", Duration.ofSeconds(30));
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (api.get("/api/runs/" + id).json().get("stepsDone").asInt() < 5 && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    Answer cancel = api.post("/api/runs/" + id + "/cancel", "");
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    JsonNode run = api.awaitRun(id, "cancelled", Duration.ofSeconds(30));
    assertThat(run.get("statusDetail").asText()).startsWith("cancelled by token:tester-");
    assertThat(run.get("stepsDone").asInt()).isBetween(1, 3599);
    assertThat(api.get("/api/runs/" + id + "/summary").json().get("completed").asBoolean()).isFalse();
    Answer again = api.post("/api/runs/" + id + "/cancel", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asText()).isEqualTo("conflict");
  }

  @Test
  void theLiveStreamSendsLayoutFramesAndEnd() throws Exception {
    long id = startRun("{\"scenario\":\"jinan\",\"controller\":\"max-pressure\",\"steps\":60,\"paceStepsPerSecond\":120}");
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> r =
        client.send(
            HttpRequest.newBuilder(URI.create(api.base() + "/api/runs/" + id + "/live"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<String> events = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    int lanes = -1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String event = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event:")) {
          event = line.substring(6).strip();
          events.add(event);
        } else if (line.startsWith("data:")) {
          JsonNode data = Json.mapper().readTree(line.substring(5).strip());
          if ("layout".equals(event)) {
            lanes = data.get("laneIds").size();
          } else if ("frame".equals(event)) {
            steps.add(data.get("step").asInt());
            assertThat(data.get("laneVehicles").size()).isEqualTo(lanes);
            assertThat(data.get("phases").size()).isGreaterThan(12);
          } else if ("end".equals(event)) {
            assertThat(data.get("status").asText()).isEqualTo("succeeded");
            break;
          }
        }
      }
    }
    assertThat(events).contains("layout", "end");
    assertThat(events.indexOf("layout")).isLessThan(events.indexOf("frame"));
    assertThat(steps).isSorted().contains(60);
    assertThat(steps.size()).isGreaterThan(10);
    // a finished run's stream sends only its end
    HttpResponse<String> done =
        client.send(
            HttpRequest.newBuilder(URI.create(api.base() + "/api/runs/" + id + "/live")).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(done.body()).contains("event: end").doesNotContain("event: frame");
  }

  @Test
  void prometheusMetricsCountRequestsAndRuns() {
    long id = startRun("{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":30}");
    api.awaitRun(id, "succeeded", Duration.ofSeconds(30));
    String metrics = api.get("/metrics").body();
    assertThat(metrics).contains("citybrain_runs_started_total{controller=\"fixed-time\"}");
    assertThat(metrics).contains("citybrain_runs_finished_total{status=\"succeeded\"}");
    assertThat(metrics).contains("citybrain_http_requests_seconds_count{method=\"POST\",route=\"/api/runs\",status=\"201\"}");
    assertThat(metrics).contains("citybrain_runs_active");
  }

  @Test
  void theDashboardAndItsLibrariesAreServed() {
    Answer page = api.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("/webjars/chart.js/").doesNotContain("{{webjar:");
    String chart = page.body().replaceAll("(?s).*src=\"(/webjars/chart.js/[^\"]+)\".*", "$1");
    assertThat(api.get(chart).status()).isEqualTo(200);
    assertThat(api.get("/static/app.js").status()).isEqualTo(200);
  }

  @Test
  void loopbackIsRecognised() {
    assertThat(AccessControl.isLoopback("127.0.0.1")).isTrue();
    assertThat(AccessControl.isLoopback("::1")).isTrue();
    assertThat(AccessControl.isLoopback("10.1.2.3")).isFalse();
  }
}

package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.storage.JobKind;
import io.citybrain.platform.storage.NewRun;
import io.citybrain.platform.storage.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid dispatch through the operations centre: the same queue, validation, audit and recovery as
 * traffic runs, and results that agree with MATPOWER's case5 optimum (docs/grid.md).
 */
class GridDispatchApiTest {
  @TempDir static Path dir;
  static TestServer api;

  @BeforeAll
  static void start() {
    api = new TestServer(PlatformConfig.defaults(dir));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode awaitDispatch(long id) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode d = null;
    while (System.nanoTime() < end) {
      d = api.get("/api/grid/dispatches/" + id).json();
      String s = d.get("status").asText();
      if (s.equals("succeeded") || s.equals("failed") || s.equals("cancelled")) {
        return d;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("dispatch " + id + " did not finish; last: " + d);
  }

  @Test
  void case5DispatchMatchesMatpowerAndRecordsTheDigest() {
    Answer started = api.post("/api/grid/dispatches", "{\"case\": \"case5\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    long id = started.json().get("id").asLong();
    assertThat(started.raw().headers().firstValue("Location")).contains("/api/grid/dispatches/" + id);

    JsonNode done = awaitDispatch(id);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    String expectedDigest = AlgorithmRegistry.shared().require("dc-opf")
        .artifact(AlgorithmRegistry.shared().require("dc-opf").resolve(Map.of())).digest();
    assertThat(done.get("dispatcher").asText()).isEqualTo("dc-opf");
    assertThat(done.get("dispatcherDigest").asText()).isEqualTo(expectedDigest);

    JsonNode result = api.get("/api/grid/dispatches/" + id + "/result").json();
    // MATPOWER 8.1's rundcopf optimum of case5, and the saving over the naive dispatch (docs/grid.md)
    assertThat(result.at("/summary/totalCostPerHour").asDouble()).isCloseTo(17479.897, within(0.01));
    assertThat(result.at("/summary/savingPercent").asDouble()).isCloseTo(18.24, within(0.01));
    assertThat(result.at("/dispatcher/digest").asText()).isEqualTo(expectedDigest);
    // power balance of a lossless DC dispatch: generation = load
    double generation = 0;
    for (JsonNode g : result.get("generators")) {
      generation += g.get("outputMw").asDouble();
    }
    double load = 0;
    for (JsonNode b : result.get("buses")) {
      load += b.get("loadMw").asDouble();
      assertThat(b.get("lmpPerMwh").isNumber()).as("LMP of bus %s", b.get("bus")).isTrue();
    }
    assertThat(generation).isCloseTo(load, within(1e-6));
    assertThat(result.get("buses")).hasSize(5);
    assertThat(result.get("branches")).hasSize(6);
    assertThat(result.get("bindingConstraints")).isNotEmpty();
    assertThat(result.get("naiveOverloads")).isNotNull();

    // the audit trail names the dispatcher, its version and digest
    JsonNode audit = api.get("/api/audit?limit=1000").json().get("entries");
    assertThat(audit.findValuesAsText("action")).contains("dispatch.start", "dispatch.finish");
    for (JsonNode e : audit) {
      if (e.get("target").asText().equals("dispatch/" + id)) {
        assertThat(e.get("controller").asText()).isEqualTo("dc-opf");
        assertThat(e.get("details").asText()).endsWith("digest=" + expectedDigest);
      }
    }
    // one job list for every kind; the traffic endpoints do not serve dispatches
    assertThat(api.get("/api/jobs?kind=grid-dispatch").json().get("jobs").findValuesAsText("href"))
        .contains("/api/grid/dispatches/" + id);
    assertThat(api.get("/api/runs/" + id).status()).isEqualTo(404);
    assertThat(api.post("/api/grid/dispatches/" + id + "/cancel", "").status()).isEqualTo(409);
  }

  @Test
  void trafficRunsRecordTheControllerDigestInTheRunAndTheAuditLog() {
    Answer started = api.post("/api/runs",
        "{\"scenario\": \"jinan\", \"controller\": \"max-pressure\", \"steps\": 30, \"parameters\": {\"minGreenSeconds\": 12}}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    long id = started.json().get("id").asLong();
    var mp = AlgorithmRegistry.shared().require("max-pressure");
    String expected = mp.artifact(mp.resolve(Map.of("minGreenSeconds", 12.0))).digest();

    JsonNode run = api.awaitRun(id, "succeeded", Duration.ofSeconds(60));

    assertThat(run.get("controllerDigest").asText()).isEqualTo(expected);
    assertThat(api.get("/api/runs/" + id + "/summary").json().get("controllerDigest").asText()).isEqualTo(expected);
    assertThat(api.get("/api/grid/dispatches/" + id).status()).as("a run is not a dispatch").isEqualTo(404);
    JsonNode audit = api.get("/api/audit?limit=1000").json().get("entries");
    int entries = 0;
    for (JsonNode e : audit) {
      if (e.get("target").asText().equals("run/" + id)) {
        assertThat(e.get("details").asText()).endsWith("digest=" + expected);
        entries++;
      }
    }
    assertThat(entries).as("run.start and run.finish").isEqualTo(2);
  }

  @Test
  void invalidRequestsNameEveryFieldAndStoreNothing() {
    long before = api.server().platform().runStore().count();

    Answer a = api.post("/api/grid/dispatches",
        "{\"case\": \"case6000\", \"dispatcher\": \"max-pressure\", \"parameters\": {\"relativeGap\": 2}}");
    Answer b = api.post("/api/grid/dispatches", "{\"case\": \"case9\", \"parameters\": {\"relativeGap\": 0.5, \"speed\": 1}}");
    Answer c = api.post("/api/grid/dispatches", "{\"cases\": \"case9\"}");

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.json().at("/fields/case").asText()).startsWith("unknown case 'case6000'; known: ").contains("case118");
    assertThat(a.json().at("/fields/dispatcher").asText()).isEqualTo("unknown dispatcher 'max-pressure'; known: dc-opf, naive-dispatch");
    assertThat(b.status()).isEqualTo(422);
    assertThat(b.json().at("/fields/parameters.relativeGap").asText())
        .contains("parameter 'relativeGap' of dispatcher 'dc-opf' is 0.5; expected a number in [1.0E-12, 0.001] 1");
    assertThat(b.json().at("/fields/parameters.speed").asText()).contains("unknown parameter 'speed'");
    assertThat(c.status()).isEqualTo(422);
    assertThat(c.json().at("/fields/cases").asText()).startsWith("unknown field; known: case, dispatcher, parameters");
    assertThat(api.server().platform().runStore().count()).isEqualTo(before);
  }

  @Test
  void theNaiveBaselineIsADispatcherToo() {
    Answer started = api.post("/api/grid/dispatches", "{\"case\": \"case9\", \"dispatcher\": \"naive-dispatch\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    JsonNode done = awaitDispatch(started.json().get("id").asLong());
    assertThat(done.get("status").asText()).isEqualTo("succeeded");

    JsonNode result = api.get("/api/grid/dispatches/" + done.get("id").asLong() + "/result").json();
    assertThat(result.at("/summary/savingPercent").asDouble()).isCloseTo(0.0, within(1e-9));
    assertThat(result.at("/summary/totalCostPerHour").asDouble()).isEqualTo(result.at("/summary/naiveCostPerHour").asDouble());
  }

  @Test
  void algorithmsOfEveryDomainAreListedWithDigests() {
    JsonNode all = api.get("/api/algorithms").json().get("algorithms");
    assertThat(all.findValuesAsText("name")).contains("max-pressure", "actuated-pressure", "dc-opf", "naive-dispatch",
        "range-break", "windowed-gaussian");
    assertThat(all.findValuesAsText("domain")).contains("traffic-signal-control", "grid-dispatch", "anomaly-detection");
    for (JsonNode a : all) {
      assertThat(a.get("defaultDigest").asText()).hasSize(64);
      assertThat(a.get("code")).isNotEmpty();
    }
    java.util.List<String> grid = new java.util.ArrayList<>();
    api.get("/api/algorithms?domain=grid-dispatch").json().get("algorithms").forEach(a -> grid.add(a.get("name").asText()));
    assertThat(grid).containsExactly("dc-opf", "naive-dispatch");
    assertThat(api.get("/api/algorithms?domain=weather").status()).isEqualTo(422);
    assertThat(api.get("/api/algorithms/dc-opf").json().get("parameters").findValuesAsText("unit")).contains("1", "LP solves");
    assertThat(api.get("/api/algorithms/range-break").json().get("parameters").findValuesAsText("unit")).contains("points");
    assertThat(api.get("/api/algorithms/nothing").status()).isEqualTo(404);
    assertThat(api.get("/api/grid/cases").json().get("cases").findValuesAsText("name")).contains("case5", "case118");
  }

  @Test
  void aDispatchLeftQueuedByACrashIsMarkedInterrupted() {
    var p = api.server().platform();
    NewRun orphan = new NewRun("case14", "case14", "dc-opf", "1.0", Map.of("relativeGap", 1e-9, "maxLpSolves", 200.0),
        0, 1, 1.0, false, 0, "token:crashed", JobKind.GRID_DISPATCH, "cd".repeat(32));
    long id = p.database().jdbi().inTransaction(h -> p.runStore().insertQueued(h, orphan, Instant.now()));

    assertThat(p.runs().recoverInterrupted()).contains(id);

    var r = p.runStore().find(id).orElseThrow();
    assertThat(r.status()).isEqualTo(RunStatus.FAILED);
    assertThat(r.statusText()).isEqualTo("failed (interrupted)");
    JsonNode audit = api.get("/api/audit?newest=true&limit=5").json().get("entries");
    assertThat(audit.findValuesAsText("action")).contains("dispatch.interrupted");
    assertThat(audit.findValuesAsText("details")).anySatisfy(d -> assertThat(d).endsWith("digest=" + "cd".repeat(32)));
  }
}

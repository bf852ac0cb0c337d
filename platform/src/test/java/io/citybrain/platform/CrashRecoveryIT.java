package io.citybrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.audit.AuditVerification;
import io.citybrain.platform.storage.Json;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server process with SIGKILL during a run, restarts it on the same embedded
 * database, and checks: the finished run is intact (byte for byte), the interrupted one is
 * {@code failed (interrupted)} without results, and the audit chain verifies.
 */
class CrashRecoveryIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private String token;

  /** A server in its own JVM. */
  private record Child(Process process, int port, Path log) {}

  private Child startServer(Path data, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(List.of(PlatformMain.class.getName(), data.toString(), "0"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      if (Files.exists(log)) {
        Matcher m = LISTENING.matcher(Files.readString(log));
        if (m.find()) {
          return new Child(p, Integer.parseInt(m.group(1)), log);
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError("server exited with " + p.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("server did not start:\n" + Files.readString(log));
  }

  private HttpResponse<String> get(Child c, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(Child c, String path) throws Exception {
    HttpResponse<String> r = get(c, path);
    assertThat(r.statusCode()).as("GET %s: %s\nserver log:\n%s", path, r.body(), Files.readString(c.log())).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  private long startRun(Child c, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + "/api/runs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.mapper().readTree(r.body()).get("id").asLong();
  }

  private JsonNode awaitRun(Child c, long id, java.util.function.Predicate<JsonNode> done) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    JsonNode run = null;
    while (System.nanoTime() < end) {
      run = getJson(c, "/api/runs/" + id);
      if (done.test(run)) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + id + " never got there: " + run);
  }

  @Test
  void sigkillDuringARunLeavesFinishedRunsIntactAndTheInterruptedOneFailed() throws Exception {
    Path data = dir.resolve("citybrain-data");
    try (Platform admin = Platform.openForAdmin(io.citybrain.platform.storage.DatabaseSettings.embedded(data), data)) {
      token = admin.tokens().create("crash-tester", "test");
    }

    Child first = startServer(data, "first");
    long finished;
    long interrupted;
    String summaryBefore;
    String seriesBefore;
    try {
      finished = startRun(first, "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":300,\"replay\":true}");
      awaitRun(first, finished, r -> r.get("status").asText().equals("succeeded"));
      summaryBefore = get(first, "/api/runs/" + finished + "/summary").body();
      seriesBefore = get(first, "/api/runs/" + finished + "/timeseries").body();
      interrupted =
          startRun(first, "{\"scenario\":\"jinan\",\"controller\":\"max-pressure\",\"steps\":3600,\"paceStepsPerSecond\":50,\"replay\":true}");
      awaitRun(first, interrupted, r -> r.get("status").asText().equals("running") && r.get("stepsDone").asInt() > 20);
    } finally {
      first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
    }
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(data.resolve("replays").resolve("run-" + interrupted + ".partial")).as("the partial replay was left behind").exists();

    Child second = startServer(data, "second");
    long stopped = -1;
    java.util.concurrent.CompletableFuture<HttpResponse<String>> stream = null;
    try {
      JsonNode a = getJson(second, "/api/runs/" + finished);
      assertThat(a.get("statusText").asText()).isEqualTo("succeeded");
      assertThat(get(second, "/api/runs/" + finished + "/summary").body()).isEqualTo(summaryBefore);
      assertThat(get(second, "/api/runs/" + finished + "/timeseries").body()).isEqualTo(seriesBefore);
      assertThat(a.get("replayAvailable").asBoolean()).isTrue();

      JsonNode b = getJson(second, "/api/runs/" + interrupted);
      assertThat(b.get("status").asText()).isEqualTo("failed");
      assertThat(b.get("statusDetail").asText()).isEqualTo("interrupted");
      assertThat(b.get("statusText").asText()).isEqualTo("failed (interrupted)");
      assertThat(b.get("hasResults").asBoolean()).as("never half-written").isFalse();
      assertThat(get(second, "/api/runs/" + interrupted + "/summary").statusCode()).isEqualTo(409);
      assertThat(get(second, "/api/runs/" + interrupted + "/timeseries").statusCode()).isEqualTo(409);
      assertThat(b.get("replayAvailable").asBoolean()).isFalse();
      assertThat(data.resolve("replays").resolve("run-" + interrupted + ".partial")).doesNotExist();

      JsonNode verify = getJson(second, "/api/audit/verify");
      assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
      JsonNode entries = getJson(second, "/api/audit?limit=100").get("entries");
      List<String> actions = new ArrayList<>();
      entries.forEach(e -> actions.add(e.get("action").asText() + " " + e.get("target").asText() + " " + e.get("actor").asText()));
      assertThat(actions)
          .contains(
              "run.start run/" + finished + " token:crash-tester",
              "run.finish run/" + finished + " system",
              "run.start run/" + interrupted + " token:crash-tester",
              "run.interrupted run/" + interrupted + " system");

      // a clean shutdown (SIGTERM, as Ctrl-C) with a run in progress and a viewer on its live stream
      stopped =
          startRun(second, "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":3600,\"paceStepsPerSecond\":50}");
      awaitRun(second, stopped, r -> r.get("status").asText().equals("running") && r.get("stepsDone").asInt() > 5);
      stream =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/api/runs/" + stopped + "/live"))
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(500); // the stream is open and receiving frames
    } finally {
      second.process().destroy(); // SIGTERM: a clean shutdown
      assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    String events = stream.get(10, TimeUnit.SECONDS).body();
    assertThat(events).as("the viewer is told the run ended").contains("event: end").contains("failed (interrupted)");
    String log = Files.readString(second.log());
    assertThat(log)
        .as("the shutdown stores the stopped run itself, with the database still open, and logs no errors")
        .doesNotContain("Database is already closed", "Uncaught exception", "ERROR");

    // what 'citybrain audit verify' does, on the database the two servers wrote
    try (Platform admin = Platform.openForAdmin(io.citybrain.platform.storage.DatabaseSettings.embedded(data), data)) {
      AuditVerification v = admin.audit().verify();
      assertThat(v.intact()).as(v.describe()).isTrue();
      // a token made without roles is operator and auditor of the nation: two access.grant entries
      assertThat(v.entries())
          .as("token.create, 2 x access.grant, 3 x run.start, 2 x run.finish, run.interrupted")
          .isEqualTo(9);
      var r = admin.runStore().find(stopped).orElseThrow();
      assertThat(r.statusText()).as("stored by the shutdown, not by the next start").isEqualTo("failed (interrupted)");
      assertThat(admin.audit().newest(1).get(0).event().details()).contains("detail=interrupted");
      assertThat(admin.audit().newest(1).get(0).event().action()).isEqualTo("run.finish");
    }
    assertThat(new File(first.log().toString())).exists();
  }
}

package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.storage.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that used to get a 500, a silent guess or a duplicated audit entry: malformed and
 * chunked oversized multipart bodies, ambiguous JSON, repeated parts, live streams of unknown
 * runs. Each answers 4xx with a JSON error and stores nothing.
 */
class HostileRequestsTest {
  private static final int LIMIT = 256 * 1024;

  @TempDir static Path dir;
  static TestServer api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api = new TestServer(PlatformConfig.defaults(dir).withMaxUploadBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Rows in the tables a bad request must not touch. */
  private static long[] stored() {
    var p = api.server().platform();
    long scenarios =
        p.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scenarios").mapTo(Long.class).one());
    return new long[] {p.runStore().count(), scenarios, p.audit().count()};
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder upload(String contentType) {
    return HttpRequest.newBuilder(URI.create(api.base() + "/api/scenarios"))
        .header("Authorization", "Bearer " + api.token())
        .header("Content-Type", contentType);
  }

  private static String error(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body()).get("error").asText();
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = HostileRequestsTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void malformedMultipartBodiesAnswer400() throws Exception {
    long[] before = stored();
    String truncated =
        "--XYZ\r\nContent-Disposition: form-data; name=\"roadnet\"; filename=\"r.json\"\r\n\r\n{\"intersections\":";

    for (HttpRequest.Builder request :
        List.of(
            upload("multipart/form-data; boundary=XYZ").POST(HttpRequest.BodyPublishers.ofString("garbage")),
            upload("multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("garbage")),
            upload("multipart/form-data; boundary=XYZ").POST(HttpRequest.BodyPublishers.ofString(truncated)))) {
      HttpResponse<String> r = send(request);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(error(r)).isEqualTo("bad_request");
      assertThat(r.body()).contains("multipart/form-data body cannot be read");
      // the rest of the body is unread: the connection must not be reused for the next request
      assertThat(r.headers().firstValue("Connection")).hasValue("close");
    }
    assertThat(stored()).containsExactly(before);
  }

  @Test
  void chunkedUploadOverTheLimitAnswers413() throws Exception {
    long[] before = stored();
    byte[] head =
        "--XYZ\r\nContent-Disposition: form-data; name=\"roadnet\"; filename=\"r.json\"\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 2 * LIMIT];
    System.arraycopy(head, 0, body, 0, head.length);
    java.util.Arrays.fill(body, head.length, body.length, (byte) ' ');
    // a stream of unknown length is sent chunked, without Content-Length
    HttpRequest.Builder request =
        upload("multipart/form-data; boundary=XYZ")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    HttpResponse<String> r = send(request);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(error(r)).isEqualTo("payload_too_large");
    assertThat(stored()).containsExactly(before);
  }

  @Test
  void overlongFileNameIs422OnItsPartAndNothingIsStored() throws Exception {
    long[] before = stored();
    String longName = "r".repeat(5000) + ".json";

    Answer a =
        api.multipart(
            "/api/scenarios", api.token(), new Object[] {"roadnet", longName, resource("cases/C03/roadnet.json")},
            new Object[] {"flow", "f.json", resource("cases/C03/flow.json")}, new Object[] {"name", null, "short".getBytes(StandardCharsets.UTF_8)});

    assertThat(a.status()).as(a.body()).isEqualTo(422);
    assertThat(a.json().get("fields").get("roadnet").asText()).isEqualTo("has a file name of 5005 characters; expected at most 255");
    assertThat(stored()).containsExactly(before);
  }

  @Test
  void identicalUploadsAtOnceStoreOneScenarioAndAnswerBoth() throws Exception {
    // a flow no other test uploads: C03's with its first vehicle 1 cm longer
    byte[] roadnet = resource("cases/C03/roadnet.json");
    String c03 = new String(resource("cases/C03/flow.json"), StandardCharsets.UTF_8);
    assertThat(c03).contains("\"length\": 4.5,");
    byte[] flow = c03.replaceFirst("\"length\": 4\\.5,", "\"length\": 4.51,").getBytes(StandardCharsets.UTF_8);
    long scenariosBefore = stored()[1];
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Answer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(two.submit(() -> {
          go.await();
          return api.multipart("/api/scenarios", api.token(), new Object[] {"roadnet", "r.json", roadnet},
              new Object[] {"flow", "f.json", flow});
        }));
      }
      go.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var f : answers) {
        Answer a = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(a.status()).as(a.body()).isIn(200, 201);
        statuses.add(a.status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 201);
    } finally {
      two.shutdownNow();
    }
    assertThat(stored()[1]).isEqualTo(scenariosBefore + 1);
  }

  @Test
  void aFileGivenTwiceUnderOneNameIsRefused() throws Exception {
    long[] before = stored();
    byte[] roadnet = resource("cases/C03/roadnet.json");
    byte[] flow = resource("cases/C03/flow.json");

    Answer twice =
        api.multipart(
            "/api/scenarios", api.token(), new Object[] {"roadnet", "a.json", roadnet},
            new Object[] {"roadnet", "b.json", roadnet}, new Object[] {"flow", "f.json", flow});

    assertThat(twice.status()).as(twice.body()).isEqualTo(422);
    assertThat(twice.json().get("fields").get("roadnet").asText()).isEqualTo("is given 2 times; expected one file");
    assertThat(stored()).containsExactly(before);
  }

  @Test
  void ambiguousJsonBodiesAnswer400() {
    long[] before = stored();

    Answer duplicate =
        api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":10,\"scenario\":\"hangzhou\"}");
    assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(400);
    assertThat(duplicate.json().get("error").asText()).isEqualTo("malformed_json");
    assertThat(duplicate.json().get("message").asText()).contains("Duplicate field 'scenario'");

    Answer twoObjects =
        api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":10} {\"steps\":86400}");
    assertThat(twoObjects.status()).as(twoObjects.body()).isEqualTo(400);
    assertThat(twoObjects.json().get("message").asText()).contains("content after the JSON value");

    assertThat(stored()).containsExactly(before);
  }

  @Test
  void liveStreamOfAnUnknownRunIs404AndWithoutEventStreamAccept406() throws Exception {
    for (String id : List.of("987654", "abc")) {
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(URI.create(api.base() + "/api/runs/" + id + "/live")).header("Accept", "text/event-stream"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
      assertThat(error(r)).isEqualTo("not_found");
    }

    long id = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":5}").json().get("id").asLong();
    api.awaitRun(id, null, Duration.ofSeconds(60));
    HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create(api.base() + "/api/runs/" + id + "/live")));
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(406);
    assertThat(error(plain)).isEqualTo("not_acceptable");
  }
}

package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.Platform;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.storage.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most {@value ApiRoutes#MAX_CONCURRENT_UPLOADS} uploads are checked at once (each can build a
 * JSON tree of hundreds of MB); one more answers 429 with Retry-After and stores nothing. The test
 * holds the permits itself: a slow upload cannot, since Jetty reads a multipart body before the
 * handler runs.
 */
class UploadLimitTest {
  @TempDir Path dir;

  @Test
  void uploadWhileTheChecksAreBusyAnswers429() throws Exception {
    PlatformConfig config = PlatformConfig.defaults(dir).withPort(0);
    Semaphore gate = new Semaphore(ApiRoutes.MAX_CONCURRENT_UPLOADS);
    try (Platform platform = Platform.open(config, Clock.systemUTC());
        HttpApi http = HttpApi.start(platform, config, gate)) {
      String token = platform.tokens().create("uploader", "test");
      HttpRequest upload =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/scenarios"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "multipart/form-data; boundary=XYZ")
              .POST(HttpRequest.BodyPublishers.ofString("--XYZ--\r\n"))
              .build();
      HttpClient client = HttpClient.newHttpClient();

      gate.acquire(ApiRoutes.MAX_CONCURRENT_UPLOADS);
      HttpResponse<String> busy = client.send(upload, HttpResponse.BodyHandlers.ofString());
      gate.release(ApiRoutes.MAX_CONCURRENT_UPLOADS);
      HttpResponse<String> free = client.send(upload, HttpResponse.BodyHandlers.ofString());

      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
      assertThat(Json.mapper().readTree(busy.body()).get("error").asText()).isEqualTo("uploads_busy");
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(free.statusCode()).as("checked once a place is free; no files given").isEqualTo(422);
      assertThat(gate.availablePermits()).as("every upload gives its place back").isEqualTo(ApiRoutes.MAX_CONCURRENT_UPLOADS);
      long scenarios =
          platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scenarios").mapTo(Long.class).one());
      assertThat(scenarios).isZero();
    }
  }
}

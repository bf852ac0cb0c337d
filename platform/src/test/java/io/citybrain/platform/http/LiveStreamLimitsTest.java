package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.TestServer;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: one client cannot hold every live-stream slot, and a revoked token ends the streams
 * opened with it. Functional assertions (what is refused, what ends), no timing.
 */
class LiveStreamLimitsTest {
  @TempDir Path dir;

  private static InputStream open(HttpClient http, String url, String token) throws Exception {
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** Reads events until one of {@code kind} arrives (or the stream ends); returns its data line. */
  private static String awaitEvent(InputStream in, String kind) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    boolean inKind = false;
    while ((line = reader.readLine()) != null) {
      if (line.equals("event: " + kind)) {
        inKind = true;
      } else if (inKind && line.startsWith("data:")) {
        return line;
      }
    }
    return null;
  }

  @Test
  void oneClientHoldsAtMostEightStreamsAndARevokedTokenEndsItsStream() throws Exception {
    try (TestServer api = TestServer.embedded(dir)) {
      long id =
          api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":3600,\"paceStepsPerSecond\":2}")
              .json().get("id").asLong();
      api.awaitRun(id, "running", Duration.ofSeconds(60));
      String url = api.base() + "/api/runs/" + id + "/live";
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<InputStream> held = new ArrayList<>();
      try {
        for (int i = 0; i < LiveStream.MAX_STREAMS_PER_CLIENT; i++) {
          InputStream in = open(http, url, api.token());
          held.add(in);
        }
        InputStream ninth = open(http, url, api.token());
        held.add(ninth);
        assertThat(awaitEvent(ninth, "error")).contains("too_many_streams");

        String viewer = api.server().platform().tokens().create("viewer", "test");
        InputStream other = open(http, url, viewer);
        held.add(other);
        assertThat(awaitEvent(other, "frame")).as("another client still gets its stream").contains("\"step\"");

        assertThat(api.server().platform().tokens().revoke("viewer", "test")).isTrue();
        String end = awaitEvent(other, "error");
        assertThat(end).as("the revoked token's stream ends with an error event").contains("unauthorized").contains("revoked");
      } finally {
        for (InputStream in : held) {
          in.close();
        }
        api.post("/api/runs/" + id + "/cancel", "");
        api.awaitRun(id, "cancelled", Duration.ofSeconds(TimeUnit.MINUTES.toSeconds(1)));
      }
    }
  }
}

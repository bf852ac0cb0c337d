package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.Platform;
import io.citybrain.platform.PlatformConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shutdown first lets state-changing requests in progress answer and refuses new ones with 503:
 * an upload during a shutdown used to be stored while its client got no answer.
 */
class ShutdownDrainTest {
  @TempDir Path dir;

  @Test
  void drainWaitsForTheRequestInProgressAndRefusesNewOnes() throws Exception {
    PlatformConfig config = PlatformConfig.defaults(dir).withPort(0);
    try (Platform platform = Platform.open(config, Clock.systemUTC());
        HttpApi http = HttpApi.start(platform, config)) {
      String token = platform.tokens().create("drainer", "test");
      String base = "http://127.0.0.1:" + http.port();
      HttpClient client = HttpClient.newHttpClient();

      // errors end their count too
      HttpResponse<String> bad = client.send(post(base, token, HttpRequest.BodyPublishers.ofString("{")), HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(http.writesInProgress()).isZero();

      // a run start whose body's second half the test sends later, on a plain socket
      byte[] body = "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":10}".getBytes(StandardCharsets.UTF_8);
      int half = body.length / 2;
      java.net.Socket socket = new java.net.Socket("127.0.0.1", http.port());
      java.io.OutputStream raw = socket.getOutputStream();
      raw.write(("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      raw.write(body, 0, half);
      raw.flush();
      CompletableFuture<String> slow =
          CompletableFuture.supplyAsync(() -> {
            try {
              return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (http.writesInProgress() == 0) {
        assertThat(System.nanoTime()).as("the request reaches the server").isLessThan(end);
        Thread.sleep(10);
      }

      CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> http.drainWrites(Duration.ofSeconds(30)));
      Thread.sleep(300);
      assertThat(drained).as("waits for the request in progress").isNotDone();
      HttpResponse<String> late = client.send(post(base, token, HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofString());
      assertThat(late.statusCode()).as(late.body()).isEqualTo(503);
      assertThat(late.headers().firstValue("Retry-After")).hasValue("30");

      raw.write(body, half, body.length - half);
      raw.flush();
      String answered = slow.get(30, TimeUnit.SECONDS);
      socket.close();
      assertThat(answered).startsWith("HTTP/1.1 201");
      assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(platform.runStore().count()).as("the answered run and nothing else").isEqualTo(1);
    }
  }

  private static HttpRequest post(String base, String token, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create(base + "/api/runs"))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(body)
        .build();
  }
}

package io.citybrain.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.transport.mqtt.MqttEndpoint;
import io.citybrain.live.transport.mqtt.MqttSession;
import io.citybrain.live.transport.mqtt.MqttTopics;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: {@code citybrain serve --live} (centre and its embedded broker) is killed with SIGKILL
 * while a detector publishes at QoS 1, then started again on the same data folder. The publisher
 * resends what was not acknowledged; every observation it published ends up in the history once.
 */
class LiveServerKillIT {
  private static final Path JAR = Path.of(System.getProperty("citybrain.jar", "target/citybrain.jar")).toAbsolutePath();

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process serve(Path dir, int http, int mqtt) throws Exception {
    Process p = new ProcessBuilder("java", "-Xmx1g", "-jar", JAR.toString(), "serve", "--live", "jinan", "--port", String.valueOf(http),
        "--mqtt-port", String.valueOf(mqtt), "--data-dir", dir.resolve("data").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("serve-" + System.nanoTime() + ".log").toFile()).start();
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", http)) {
        return p;
      } catch (java.io.IOException notYet) {
        assertThat(p.isAlive()).as("serve exited early").isTrue();
        Thread.sleep(200);
      }
    }
    throw new AssertionError("serve did not open port " + http + " within 180 s");
  }

  private static long inHistory(int http) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/live/status")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("\"observationsInHistory\":(\\d+)").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void nothingAcknowledgedIsLostWhenTheServerIsKilledMidStream(@TempDir Path dir) throws Exception {
    int http = freePort();
    int mqtt = freePort();
    Process server = serve(dir, http, mqtt);
    MessageCodec codec = new MessageCodec();
    Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
    int reports = 2000;
    int lanes = 4;
    try (MqttSession publisher = new MqttSession(new MqttEndpoint("127.0.0.1", mqtt), "kill-publisher", 200, null)) {
      for (int k = 0; k < reports; k++) {
        if (k == reports / 2) {
          server.destroyForcibly().waitFor(); // SIGKILL mid-stream
          server = serve(dir, http, mqtt);
        }
        List<DetectorObservation> obs = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
          obs.add(DetectorObservation.loop("k" + (k % 20) + "-d" + l, "k" + (k % 20) + "_" + l, t0.plusSeconds(60L * (k / 20)),
              t0.plusSeconds(60L * (k / 20) + 60), l, 0.2, 7));
        }
        publisher.publish(MqttTopics.detectors("k" + (k % 20)), codec.encode(new DetectorReport("k" + (k % 20), k / 20, obs)));
        if (k % 100 == 0) {
          Thread.sleep(50);
        }
      }
      publisher.flush(Duration.ofMinutes(3));
      assertThat(publisher.publishFailures()).isZero();
      long deadline = System.nanoTime() + 180_000_000_000L;
      while (inHistory(http) < (long) reports * lanes && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      assertThat(inHistory(http)).as("observations in history after the SIGKILL").isEqualTo((long) reports * lanes);
    } finally {
      server.destroy();
      server.waitFor();
    }
  }
}

package io.citybrain.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full queue answers 429 at once, stores nothing, and frees up when a run ends. */
class QueueLimitTest {
  @TempDir Path dir;

  @Test
  void aFullQueueAnswers429AndNotAHang() {
    try (TestServer api = new TestServer(PlatformConfig.defaults(dir).withRunLimits(1, 1))) {
      String slow = "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":3600,\"paceStepsPerSecond\":20}";
      long first = api.post("/api/runs", slow).json().get("id").asLong();
      long second = api.post("/api/runs", slow).json().get("id").asLong();
      assertThat(api.get("/api/runs/" + second).json().get("status").asText()).isEqualTo("queued");
      long runsBefore = api.server().platform().runStore().count();
      long auditBefore = api.server().platform().audit().count();
      long t0 = System.nanoTime();
      Answer full = api.post("/api/runs", slow);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      assertThat(full.status()).isEqualTo(429);
      assertThat(full.json().get("error").asText()).isEqualTo("queue_full");
      assertThat(full.raw().headers().firstValue("Retry-After")).contains("5");
      assertThat(api.server().platform().runStore().count()).isEqualTo(runsBefore);
      assertThat(api.server().platform().audit().count()).isEqualTo(auditBefore);

      // cancelling the queued run frees its place at once
      assertThat(api.post("/api/runs/" + second + "/cancel", "").json().get("status").asText()).isEqualTo("cancelled");
      Answer queued = api.post("/api/runs", slow);
      assertThat(queued.status()).as("the first run still holds the worker; " + queued.body()).isEqualTo(201);
      assertThat(api.get("/api/health").json().get("activeRuns").asInt()).isEqualTo(2);
      api.post("/api/runs/" + queued.json().get("id").asLong() + "/cancel", "");
      api.post("/api/runs/" + first + "/cancel", "");
      api.awaitRun(first, "cancelled", Duration.ofSeconds(30));
      Answer again = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":10}");
      assertThat(again.status()).as(again.body()).isEqualTo(201);
    }
  }
}

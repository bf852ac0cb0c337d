package io.citybrain.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.Platform;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.storage.DatabaseSettings;
import io.citybrain.platform.storage.RunRecord;
import io.citybrain.platform.storage.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean shutdown stops running runs and stores them as failed (interrupted), with an audit entry. */
class ShutdownTest {
  @TempDir Path dir;

  @Test
  void runsStoppedByAShutdownAreFailedInterrupted() {
    long running;
    long queued;
    try (TestServer api = new TestServer(PlatformConfig.defaults(dir).withRunLimits(1, 4))) {
      String slow = "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":3600,\"paceStepsPerSecond\":20}";
      running = api.post("/api/runs", slow).json().get("id").asLong();
      queued = api.post("/api/runs", slow).json().get("id").asLong();
      api.awaitRun(running, "running", Duration.ofSeconds(30));
    }
    try (Platform p = Platform.openForAdmin(DatabaseSettings.embedded(dir), dir)) {
      for (long id : new long[] {running, queued}) {
        RunRecord r = p.runStore().find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.statusText()).isEqualTo("failed (interrupted)");
        assertThat(r.hasResults()).isFalse();
      }
      assertThat(p.audit().newest(2)).allSatisfy(e -> {
        assertThat(e.event().action()).isEqualTo("run.finish");
        assertThat(e.event().details()).contains("detail=interrupted");
      });
      assertThat(p.audit().verify().intact()).isTrue();
    }
  }
}

package io.citybrain.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.PlatformServer;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.storage.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second server on the data folder of a running one is refused before it touches anything; it
 * used to mark the first server's running runs failed (interrupted), whose results were then
 * dropped when they finished.
 */
class SecondServerTest {
  @TempDir Path dir;

  @Test
  void secondServerIsRefusedAndTheFirstKeepsItsRun() {
    try (TestServer first = TestServer.embedded(dir)) {
      long id =
          first.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":120,\"paceStepsPerSecond\":60}")
              .json()
              .get("id")
              .asLong();
      first.awaitRun(id, "running", Duration.ofSeconds(60));

      assertThatThrownBy(() -> PlatformServer.start(PlatformConfig.defaults(dir).withPort(0)).close())
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("another citybrain server is using");

      JsonNode run = first.awaitRun(id, null, Duration.ofSeconds(60));
      assertThat(run.get("status").asText()).isEqualTo("succeeded");
      assertThat(run.get("hasResults").asBoolean()).isTrue();
    }
    // the lock ends with the server
    PlatformServer.start(PlatformConfig.defaults(dir).withPort(0)).close();
  }
}

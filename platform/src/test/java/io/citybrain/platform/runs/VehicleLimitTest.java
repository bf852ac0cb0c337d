package io.citybrain.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose flow would create more vehicles within its steps than the server's limit is refused
 * before it is queued (a flow of one vehicle every 0.1 s per entry could otherwise fill the heap of
 * a server that other agencies share); a shorter run of the same scenario is accepted.
 */
class VehicleLimitTest {
  @TempDir Path dir;

  @Test
  void runOverTheVehicleLimitIsRefusedAndNothingIsStored() {
    // Jinan's real flow creates 6,295 vehicles in the hour and a few dozen in its first minute
    try (TestServer api = new TestServer(PlatformConfig.defaults(dir).withMaxVehiclesPerRun(1000))) {
      long audited = api.server().platform().audit().count();

      Answer refused = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":3600}");

      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      assertThat(refused.json().get("fields").get("steps").asText())
          .isEqualTo(
              "is 3600: scenario 'jinan' would create up to 6295 vehicles within them; this server runs at most 1000"
                  + " vehicles per run (serve --max-vehicles-per-run); expected fewer steps or a smaller flow");
      assertThat(api.server().platform().runStore().count()).isZero();
      assertThat(api.server().platform().audit().count()).isEqualTo(audited);

      Answer accepted = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":60}");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
      long id = accepted.json().get("id").asLong();
      assertThat(api.awaitRun(id, "succeeded", Duration.ofSeconds(60)).get("stepsDone").asInt()).isEqualTo(60);
    }
  }
}

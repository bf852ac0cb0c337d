package io.citybrain.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paced run waits between steps in short slices, so a cancel stops it at once even when its steps
 * are seconds apart; a pace so small that a run would sleep for centuries is refused.
 */
class PacedRunCancelTest {
  @TempDir Path dir;

  @Test
  void slowPacedRunIsCancelledWithinSeconds() {
    try (TestServer api = TestServer.embedded(dir)) {
      long id =
          api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":100,\"paceStepsPerSecond\":0.1}")
              .json()
              .get("id")
              .asLong();
      awaitFirstStep(api, id);
      assertThat(simulatedSteps(api)).as("steps are counted while the run is in progress").isGreaterThanOrEqualTo(1);
      assertThat(api.post("/api/runs/" + id + "/cancel", "").status()).isEqualTo(200);

      // one step every 10 s: without slices the run would end only after its next step
      int stepsDone = api.awaitRun(id, "cancelled", Duration.ofSeconds(3)).get("stepsDone").asInt();
      assertThat(stepsDone).isLessThan(3);
      assertThat(simulatedSteps(api)).as("a cancelled run's steps count too").isEqualTo(stepsDone);
    }
  }

  /** The Prometheus counter of simulation steps done by all runs. */
  private static double simulatedSteps(TestServer api) {
    return api.get("/metrics").body().lines()
        .filter(l -> l.startsWith("citybrain_simulated_steps_total "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  /** Waits until the run has made its first step and sleeps before the second. */
  private static void awaitFirstStep(TestServer api, long id) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (api.get("/api/runs/" + id).json().get("stepsDone").asInt() < 1) {
      assertThat(System.nanoTime()).as("run %d makes its first step", id).isLessThan(end);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void vanishingPaceIsRefused() {
    try (TestServer api = TestServer.embedded(dir)) {
      Answer a = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"paceStepsPerSecond\":1e-300}");

      assertThat(a.status()).as(a.body()).isEqualTo(422);
      assertThat(a.json().get("fields").get("paceStepsPerSecond").asText())
          .isEqualTo("is 1.0E-300; expected 0 (as fast as possible) or a number in [0.1, 10000]");
      assertThat(api.server().platform().runStore().count()).isZero();
    }
  }
}

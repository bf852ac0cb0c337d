package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citybrain bench api} at a low rate: it serves both endpoints without an error and prints
 * its table with the target and the machine's load. Latency is its result, never asserted here.
 */
class BenchApiIT {
  @TempDir Path dir;

  @Test
  void printsBothEndpointsWithoutErrors() {
    Result r = CitybrainJar.run(dir, "bench", "api", "--rate", "20", "--seconds", "1", "--warmup", "0");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout())
        .as(r.describe())
        .contains("open loop at 20 requests/s per endpoint")
        .containsPattern("GET /api/runs +20 +\\d+ +0 ")
        .containsPattern("GET /api/runs/\\{id\\}/summary +20 +\\d+ +0 ")
        .contains("p99 < 50 ms")
        .contains("machine load (1-minute average)");
  }

  @Test
  void rateOutOfRangeIsAUsageError() {
    CitybrainJar.runQuick(dir, "bench", "api", "--rate", "0").assertInvalid();
  }
}

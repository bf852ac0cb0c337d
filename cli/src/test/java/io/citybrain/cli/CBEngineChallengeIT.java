package io.citybrain.cli;

import static io.citybrain.cli.RunOutputs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The City Brain Challenge's published fixed-time figure on Nanchang flow 0 reproduced under the
 * cbengine2021 rules (IF_Bigdata's report, Table 3: the delay index passes 1.40 at 519 s with
 * 37,672 vehicles served), within ±5 %, through the command line: the run stops at the limit and
 * {@code summary.json} carries the score.
 */
class CBEngineChallengeIT {
  @TempDir static Path dir;

  @Test
  void theStarterKitsFixedTimePassesTheLimitWhereThePublishedRunDid() {
    CitybrainJar.run(
            dir, "traffic", "run", "--city", "nanchang", "--engine-rules", "cbengine2021",
            "--controller", "kdd-fixed-time", "--out", "ft")
        .assertSuccess();
    JsonNode s = json(dir.resolve("ft/summary.json"));

    int limit = s.get("challengeLimitSeconds").asInt();
    long served = s.get("challengeServed").asLong();
    assertThat((double) limit).isCloseTo(519, within(519 * 0.05));
    assertThat((double) served).isCloseTo(37_672, within(37_672 * 0.05));
    // the run stopped at the check that passed the limit, as the challenge's did
    assertThat(s.get("steps").asInt()).isEqualTo(limit);
    assertThat(s.get("challengeDelayIndex").asDouble()).isGreaterThan(1.40).isLessThan(1.43);
    // served = vehicles created before the check: flow 0's departures at 0..limit-1 s
    assertThat(s.get("vehiclesSpawned").asLong()).isEqualTo(served);
  }
}

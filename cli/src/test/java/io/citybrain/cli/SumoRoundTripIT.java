package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.bench.traffic.SumoOracleBenchmark;
import io.citybrain.bench.traffic.SumoOracleBenchmark.SumoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SUMO network and demand read by citybrain and written back as SUMO plain XML ({@code traffic
 * convert --to sumo}) build in SUMO's netconvert and give SUMO the same fixed-plan figures as the
 * original files. Needs {@code sumo} and {@code netconvert} (Debian packages {@code sumo}, {@code
 * sumo-tools}); fails, not skips, without them.
 */
class SumoRoundTripIT {
  private static final Path COLOGNE1 = Path.of("..", "data", "traffic", "resco", "cologne1");

  @TempDir Path dir;

  @Test
  void cologne1WrittenByCitybrainRunsInSumoLikeTheOriginal() throws Exception {
    Path cfg = COLOGNE1.resolve("cologne1.sumocfg").toAbsolutePath();
    SumoRun original = SumoOracleBenchmark.runSumo(cfg, dir.resolve("original.xml"), List.of());

    Path out = dir.resolve("written");
    CitybrainJar.run(dir, "traffic", "convert", "--roadnet", COLOGNE1.resolve("cologne1.net.xml").toAbsolutePath().toString(),
            "--flow", COLOGNE1.resolve("cologne1.rou.xml").toAbsolutePath().toString(), "--to", "sumo", "--out", out.toString())
        .assertSuccess();
    ProcessBuilder build = new ProcessBuilder("netconvert", "-c", "netconvert.netccfg")
        .directory(out.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("netconvert.log").toFile());
    // without SUMO_HOME SUMO's tools look for their XML schemas on the web
    build.environment().putIfAbsent("SUMO_HOME", "/usr/share/sumo");
    Process netconvert = build.start();
    assertThat(netconvert.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(netconvert.exitValue()).as(Files.readString(dir.resolve("netconvert.log"))).isZero();
    SumoRun written = SumoOracleBenchmark.runSumo(out.resolve("scenario.sumocfg"), dir.resolve("written.xml"), List.of());

    // SUMO 1.15 on the original: 1,993 arrived, mean duration 68.25 s (deterministic, seed 23423)
    assertThat(original.arrived()).isEqualTo(1993);
    assertThat(original.meanDurationSeconds()).isCloseTo(68.25, within(0.01));
    // the written network is rebuilt by netconvert (its own junction shapes and internal lanes),
    // so the figures agree closely, not bit for bit: measured 1,992 arrived, 66.47 s
    assertThat(written.arrived()).isCloseTo(original.arrived(), within(20));
    assertThat(written.meanDurationSeconds()).isCloseTo(original.meanDurationSeconds(), within(0.05 * original.meanDurationSeconds()));
    assertThat(written.meanWaitingSeconds()).isCloseTo(original.meanWaitingSeconds(), within(0.10 * original.meanWaitingSeconds()));
  }
}

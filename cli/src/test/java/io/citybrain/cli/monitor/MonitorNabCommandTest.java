package io.citybrain.cli.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code citybrain monitor nab} on a small corpus in NAB's layout, and its errors. */
class MonitorNabCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** 400 five-minute points of a steady pattern with a spike at row 300, labelled [290, 310]. */
  private Path corpus() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    long t0 = 1_400_000_000L;
    for (int i = 0; i < 400; i++) {
      java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(t0 + 300L * i, 0, java.time.ZoneOffset.UTC);
      double v = i == 300 ? 500 : 10 + (i % 7);
      csv.append(time.toString().replace('T', ' ')).append(',').append(v).append('\n');
    }
    Files.createDirectories(dir.resolve("nab/data/cat"));
    Files.createDirectories(dir.resolve("nab/labels"));
    Files.writeString(dir.resolve("nab/data/cat/spike.csv"), csv);
    String start = java.time.LocalDateTime.ofEpochSecond(t0 + 300L * 290, 0, java.time.ZoneOffset.UTC).toString().replace('T', ' ');
    String end = java.time.LocalDateTime.ofEpochSecond(t0 + 300L * 310, 0, java.time.ZoneOffset.UTC).toString().replace('T', ' ');
    Files.writeString(dir.resolve("nab/labels/combined_windows.json"),
        "{\"cat/spike.csv\": [[\"" + start + ".000000\", \"" + end + ".000000\"]]}");
    return dir.resolve("nab");
  }

  @Test
  void scoresACorpusAndWritesNabLayout() throws IOException {
    int code = run("monitor", "nab", "--detector", "range-break", "--corpus", corpus().toString(), "--out",
        dir.resolve("out").toString());
    assertThat(code).as(err.toString()).isZero();
    // the spike is on the window's row 11 of 21: y = -(310 - 300 + 1)/21; no false alarm
    double expected = 100 * (Math.max(0, (2 / (1 + Math.exp(5 * -11.0 / 21)) - 1) / 0.9866142981514303) + 1) / 2;
    assertThat(out.toString()).contains("* range-break").contains(String.format(java.util.Locale.ROOT, "%.1f", expected))
        .contains("ARTime").contains("1 series, 400 rows, 1 anomaly windows");
    Path rows = dir.resolve("out/range-break/cat/range-break_spike.csv");
    assertThat(Files.readAllLines(rows)).hasSize(401).first().asString()
        .isEqualTo("timestamp,value,anomaly_score,label,S(t)_standard,S(t)_reward_low_FP_rate,S(t)_reward_low_FN_rate");
    assertThat(Files.readAllLines(rows).get(301)).startsWith("2014-05-14 17:53:20,500.0,0.").contains(",1,");
    assertThat(Files.readString(dir.resolve("out/range-break/range-break_standard_scores.csv"))).contains("Totals,,,,");
    assertThat(Files.readString(dir.resolve("out/range-break_final_results.json"))).contains("\"standard\": ");
  }

  @Test
  void badCorpusIsExitTwoNamingFileAndLine() throws IOException {
    Path c = corpus();
    Files.writeString(c.resolve("data/cat/spike.csv"), "timestamp,value\n2014-05-13 00:00:00,x\n");
    assertThat(run("monitor", "nab", "--detector", "range-break", "--corpus", c.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("spike.csv: line 2: value: expected a finite decimal number").doesNotContain("Exception");
  }

  @Test
  void unknownDetectorOrParameterIsExitTwo() throws IOException {
    assertThat(run("monitor", "nab", "--detector", "magic")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown anomaly detector 'magic'").contains("range-break");
    assertThat(run("monitor", "nab", "--detector", "range-break", "--param", "restPoints=-3")).isEqualTo(2);
    assertThat(err.toString()).contains("parameter 'restPoints' of anomaly detector 'range-break' is -3.0");
    assertThat(run("monitor", "nab", "--detector", "range-break", "--profile", "strict")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown NAB profile 'strict'");
  }
}

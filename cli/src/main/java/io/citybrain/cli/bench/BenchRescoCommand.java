package io.citybrain.cli.bench;

import io.citybrain.bench.traffic.RescoBenchmark;
import io.citybrain.cli.CliErrors.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain bench resco}: RESCO's protocol and delay metric, our controllers beside its published table. */
@Command(
    name = "resco",
    mixinStandardHelpOptions = true,
    description = {
      "Run citybrain's controllers on RESCO's six real-world maps under RESCO's protocol (10 s decisions, 3 s",
      "yellow, its delay metric: time loss + depart delay, never-inserted vehicles charged) and print the mean",
      "delay over episodes beside every published RESCO row. See docs/sumo-comparison.md."
    },
    footer = {"", "Examples:", "  citybrain bench resco", "  citybrain bench resco --episodes 1 --controllers max-pressure"})
public final class BenchRescoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--resco-dir", paramLabel = "DIR", defaultValue = "data/traffic/resco",
      description = "Folder with one folder per scenario (default: ${DEFAULT-VALUE}).")
  Path rescoDir;

  @Option(names = "--episodes", defaultValue = "3", description = "Episodes (seeds 1..N) per controller and map (default: ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--controllers", split = ",", paramLabel = "NAME",
      description = "Controllers (default: roadnet-plan, max-pressure, advanced-mp, actuated-pressure).")
  List<String> controllers = List.of("roadnet-plan", "max-pressure", "advanced-mp", "actuated-pressure");

  @Override
  public Integer call() throws Exception {
    if (episodes < 1 || episodes > 100) {
      throw new UsageException("--episodes must be in [1, 100], got " + episodes);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("machine load before: " + BenchSumoCommand.load());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s", "average delay (s)"));
    for (String m : RescoBenchmark.REAL_MAPS) {
      head.append(String.format(Locale.ROOT, " %12s", m));
    }
    o.println(head);
    for (Map.Entry<String, double[]> row : RescoBenchmark.PUBLISHED.entrySet()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", "RESCO " + row.getKey()));
      for (double d : row.getValue()) {
        line.append(Double.isNaN(d) ? String.format(Locale.ROOT, " %12s", "n/r") : String.format(Locale.ROOT, " %12.2f", d));
      }
      o.println(line);
    }
    long t0 = System.nanoTime();
    for (String c : controllers) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", "citybrain " + c));
      for (String m : RescoBenchmark.REAL_MAPS) {
        Path cfg = rescoDir.resolve(m).resolve(m + ".sumocfg");
        if (!Files.isRegularFile(cfg)) {
          throw new UsageException("--resco-dir " + rescoDir + ": no " + cfg);
        }
        double[] d = RescoBenchmark.delay(cfg, c, Map.of(), episodes);
        line.append(String.format(Locale.ROOT, " %12.2f", d[0]));
      }
      o.println(line);
      o.flush();
    }
    o.println("citybrain rows: mean over " + episodes + " episodes (seeds 1.." + episodes + "), in "
        + String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t0) / 1e9) + " s; RESCO rows: its results data"
        + " (baselines mean over episodes, learners best episode).");
    o.println("machine load after: " + BenchSumoCommand.load());
    o.flush();
    return 0;
  }
}

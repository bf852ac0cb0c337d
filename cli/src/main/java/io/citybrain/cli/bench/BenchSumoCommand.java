package io.citybrain.cli.bench;

import io.citybrain.bench.traffic.SumoOracleBenchmark;
import io.citybrain.bench.traffic.SumoOracleBenchmark.Comparison;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.cli.Tables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain bench sumo}: SUMO as a second oracle on the RESCO scenarios, fixed plans,
 * side by side ({@link SumoOracleBenchmark}).
 */
@Command(
    name = "sumo",
    mixinStandardHelpOptions = true,
    description = {
      "Run SUMO (sumo on the PATH; Debian's sumo package) and citybrain on the same SUMO scenarios under the",
      "networks' own fixed signal programs, and print mean trip duration, waiting time and time loss (SUMO's",
      "definitions, arrived vehicles), arrived trips and wall time for both, with ratios citybrain/SUMO.",
      "See docs/sumo-comparison.md."
    },
    footer = {"", "Examples:", "  citybrain bench sumo", "  citybrain bench sumo --scenarios cologne1,grid4x4"})
public final class BenchSumoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--resco-dir",
      paramLabel = "DIR",
      defaultValue = "data/traffic/resco",
      description = "Folder with one folder per scenario holding <name>.sumocfg (default: ${DEFAULT-VALUE}).")
  Path rescoDir;

  @Option(names = "--scenarios", split = ",", paramLabel = "NAME", description = "Only these scenarios (default: all eight of RESCO).")
  List<String> scenarios = SumoOracleBenchmark.RESCO_SCENARIOS;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("citybrain-bench-sumo");
    o.println("machine load before: " + load());
    o.println();
    o.println(String.format(Locale.ROOT, "%-13s %17s %23s %23s %23s %23s",
        "scenario", "arrived S/C", "duration s S/C (ratio)", "waiting s S/C (ratio)", "time loss s S/C (ratio)", "wall s S/C (speed-up)"));
    for (String name : scenarios) {
      Path cfg = rescoDir.resolve(name).resolve(name + ".sumocfg");
      if (!Files.isRegularFile(cfg)) {
        throw new UsageException("--resco-dir " + rescoDir + ": no " + cfg + "; expected <name>/<name>.sumocfg for each scenario");
      }
      Comparison c = SumoOracleBenchmark.compare(cfg, work);
      var s = c.sumo();
      var b = c.citybrain();
      o.println(String.format(Locale.ROOT, "%-13s %8s/%-8s %s %s %s %s",
          name, Tables.count(s.arrived()), Tables.count(b.arrived()),
          pair(s.meanDurationSeconds(), b.meanDurationSeconds()),
          pair(s.meanWaitingSeconds(), b.meanWaitingSeconds()),
          pair(s.meanTimeLossSeconds(), b.meanTimeLossSeconds()),
          String.format(Locale.ROOT, "%7.2f/%-6.2f (%5.1fx)", s.wallSeconds(), c.citybrainWallSeconds(), s.wallSeconds() / c.citybrainWallSeconds())));
      o.flush();
    }
    o.println();
    o.println("machine load after: " + load());
    o.println("S = SUMO 1.15 (seed 23423, defaults), C = citybrain (roadnet-plan, seed 0); means over arrived vehicles.");
    o.flush();
    return 0;
  }

  private static String pair(double sumo, double ours) {
    return String.format(Locale.ROOT, "%7.2f/%-7.2f (%5.2f)", sumo, ours, ours / sumo);
  }

  /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim() + " (1, 5, 15 min; 2 cores shared)";
    } catch (Exception e) {
      return "unknown";
    }
  }
}

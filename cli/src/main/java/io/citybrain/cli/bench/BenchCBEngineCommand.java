package io.citybrain.cli.bench;

import io.citybrain.bench.traffic.CBEngineChallengeBenchmark;
import io.citybrain.bench.traffic.CBEngineChallengeBenchmark.Published;
import io.citybrain.bench.traffic.CBEngineChallengeBenchmark.Score;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.ChallengeScore;
import io.citybrain.traffic.sim.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain bench cbengine}: the City Brain Challenge's score on Nanchang flow 0 under the
 * cbengine2021 rules, beside every published row ({@link CBEngineChallengeBenchmark}).
 */
@Command(
    name = "cbengine",
    mixinStandardHelpOptions = true,
    description = {
      "Run controllers on the City Brain Challenge's Nanchang flow 0 under the challenge engine's rules (cbengine2021)",
      "until its delay index passes 1.40 (checked every 20 s), and print the time and the vehicles served beside the",
      "published rows, with ratios. See docs/cbengine-rules.md."
    },
    footer = {"", "Examples:", "  citybrain bench cbengine", "  citybrain bench cbengine --controllers kdd-max-pressure --threads 2"})
public final class BenchCBEngineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--controllers",
      split = ",",
      paramLabel = "NAME",
      description = "Controllers to run (default: kdd-fixed-time, kdd-max-pressure).")
  List<String> controllers = List.of("kdd-fixed-time", "kdd-max-pressure");

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random-braking seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    for (String c : controllers) {
      SignalControllers.require(c);
    }
    PrintWriter o = spec.commandLine().getOut();
    BundledCity nanchang = BundledCity.require("nanchang");
    Scenario s = ScenarioLoader.loadBundled(nanchang, "flow0");
    o.println("machine load before: " + BenchSumoCommand.load());
    List<Score> scores = new ArrayList<>();
    for (String c : controllers) {
      Score score = CBEngineChallengeBenchmark.run(s, c, Map.of(), threads, seed);
      scores.add(score);
      o.println(String.format(Locale.ROOT, "  %s: %s, %d steps in %.1f s (%s vehicle-steps/s, %d thread%s)", c,
          describe(score), score.steps(), score.wallSeconds(),
          Tables.count(Math.round(score.vehicleSteps() / score.wallSeconds())), threads, threads == 1 ? "" : "s"));
      o.flush();
    }
    o.println();
    List<String[]> rows = new ArrayList<>();
    for (Published p : CBEngineChallengeBenchmark.PUBLISHED) {
      Score ours = p.controller().flatMap(c -> scores.stream().filter(x -> x.controller().equals(c)).findFirst()).orElse(null);
      rows.add(row(p.name(), p.limitSeconds() + " s", Tables.count(p.served()), Tables.num(p.delayIndex(), 4), ours, p));
    }
    for (Score sc : scores) {
      boolean published = CBEngineChallengeBenchmark.PUBLISHED.stream().anyMatch(p -> p.controller().orElse("").equals(sc.controller()));
      if (!published) {
        rows.add(row("(ours) " + sc.controller(), "", "", "", sc, null));
      }
    }
    o.print(Tables.render(
        List.of("method", "published: 1.40 passed at", "served", "D", "ours: passed at", "served", "D", "time ±%", "served ±%"), rows));
    o.println("Published: final-round scores on flow 0 (IF_Bigdata Table 3, D, IntelligentLight; cbengine-reference.md §5).");
    o.println("Ours: the same controller under --engine-rules cbengine2021, seed " + seed + "; served = vehicles created before the check.");
    o.println("machine load after: " + BenchSumoCommand.load());
    o.flush();
    return 0;
  }

  private static String describe(Score s) {
    return s.limit()
        .map(c -> "delay index passed 1.40 at " + c.timeSeconds() + " s with " + Tables.count(c.served()) + " served (D " + Tables.num(c.delayIndex(), 4) + ")")
        .orElse("never passed 1.40 in " + CBEngineChallengeBenchmark.HORIZON_SECONDS + " s (last D " + Tables.num(s.last().delayIndex(), 4) + ")");
  }

  private static String[] row(String name, String pubTime, String pubServed, String pubD, Score ours, Published p) {
    if (ours == null) {
      return new String[] {name, pubTime, pubServed, pubD, "-", "-", "-", "-", "-"};
    }
    ChallengeScore.Check c = ours.limit().orElse(ours.last());
    String time = ours.limit().isPresent() ? c.timeSeconds() + " s" : "> " + c.timeSeconds() + " s";
    String dt = p == null ? "" : pct(c.timeSeconds(), p.limitSeconds());
    String ds = p == null ? "" : pct(c.served(), p.served());
    return new String[] {name, pubTime, pubServed, pubD, time, Tables.count(c.served()), Tables.num(c.delayIndex(), 4), dt, ds};
  }

  private static String pct(double ours, double published) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * (ours - published) / published);
  }
}

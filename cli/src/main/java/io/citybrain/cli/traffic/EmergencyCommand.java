package io.citybrain.cli.traffic;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.Progress;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.traffic.metrics.EmergencyComparison;
import io.citybrain.traffic.metrics.EmergencyReport;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.sim.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain traffic emergency}: one controller with and without emergency-vehicle
 * pre-emption on a flow with emergency vehicles; what priority buys them and costs everyone
 * else.
 */
@Command(
    name = "emergency",
    mixinStandardHelpOptions = true,
    description = {
      "Run a controller twice on a flow with emergency vehicles (flow entries with \"emergency\": true),"
          + " pre-emption off and on, and compare the emergency vehicles' travel time with everyone else's.",
      "The controller must offer pre-emption (parameter emergencyPriority): actuated-pressure, advanced-mp,"
          + " or max-pressure (whose default is off; the second run turns it on).",
      "With --out, writes emergency.json."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain traffic emergency --city jinan --flow emergency",
      "  citybrain traffic emergency --city hangzhou --flow emergency --params data/traffic/params/hangzhou-actuated-pressure.json",
      "  citybrain traffic emergency --city hangzhou --flow emergency --controller max-pressure",
      "  citybrain traffic emergency --city jinan --flow emergency --controller advanced-mp --param emergencyRangeMeters=300"
    })
public final class EmergencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin RunOptions run;

  @Option(
      names = "--controller",
      defaultValue = "actuated-pressure",
      paramLabel = "NAME",
      description = "Controller offering pre-emption (default: ${DEFAULT-VALUE}).")
  String controller;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for emergency.json (created if missing).")
  Path out;

  /** The result file written in --out. */
  static final String RESULT_FILE = "emergency.json";

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Scenario s = scenario.load(spec.commandLine().getErr());
    CityFlowConfig cfg = scenario.cityFlowConfig();
    long flagged = s.demand().flows().stream().filter(f -> f.emergency()).count();
    if (flagged == 0) {
      throw new io.citybrain.cli.CliErrors.UsageException(
          s.name() + " has no emergency vehicles (flow entries with \"emergency\": true); try --flow emergency with --city jinan or --city hangzhou");
    }
    if (out != null) {
      // checked before two runs of minutes, not after them
      OutputGuard.check(
          Map.of("--out " + out + " (" + RESULT_FILE + ")", out.resolve(RESULT_FILE)), OutputGuard.inputsOf(scenario, run));
      OutputFolder.prepare(out);
    }
    EmergencyComparison.Result r;
    try (Progress progress = Progress.start("emergency " + controller, 2 * run.steps)) {
      int[] arm = {0};
      r =
          EmergencyComparison.run(
              s,
              controller,
              run.controllerParameters(),
              run.simulationConfig(cfg),
              run.steps,
              new io.citybrain.traffic.metrics.RunListener() {
                @Override
                public void afterStep(io.citybrain.traffic.sim.Simulation sim, int step, int totalSteps) {
                  progress.afterStep(sim, arm[0] * totalSteps + step, 2 * totalSteps);
                  if (step == totalSteps) {
                    arm[0]++;
                  }
                }
              });
    }
    o.println("Scenario " + s.name() + ": " + flagged + " emergency flow entries, controller " + controller);
    List<String[]> rows = new ArrayList<>();
    rows.add(row("without priority", r.without()));
    rows.add(row("with priority", r.with()));
    o.println(
        Tables.render(
            List.of("run", "emergency trips", "emergency ATT s", "emergency delay s", "others ATT s", "all ATT s", "finished", "max stop s"),
            rows));
    o.println(
        "emergency vehicles' travel time " + pct(r.emergencyChange()) + ", everyone else's " + pct(r.othersChange()));
    if (out != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s.name());
      m.put("controller", controller);
      m.put("emergencyTravelTimeChange", r.emergencyChange());
      m.put("othersTravelTimeChange", r.othersChange());
      m.put("without", arm(r.without()));
      m.put("with", arm(r.with()));
      ResultFiles.writeJson(out.resolve(RESULT_FILE), m);
      o.println("results written to " + out.resolve(RESULT_FILE));
    }
    o.flush();
    return ExitCode.OK.code();
  }

  private static String[] row(String label, EmergencyComparison.Arm a) {
    EmergencyReport e = a.emergency();
    RunSummary s = a.summary();
    return new String[] {
      label,
      e.emergencyFinished() + " / " + e.emergencyVehicles() + " finished",
      Tables.num(e.emergencyAverageTravelTimeSeconds(), 1),
      Tables.num(e.emergencyAverageDelayFinishedSeconds(), 1),
      Tables.num(e.othersAverageTravelTimeSeconds(), 2),
      Tables.num(s.averageTravelTimeSeconds(), 2),
      Tables.count(s.vehiclesFinished()),
      Tables.num(s.maxStoppedSeconds(), 0)
    };
  }

  private static Map<String, Object> arm(EmergencyComparison.Arm a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("emergency", a.emergency());
    m.put("summary", ResultFiles.summaryMap(a.summary(), true));
    return m;
  }

  private static String pct(double change) {
    return (change >= 0 ? "+" : "") + Tables.num(100 * change, 1) + "%";
  }
}

package io.citybrain.cli.traffic;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.Progress;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain traffic compare}: every controller on one scenario, one table. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run every signal controller (or those given) on one scenario and print one comparison table.",
      "Says which controller has the lowest average travel time and by how much it beats fixed-time.",
      "With --out, writes comparison.json and comparison.csv (one summary per controller) and each run's files in a subfolder."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain traffic compare --city jinan",
      "  citybrain traffic compare --city hangzhou --flow 5734 --out runs/hz5734",
      "  citybrain traffic compare --roadnet roadnet.json --flow flow.json --controllers fixed-time,max-pressure",
      "  citybrain traffic compare --city hangzhou --flow 5816 --protocol xlight15"
    })
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin RunOptions run;

  @Mixin ProtocolOptions protocol;

  @Option(
      names = "--controllers",
      split = ",",
      paramLabel = "NAME",
      description = "Controllers to compare (default: all: ${COMPLETION-CANDIDATES}).",
      completionCandidates = ControllerNames.class)
  List<String> controllers;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for comparison.json, comparison.csv and per-controller results.")
  Path out;

  @Option(names = "--wide", description = "Print every figure (a table wider than 100 columns).")
  boolean wide;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Scenario s = scenario.load(spec.commandLine().getErr());
    CityFlowConfig cfg = scenario.cityFlowConfig();
    List<String> names = controllers == null ? SignalControllers.names() : controllers;
    names.forEach(SignalControllers::require);
    Map<String, Double> params = run.controllerParameters(names.size() == 1 ? names.get(0) : null);
    if (!params.isEmpty() && names.size() > 1) {
      throw new io.citybrain.cli.CliErrors.UsageException(
          "--param/--params apply to one controller; use --controllers NAME with them");
    }
    if (out != null) {
      OutputFolder.prepare(out);
    }
    int steps = protocol.steps(run);
    o.println("Scenario " + s.name() + ": " + s.network().signalizedIntersectionCount()
        + " signalised intersections, " + s.demand().flows().size() + " flows, " + steps + " steps"
        + (protocol.protocol() == null ? "" : ", protocol " + protocol.protocol().name()));
    o.flush();
    List<RunResult> results = new ArrayList<>();
    for (String name : names) {
      RunResult r;
      try (Progress progress = Progress.start(name, steps)) {
        r =
            TrafficRunner.run(
                s, name, params, protocol.simulationConfig(run, cfg), steps, progress, List.of(), protocol.protocol());
      }
      results.add(r);
      GridlockWarnings.print(r, spec.commandLine().getErr());
      if (out != null) {
        ResultFiles.writeRun(r, out.resolve(name));
      }
    }
    List<RunSummary> summaries = results.stream().map(RunResult::summary).toList();
    o.println(wide ? SummaryTables.comparisonWide(summaries) : SummaryTables.comparison(summaries));
    if (out != null) {
      ResultFiles.writeComparison(results, out);
      o.println("comparison written to " + out.resolve(ResultFiles.COMPARISON) + " and " + ResultFiles.COMPARISON_CSV);
    }
    o.flush();
    return ExitCode.OK.code();
  }
}

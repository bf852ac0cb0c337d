package io.citybrain.cli.traffic;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.Progress;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.replay.ReplayWriter;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain traffic run}: one controller on one scenario. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a scenario under one signal controller and report travel times, throughput and queues.",
      "Writes summary.json, timeseries.csv and intersections.csv to --out."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain traffic run --roadnet roadnet.json --flow flow.json --controller max-pressure --out runs/mp",
      "  citybrain traffic run --city jinan --flow 2000 --controller fixed-time --param greenSeconds=20",
      "  citybrain traffic run --config config.json --controller roadnet-plan --steps 600",
      "  citybrain traffic run --roadnet data/traffic/nanchang_citybrain/roadnet_round3.txt --flow data/traffic/nanchang_citybrain/flow_round3_flow0.txt   (CBEngine text files)",
      "  citybrain traffic run --city nanchang --controller max-pressure",
      "  citybrain traffic run --city jinan --protocol xlight15 --controller advanced-mp   (the XLight papers' rules and metric)"
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin RunOptions run;

  @Mixin ProtocolOptions protocol;

  @Option(
      names = "--controller",
      paramLabel = "NAME",
      description = "Signal controller: ${COMPLETION-CANDIDATES} (default: max-pressure; roadnet-plan for a config with rlTrafficLight false).",
      completionCandidates = ControllerNames.class)
  String controller;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for summary.json, timeseries.csv, intersections.csv.")
  Path out;

  @Option(
      names = "--replay",
      paramLabel = "DIR",
      description = "Write CityFlow replay files (replay_roadnet.json, replay.txt) to DIR (created when missing). "
          + "Without it, a --config with saveReplay true writes to its roadnetLogFile and replayLogFile.")
  Path replay;

  @Override
  public Integer call() throws Exception {
    Scenario s = scenario.load(spec.commandLine().getErr());
    CityFlowConfig cfg = scenario.cityFlowConfig();
    String name = controller;
    if (name == null) {
      name = cfg != null && !cfg.rlTrafficLight() ? "roadnet-plan" : "max-pressure";
    }
    SignalControllers.require(name);
    OutputGuard.check(outputFiles(cfg), OutputGuard.inputsOf(scenario, run));
    if (out != null) {
      OutputFolder.prepare(out);
    }
    if (replay != null) {
      OutputFolder.prepare("--replay", replay);
    }
    Optional<ReplayWriter> replayWriter =
        replay != null
            ? Optional.of(ReplayWriter.openIn(s.compiled(), replay))
            : cfg != null ? ReplayWriter.forConfig(cfg, s.compiled()) : Optional.empty();
    RunResult result;
    int steps = protocol.steps(run);
    try (Progress progress = Progress.start(name, steps)) {
      RunListener listener = replayWriter.isPresent() ? replayWriter.get().around(progress) : progress;
      result =
          TrafficRunner.run(
              s,
              name,
              run.controllerParameters(name),
              protocol.simulationConfig(run, cfg),
              steps,
              listener,
              List.of(),
              protocol.protocol());
    } finally {
      if (replayWriter.isPresent()) {
        replayWriter.get().close();
      }
    }
    spec.commandLine().getOut().println(SummaryTables.single(result.summary()));
    GridlockWarnings.print(result, spec.commandLine().getErr());
    if (out != null) {
      ResultFiles.writeRun(result, out);
      spec.commandLine().getOut().println("results written to " + out);
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }

  /** Every file the run will write, under the option that chose it. */
  private Map<String, Path> outputFiles(CityFlowConfig cfg) {
    Map<String, Path> outputs = new LinkedHashMap<>();
    if (replay != null) {
      for (String file : List.of(ReplayWriter.ROADNET_FILE, ReplayWriter.LOG_FILE)) {
        outputs.put("--replay " + replay + " (" + file + ")", replay.resolve(file));
      }
    } else if (cfg != null && cfg.saveReplay()) {
      outputs.put("roadnetLogFile of --config " + scenario.config, cfg.roadnetLogPath().orElseThrow());
      outputs.put("replayLogFile of --config " + scenario.config, cfg.replayLogPath().orElseThrow());
    }
    if (out != null) {
      for (String file : List.of(ResultFiles.SUMMARY, ResultFiles.TIME_SERIES, ResultFiles.INTERSECTIONS)) {
        outputs.put("--out " + out + " (" + file + ")", out.resolve(file));
      }
    }
    return outputs;
  }
}

package io.citybrain.cli.traffic;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.sim.SimulationConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that run the simulator. */
public final class RunOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Most steps of one run: 10 million (116 days at 1 s steps). More is almost certainly a typing
   * mistake, and ran for days while its per-minute time series filled the heap.
   */
  static final int MAX_STEPS = 10_000_000;

  int steps;

  /** Checked while parsing, so a bad value stops the command before it loads or prints anything. */
  @Option(
      names = "--steps",
      defaultValue = "3600",
      paramLabel = "N",
      description = "Steps to simulate, 0 to 10,000,000 (default: ${DEFAULT-VALUE}).")
  void steps(int value) {
    if (value < 0) {
      throw new ParameterException(command.commandLine(), "--steps must be >= 0, got " + value);
    }
    if (value > MAX_STEPS) {
      throw new ParameterException(
          command.commandLine(), "--steps must be at most " + MAX_STEPS + " (116 days of 1 s steps), got " + value);
    }
    steps = value;
  }

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 0, or the config's).")
  Long seed;

  Double interval;

  /** Checked here so that the message names the option (it named the record field intervalSeconds). */
  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      description = "Step length in s, more than 0 and at most 10 (default: 1, or the config's).")
  void interval(double value) {
    if (!(value > 0 && value <= 10)) {
      throw new ParameterException(command.commandLine(), "--interval must be in (0, 10] s, got " + value);
    }
    interval = value;
  }

  /** Most --threads: far above any core count that helps; 100,000 spent half a minute creating threads, then failed. */
  static final int MAX_THREADS = 256;

  int threads;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Worker threads for stepping, 1 to 256 (default: ${DEFAULT-VALUE}); results are identical at any count.")
  void threads(int value) {
    if (value < 1 || value > MAX_THREADS) {
      throw new ParameterException(
          command.commandLine(), "--threads must be in [1, " + MAX_THREADS + "], got " + value);
    }
    threads = value;
  }

  @Option(
      names = "--cityflow-compatible",
      description = "Follow CityFlow's rules exactly, including its flaws: overlaps of vehicles merging from different lane links,"
          + " and with lane changing its stale-gap and cool-down rules (off by default).")
  boolean cityFlowCompatible;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Controller parameter (repeatable), e.g. --param minGreenSeconds=10.")
  Map<String, Double> params = new LinkedHashMap<>();

  @Option(
      names = "--params",
      paramLabel = "FILE",
      description = "JSON object of controller parameters (as written by 'traffic tune').")
  Path paramsFile;

  /** Simulation settings, from options, else the CityFlow config, else defaults. */
  SimulationConfig simulationConfig(CityFlowConfig cfg) {
    double dt = interval != null ? interval : cfg != null ? cfg.intervalSeconds() : 1.0;
    long s = seed != null ? seed : cfg != null ? cfg.seed() : 0;
    return new SimulationConfig(dt, s, threads, cityFlowCompatible, cfg != null && cfg.laneChange());
  }

  /** The files these options read ({@code --params}), under the option that names each. */
  Map<String, Path> inputFiles() {
    Map<String, Path> files = new LinkedHashMap<>();
    if (paramsFile != null) {
      files.put("--params", paramsFile);
    }
    return files;
  }

  /** Controller parameters: the file's, overridden by {@code --param}; not checked against a controller. */
  Map<String, Double> controllerParameters() throws InputValidationException {
    return controllerParameters(null);
  }

  /**
   * Controller parameters: the file's, overridden by {@code --param}.
   *
   * @param controller the controller they are for, or {@code null}; when given, a file written for
   *     another controller is refused and each of the file's parameters is checked, so that a
   *     problem names the file and the JSON path of the value
   */
  Map<String, Double> controllerParameters(String controller) throws InputValidationException {
    Map<String, Double> all = new LinkedHashMap<>();
    if (paramsFile != null) {
      ParameterFiles.Contents file;
      try {
        file = ParameterFiles.readContents(paramsFile);
      } catch (InputValidationException e) {
        // missing, a folder, a device: a wrong option value like any other
        throw new UsageException("--params " + paramsFile + ": " + e.problems().get(0).message());
      }
      if (controller != null) {
        check(file, controller);
      }
      all.putAll(file.parameters());
    }
    all.putAll(params);
    return all;
  }

  private void check(ParameterFiles.Contents file, String controller) {
    if (file.controller().isPresent() && !file.controller().get().equals(controller)) {
      throw new UsageException(
          "--params " + paramsFile + ": the file holds parameters of controller '" + file.controller().get()
              + "', not of '" + controller + "'; expected a file for the controller being run");
    }
    SignalControllerProvider provider = SignalControllers.require(controller);
    for (Map.Entry<String, Double> e : file.parameters().entrySet()) {
      try {
        provider.resolve(Map.of(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new UsageException("--params " + paramsFile + ": " + file.path() + e.getKey() + ": " + ex.getMessage());
      }
    }
  }
}

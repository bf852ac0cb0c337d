package io.citybrain.cli.traffic;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

  int steps;

  /** Checked while parsing, so a bad value stops the command before it loads or prints anything. */
  @Option(
      names = "--steps",
      defaultValue = "3600",
      paramLabel = "N",
      description = "Steps to simulate (default: ${DEFAULT-VALUE}).")
  void steps(int value) {
    if (value < 0) {
      throw new ParameterException(command.commandLine(), "--steps must be >= 0, got " + value);
    }
    steps = value;
  }

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 0, or the config's).")
  Long seed;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      description = "Step length in s (default: 1, or the config's).")
  Double interval;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Worker threads for stepping (default: ${DEFAULT-VALUE}); results are identical at any count.")
  int threads;

  @Option(
      names = "--cityflow-compatible",
      description = "Reproduce CityFlow exactly, including overlaps of vehicles merging from different lane links (off by default).")
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
    return new SimulationConfig(dt, s, threads, cityFlowCompatible);
  }

  /** The files these options read ({@code --params}), under the option that names each. */
  Map<String, Path> inputFiles() {
    Map<String, Path> files = new LinkedHashMap<>();
    if (paramsFile != null) {
      files.put("--params", paramsFile);
    }
    return files;
  }

  /** Controller parameters: the file's, overridden by {@code --param}. */
  Map<String, Double> controllerParameters() throws IOException {
    Map<String, Double> all = new LinkedHashMap<>();
    if (paramsFile != null) {
      if (Files.isDirectory(paramsFile)) {
        throw new UsageException("--params " + paramsFile + ": is a directory; expected a JSON file");
      }
      try {
        all.putAll(ParameterFiles.read(paramsFile));
      } catch (NoSuchFileException e) {
        throw new UsageException("--params " + paramsFile + ": file does not exist");
      }
    }
    all.putAll(params);
    return all;
  }
}

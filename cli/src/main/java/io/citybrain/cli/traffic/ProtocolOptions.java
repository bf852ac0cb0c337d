package io.citybrain.cli.traffic;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.protocol.Protocol;
import io.citybrain.traffic.protocol.Protocols;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --protocol NAME|FILE}: run under a named benchmark protocol (phases, decision timing,
 * yellow, lane changing, episode length, seed, metrics), so that figures compare with the table
 * measured under it. Options that would change what the protocol fixes ({@code --steps}, {@code
 * --seed}, {@code --interval} with other values) are refused.
 */
public final class ProtocolOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--protocol",
      paramLabel = "NAME|FILE",
      description = "Benchmark protocol: ${COMPLETION-CANDIDATES}, or a protocol JSON file."
          + " Sets phases, decision timing, yellow, lane changing, steps, seed and metrics.",
      completionCandidates = ProtocolNames.class)
  String name;

  private Protocol protocol;

  /** The protocol, or null when none was given. */
  Protocol protocol() throws InputValidationException {
    if (name == null || protocol != null) {
      return protocol;
    }
    if (name.endsWith(".json")) {
      try {
        protocol = Protocols.read(Path.of(name));
      } catch (NoSuchFileException e) {
        throw new UsageException("--protocol " + name + ": no such file");
      } catch (IOException e) {
        throw new UsageException("--protocol " + name + ": cannot read it: " + e.getMessage());
      }
    } else {
      try {
        protocol = Protocols.require(name);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--protocol: " + e.getMessage() + " (or give a protocol .json file)");
      }
    }
    return protocol;
  }

  /** Steps to run: the protocol's, unless none is given. */
  int steps(RunOptions run) throws InputValidationException {
    Protocol p = protocol();
    if (p == null) {
      return run.steps;
    }
    if (matched("--steps") && run.steps != p.steps()) {
      throw conflict("--steps " + run.steps, p.steps() + " steps");
    }
    return p.steps();
  }

  /** Simulation settings: the protocol's, else those of the options and the CityFlow config. */
  SimulationConfig simulationConfig(RunOptions run, CityFlowConfig cfg) throws InputValidationException {
    Protocol p = protocol();
    SimulationConfig own = run.simulationConfig(cfg);
    if (p == null) {
      return own;
    }
    if (matched("--seed") && run.seed != p.seed()) {
      throw conflict("--seed " + run.seed, "seed " + p.seed());
    }
    if (matched("--interval") && run.interval != p.intervalSeconds()) {
      throw conflict("--interval " + run.interval, p.intervalSeconds() + " s steps");
    }
    return TrafficRunner.configFor(p, own.threads(), own.cityFlowCompatible());
  }

  private boolean matched(String option) {
    return command.commandLine().getParseResult() != null
        && command.commandLine().getParseResult().hasMatchedOption(option);
  }

  private UsageException conflict(String given, String fixed) {
    return new UsageException(
        given + " conflicts with protocol " + protocol.name() + ", which fixes " + fixed
            + "; leave the option out to run under the protocol");
  }

  /** Names for --help: the bundled protocols. */
  static final class ProtocolNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Protocols.names().iterator();
    }
  }
}

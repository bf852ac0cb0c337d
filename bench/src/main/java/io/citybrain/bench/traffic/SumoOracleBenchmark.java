package io.citybrain.bench.traffic;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.XmlTree;
import io.citybrain.traffic.io.XmlTree.Element;
import io.citybrain.traffic.io.sumo.SumoScenarios;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.metrics.TripInfoRecorder;
import io.citybrain.traffic.metrics.TripInfoRecorder.TripStatistics;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import io.citybrain.traffic.sim.StepObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SUMO as a second oracle: runs SUMO ({@code sumo} on the PATH, {@code SUMO_HOME} set, Debian's
 * 1.15 here) and citybrain on the same SUMO scenario under the network's own fixed signal plans
 * ({@code roadnet-plan}: SUMO's static {@code tlLogic} programs), and compares SUMO's own
 * statistics (means over arrived vehicles: duration, waitingTime, timeLoss, departDelay; see
 * {@link TripInfoRecorder} for the definitions citybrain applies to its own run) and wall time.
 *
 * <p>SUMO runs with its defaults (seed 23423, teleport after 300 s stuck) plus {@code
 * --tripinfo-output.write-unfinished}; citybrain with seed 0. Wall times are end to end (reading
 * the files and simulating the window), measured on the same machine one after the other; SUMO's
 * includes starting its process.
 */
public final class SumoOracleBenchmark {
  /** RESCO's eight scenarios, in the order of its paper. */
  public static final List<String> RESCO_SCENARIOS =
      List.of("cologne1", "cologne3", "cologne8", "ingolstadt1", "ingolstadt7", "ingolstadt21", "grid4x4", "arterial4x4");

  private SumoOracleBenchmark() {}

  /**
   * SUMO's figures of one run.
   *
   * @param arrived vehicles that arrived
   * @param running vehicles still running at the end
   * @param meanDurationSeconds mean duration of arrived vehicles, s
   * @param meanWaitingSeconds mean waitingTime, s
   * @param meanTimeLossSeconds mean timeLoss, s
   * @param meanDepartDelaySeconds mean departDelay, s
   * @param wallSeconds wall time of the process, s
   */
  public record SumoRun(
      int arrived, int running, double meanDurationSeconds, double meanWaitingSeconds, double meanTimeLossSeconds,
      double meanDepartDelaySeconds, double wallSeconds) {}

  /**
   * Both runs of one scenario.
   *
   * @param scenario its name
   * @param sumo SUMO's figures
   * @param citybrain citybrain's figures
   * @param citybrainWallSeconds citybrain's wall time, reading included, s
   */
  public record Comparison(String scenario, SumoRun sumo, TripStatistics citybrain, double citybrainWallSeconds) {}

  /**
   * Runs one scenario in both simulators.
   *
   * @param sumocfg the scenario's {@code .sumocfg}
   * @param work a folder for SUMO's tripinfo file
   * @throws IOException when SUMO cannot be started or fails (its output is in the message)
   */
  public static Comparison compare(Path sumocfg, Path work)
      throws IOException, InputValidationException, InterruptedException {
    String name = sumocfg.getFileName().toString().replace(".sumocfg", "");
    SumoRun sumo = runSumo(sumocfg, work.resolve(name + ".tripinfo.xml"), List.of());
    long t0 = System.nanoTime();
    SumoScenarios.Loaded loaded = SumoScenarios.loadConfig(name, sumocfg);
    TripStatistics ours = runCitybrain(loaded, "roadnet-plan", Map.of(), 0);
    double wall = (System.nanoTime() - t0) / 1e9;
    return new Comparison(name, sumo, ours, wall);
  }

  /**
   * Runs a controller on a loaded SUMO scenario for its window and returns the SUMO-style figures.
   *
   * @param seed the run's seed
   */
  public static TripStatistics runCitybrain(
      SumoScenarios.Loaded loaded, String controller, Map<String, Double> params, long seed) {
    Scenario s = loaded.scenario();
    TripInfoRecorder trips = new TripInfoRecorder();
    TripStatistics[] out = new TripStatistics[1];
    StepObserver last =
        new StepObserver() {
          @Override
          public void afterStep(Simulation sim) {
            // the statistics of the final state, taken before the simulation closes
            if (sim.stepCount() == loaded.windowSteps(3600)) {
              out[0] = trips.statistics(sim, new double[0]);
            }
          }
        };
    SimulationConfig config = SimulationConfig.defaults().withSeed(seed);
    TrafficRunner.run(
        s, controller, params, config, loaded.windowSteps(3600), RunListener.NONE, List.of(trips, last));
    return out[0];
  }

  /**
   * Runs SUMO on a configuration and reads its tripinfo output.
   *
   * @param extraArgs further options (RESCO's flags, a seed)
   * @throws IOException when SUMO is missing or fails
   */
  public static SumoRun runSumo(Path sumocfg, Path tripinfo, List<String> extraArgs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        "sumo", "-c", sumocfg.toString(), "--no-step-log", "true", "--no-warnings", "true",
        "--tripinfo-output", tripinfo.toString(), "--tripinfo-output.write-unfinished", "true"));
    cmd.addAll(extraArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (System.getenv("SUMO_HOME") == null) {
      // without it SUMO fetches its XML schemas from the web and fails offline
      pb.environment().put("SUMO_HOME", "/usr/share/sumo");
    }
    Path log = Files.createTempFile(tripinfo.getParent(), "sumo", ".log");
    pb.redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot start 'sumo' (install Debian's sumo and sumo-tools packages): " + e.getMessage(), e);
    }
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("sumo did not finish within 30 minutes on " + sumocfg);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IOException("sumo failed (exit " + p.exitValue() + ") on " + sumocfg + ":\n" + Files.readString(log));
    }
    Files.deleteIfExists(log);
    return readTripinfo(tripinfo, wall);
  }

  /** Reads a SUMO tripinfo file: means over arrived vehicles, and the unfinished count. */
  public static SumoRun readTripinfo(Path tripinfo, double wall) throws IOException {
    Element root;
    try {
      root = XmlTree.parse(Files.readAllBytes(tripinfo), tripinfo.toString());
    } catch (InputValidationException e) {
      throw new IOException(e.getMessage(), e);
    }
    int arrived = 0;
    int running = 0;
    double duration = 0;
    double waiting = 0;
    double loss = 0;
    double delay = 0;
    for (Element t : root.children("tripinfo")) {
      double arrival = Double.parseDouble(t.attribute("arrival", "-1"));
      if (arrival < 0 || !t.attribute("vaporized", "").isEmpty()) {
        running++;
        continue;
      }
      arrived++;
      duration += Double.parseDouble(t.attribute("duration", "0"));
      waiting += Double.parseDouble(t.attribute("waitingTime", "0"));
      loss += Double.parseDouble(t.attribute("timeLoss", "0"));
      delay += Double.parseDouble(t.attribute("departDelay", "0"));
    }
    return new SumoRun(arrived, running, duration / arrived, waiting / arrived, loss / arrived, delay / arrived, wall);
  }
}

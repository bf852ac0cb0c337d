package io.citybrain.traffic.api;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.replay.ReplayWriter;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calls of CityFlow's {@code cityflow.Engine} (its Python API, engine.h at commit 81ee0f4)
 * over citybrain's simulator, for the Python package in {@code python/cityflow} (JPype) and for
 * Java callers. Results that CityFlow returns as dictionaries are returned as arrays in a fixed
 * order plus packed id strings, which the Python side turns into dictionaries: one crossing of
 * the language boundary per call instead of one per entry.
 *
 * <p>Semantics are CityFlow's: lane counts and lane vehicle lists include lane-change shadows
 * (ids {@code <id>_shadow}); vehicle speeds and distances do not; {@link #getVehicleCount} counts
 * shadows; {@link #getAverageTravelTime} is CityFlow's average over every spawned vehicle. With
 * {@code rlTrafficLight: false} the roadnet's own plan runs the signals; with true, only {@link
 * #setTrafficLightPhase} changes them. Times in s, distances in m, speeds in m/s. Not
 * thread-safe.
 */
public final class CityFlowEngine implements AutoCloseable {
  private final CityFlowConfig config;
  private final Scenario scenario;
  private final SimNetwork net;
  private final Simulation sim;
  private final String[] laneIds;
  private final Map<String, Integer> intersectionIndex = new HashMap<>();
  private SignalTimer builtinPlan;
  private ReplayWriter replay;
  private boolean saveReplay;
  private Path replayLog;

  // every phase command since the last reset, for snapshots: (step, intersection, phase)
  private int[] commands = new int[3 * 256];
  private int commandCount;

  private double[] buffer = new double[256];

  // vehicle ids by uid (built once per vehicle: research code asks for them every step), and
  // the packed id list of the current step
  private String[] idByUid = new String[1024];
  private String packedIds;
  private int packedIdsStep = -1;

  /**
   * Loads a CityFlow {@code config.json} (roadnet, flow, interval, seed, rlTrafficLight,
   * laneChange, saveReplay with its files).
   *
   * @param configFile the config file
   * @param threads worker threads (CityFlow's {@code thread_num}); results do not depend on it
   * @throws InputValidationException naming the file, field and what was expected
   */
  public CityFlowEngine(String configFile, int threads) throws InputValidationException {
    this.config = ScenarioLoader.readConfig(Path.of(configFile));
    this.scenario = ScenarioLoader.load(name(config.flowPath()), config.roadnetPath(), config.flowPath());
    this.net = scenario.compiled();
    SimulationConfig sc =
        new SimulationConfig(
            config.intervalSeconds(), config.seed(), Math.max(1, threads), false, config.laneChange());
    this.sim = scenario.newSimulation(sc);
    laneIds = new String[net.laneCount()];
    for (int lane = 0; lane < laneIds.length; lane++) {
      laneIds[lane] = net.laneId(lane);
    }
    for (int i = 0; i < net.intersectionCount(); i++) {
      intersectionIndex.put(net.intersectionId(i), i);
    }
    saveReplay = config.saveReplay();
    replayLog = config.replayLogPath().orElse(null);
    start();
  }

  private static String name(Path flow) {
    String n = flow.getFileName().toString();
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }

  private void start() {
    builtinPlan = null;
    if (!config.rlTrafficLight()) {
      SignalControllerProvider p = SignalControllers.require("roadnet-plan");
      ParameterValues params = p.resolve(Map.of());
      builtinPlan = new SignalTimer(sim, p.create(params), p.timing(params));
    }
  }

  /** Advances one step (CityFlow's {@code next_step}); writes a replay frame when replay is on. */
  public void nextStep() {
    if (builtinPlan != null) {
      builtinPlan.beforeStep();
    }
    sim.step();
    if (saveReplay && replayLog != null) {
      if (replay == null) {
        openReplay();
      }
      replay.afterStep(sim);
    }
  }

  private void openReplay() {
    try {
      Path roadnetLog =
          config.roadnetLogPath().orElse(replayLog.resolveSibling(ReplayWriter.ROADNET_FILE));
      replay = ReplayWriter.open(net, roadnetLog, replayLog);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open replay file " + replayLog, e);
    }
  }

  /** Simulated time, s ({@code get_current_time}). */
  public double getCurrentTime() {
    return sim.timeSeconds();
  }

  /** Vehicles running now, lane-change shadows included, as CityFlow counts them. */
  public int getVehicleCount() {
    return sim.vehiclesInNetwork() + sim.shadowsInNetwork();
  }

  /** CityFlow's average travel time, s ({@code get_average_travel_time}). */
  public double getAverageTravelTime() {
    return sim.averageTravelTimeSeconds();
  }

  /** Lane ids, in the order of every per-lane array below. */
  public String[] laneIds() {
    return laneIds.clone();
  }

  /** Vehicles on each lane, shadows included ({@code get_lane_vehicle_count}). */
  public int[] laneVehicleCounts() {
    int[] out = new int[laneIds.length];
    for (int lane = 0; lane < out.length; lane++) {
      out[lane] = sim.vehicleCount(lane);
    }
    return out;
  }

  /** Vehicles slower than 0.1 m/s on each lane ({@code get_lane_waiting_vehicle_count}). */
  public int[] laneWaitingVehicleCounts() {
    int[] out = new int[laneIds.length];
    for (int lane = 0; lane < out.length; lane++) {
      out[lane] = sim.waitingVehicleCount(lane);
    }
    return out;
  }

  /**
   * Vehicle ids on each lane, front first, shadows included ({@code get_lane_vehicles}), packed:
   * lanes separated by {@code ';'} in {@link #laneIds()} order, ids within a lane by {@code ','}.
   */
  public String laneVehiclesPacked() {
    StringBuilder b = new StringBuilder(16 * sim.vehiclesInNetwork() + laneIds.length);
    for (int lane = 0; lane < laneIds.length; lane++) {
      if (lane > 0) {
        b.append(';');
      }
      int n = sim.vehicleCount(lane);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          b.append(',');
        }
        b.append(id(sim.vehicleAt(lane, k)));
      }
    }
    return b.toString();
  }

  /**
   * Ids of the running vehicles (shadows excluded; {@code get_vehicles}), separated by {@code
   * ','}, in the order of {@link #vehicleSpeeds()} and {@link #vehicleDistances()}.
   */
  public String vehicleIdsPacked() {
    if (packedIdsStep == sim.stepCount() && packedIds != null) {
      return packedIds;
    }
    StringBuilder b = new StringBuilder(16 * sim.vehiclesInNetwork());
    for (int d = 0; d < net.drivableCount(); d++) {
      int n = sim.vehicleCount(d);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(d, k);
        if (!sim.vehicleIsShadow(v)) {
          if (b.length() > 0) {
            b.append(',');
          }
          b.append(id(v));
        }
      }
    }
    packedIds = b.toString();
    packedIdsStep = sim.stepCount();
    return packedIds;
  }

  /** CityFlow id of vehicle slot {@code v}, from the cache. */
  private String id(int v) {
    if (sim.vehicleIsShadow(v)) {
      return sim.vehicleId(v);
    }
    int uid = sim.vehicleUid(v);
    if (uid >= idByUid.length) {
      idByUid = Arrays.copyOf(idByUid, Math.max(uid + 1, 2 * idByUid.length));
    }
    String id = idByUid[uid];
    if (id == null) {
      id = sim.vehicleId(v);
      idByUid[uid] = id;
    }
    return id;
  }

  /** Speed of each running vehicle, m/s ({@code get_vehicle_speed}), shadows excluded. */
  public double[] vehicleSpeeds() {
    return perVehicle(true);
  }

  /**
   * Distance of each running vehicle's front from the start of its lane or lane link, m ({@code
   * get_vehicle_distance}), shadows excluded.
   */
  public double[] vehicleDistances() {
    return perVehicle(false);
  }

  private double[] perVehicle(boolean speed) {
    int c = 0;
    for (int d = 0; d < net.drivableCount(); d++) {
      int n = sim.vehicleCount(d);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(d, k);
        if (sim.vehicleIsShadow(v)) {
          continue;
        }
        if (c == buffer.length) {
          buffer = Arrays.copyOf(buffer, 2 * c);
        }
        buffer[c++] = speed ? sim.vehicleSpeed(v) : sim.vehiclePosition(v);
      }
    }
    return Arrays.copyOf(buffer, c);
  }

  /**
   * Sets the phase of a signalised intersection for the next steps ({@code set_tl_phase}).
   *
   * @throws IllegalArgumentException for an unknown intersection or phase index
   */
  public void setTrafficLightPhase(String intersectionId, int phase) {
    Integer i = intersectionIndex.get(intersectionId);
    if (i == null || !net.isSignalized(i)) {
      throw new IllegalArgumentException("'" + intersectionId + "' is not a signalised intersection of the roadnet");
    }
    try {
      sim.setPhase(i, phase);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("intersection '" + intersectionId + "' has no phase " + phase);
    }
    if (commandCount + 3 > commands.length) {
      commands = Arrays.copyOf(commands, 2 * commands.length);
    }
    commands[commandCount++] = sim.stepCount();
    commands[commandCount++] = i;
    commands[commandCount++] = phase;
  }

  /** Back to time 0, flows rewound, the seed's random stream restarted ({@code reset}). */
  public void reset() {
    sim.reset();
    packedIds = null;
    Arrays.fill(idByUid, null);
    commandCount = 0;
    start();
  }

  /**
   * A snapshot of the state now ({@code snapshot}): the step count and every phase command since
   * the last reset, as {@code [steps, step, intersection, phase, ...]}. The simulator is
   * deterministic, so {@link #load} restores the state exactly by simulating again from time 0;
   * it costs the time to simulate up to the snapshot.
   */
  public int[] snapshot() {
    int[] out = new int[1 + commandCount];
    out[0] = sim.stepCount();
    System.arraycopy(commands, 0, out, 1, commandCount);
    return out;
  }

  /**
   * Restores a {@link #snapshot} of this engine's scenario ({@code load}).
   *
   * @throws IllegalArgumentException when the snapshot is malformed
   */
  public void load(int[] snapshot) {
    if (snapshot.length < 1 || (snapshot.length - 1) % 3 != 0 || snapshot[0] < 0) {
      throw new IllegalArgumentException("not a snapshot of this engine: expected [steps, (step, intersection, phase)...]");
    }
    boolean replaying = saveReplay;
    saveReplay = false;
    reset();
    int c = 1;
    for (int k = 0; k < snapshot[0]; k++) {
      while (c < snapshot.length && snapshot[c] == k) {
        setTrafficLightPhase(net.intersectionId(snapshot[c + 1]), snapshot[c + 2]);
        c += 3;
      }
      nextStep();
    }
    while (c < snapshot.length) {
      setTrafficLightPhase(net.intersectionId(snapshot[c + 1]), snapshot[c + 2]);
      c += 3;
    }
    saveReplay = replaying;
  }

  /** Turns replay writing on or off ({@code set_save_replay}); needs a replay file. */
  public void setSaveReplay(boolean on) {
    saveReplay = on;
  }

  /** Sets the replay log file, relative to the config's folder ({@code set_replay_file}). */
  public void setReplayFile(String file) {
    closeReplay();
    replayLog = config.directory().resolve(file);
  }

  private void closeReplay() {
    if (replay != null) {
      try {
        replay.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close replay file " + replayLog, e);
      }
      replay = null;
    }
  }

  /** The lane-change count so far (completed), which CityFlow does not expose. */
  public long laneChangesCompleted() {
    return sim.laneChangesCompleted();
  }

  /** Closes the replay files and stops worker threads. */
  @Override
  public void close() {
    closeReplay();
    sim.close();
  }

  /** The replay log file, when one is set (by the config or {@link #setReplayFile}). */
  public Optional<Path> replayFile() {
    return Optional.ofNullable(replayLog);
  }
}

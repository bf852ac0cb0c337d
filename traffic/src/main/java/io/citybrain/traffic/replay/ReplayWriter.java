package io.citybrain.traffic.replay;

import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes CityFlow's replay files while a simulation runs: the replay roadnet (once, at opening;
 * see {@link ReplayRoadnet}) and the replay log, one line per step (CityFlow {@code
 * Engine::updateLog}). A line is
 *
 * <pre>
 * x y heading id laneChangeDirection length width,  ...(one record per running vehicle)... ;roadId s s,  ...
 * </pre>
 *
 * where {@code x y} is the vehicle's front in m, {@code heading} the direction of travel in
 * radians ({@code atan2(dy, dx)}), {@code laneChangeDirection} is 1 (outwards) or -1 (inwards)
 * while the vehicle changes lanes and 0 otherwise (its shadow on the target lane is a record of
 * its own, as in CityFlow), {@code length} and {@code width} come from the vehicle's flow (m), and after the
 * {@code ;} each road that ends at a non-virtual intersection lists one state per lane: {@code g}
 * (every lane link leaving the lane is green), {@code r} (some is red) or {@code i} (the
 * intersection has at most one phase, so no signal is shown). Coordinates are rounded to 1 cm,
 * headings to 10⁻⁴ rad.
 *
 * <p>Use it as a {@link StepObserver} (or call {@link #afterStep(Simulation)} from a run
 * listener) and close it when the run ends. Output folders are checked when the writer opens:
 * a missing or unwritable folder raises {@link ReplayOutputException} naming the path.
 */
public final class ReplayWriter implements StepObserver, Closeable {
  /** Default file name of the replay roadnet, as in CityFlow's examples. */
  public static final String ROADNET_FILE = "replay_roadnet.json";

  /** Default file name of the replay log. */
  public static final String LOG_FILE = "replay.txt";

  private final SimNetwork network;
  private final Writer log;
  private final int[][] laneOutLinks;
  private final List<RoadLights> lights;
  private final StringBuilder line = new StringBuilder(1 << 14);
  private final double[] point = new double[3];
  private long frames;

  /** The lanes of one road whose end intersection is drawn with signals. */
  private record RoadLights(String roadId, int[] lanes, boolean implicit) {}

  private ReplayWriter(SimNetwork network, Writer log) {
    this.network = network;
    this.log = log;
    this.laneOutLinks = laneOutLinks(network);
    this.lights = lights(network);
  }

  /**
   * Checks both output folders, writes the replay roadnet and opens the replay log.
   *
   * @param network the compiled network being simulated
   * @param roadnetFile where the replay roadnet goes
   * @param logFile where the replay log goes (replaced if it exists)
   * @throws ReplayOutputException when a folder does not exist, is not a folder or cannot be
   *     written, naming it
   * @throws IOException when writing fails
   */
  public static ReplayWriter open(SimNetwork network, Path roadnetFile, Path logFile) throws IOException {
    checkWritableFolder(roadnetFile);
    checkWritableFolder(logFile);
    writeRoadnet(network, roadnetFile);
    Writer w = new OutputStreamWriter(Files.newOutputStream(logFile), StandardCharsets.UTF_8);
    return new ReplayWriter(network, new BufferedWriter(w, 1 << 16));
  }

  /** Opens a writer for {@code replay_roadnet.json} and {@code replay.txt} in {@code folder}. */
  public static ReplayWriter openIn(SimNetwork network, Path folder) throws IOException {
    return open(network, folder.resolve(ROADNET_FILE), folder.resolve(LOG_FILE));
  }

  /**
   * The writer a CityFlow config asks for: none when {@code saveReplay} is false, otherwise one
   * writing to its {@code roadnetLogFile} and {@code replayLogFile}.
   */
  public static Optional<ReplayWriter> forConfig(CityFlowConfig config, SimNetwork network) throws IOException {
    if (!config.saveReplay()) {
      return Optional.empty();
    }
    return Optional.of(open(network, config.roadnetLogPath().orElseThrow(), config.replayLogPath().orElseThrow()));
  }

  /** Writes only the replay roadnet of {@code network} to {@code file} (atomically). */
  public static void writeRoadnet(SimNetwork network, Path file) throws IOException {
    checkWritableFolder(file);
    ResultFiles.writeJson(file, ReplayRoadnet.of(network.network()));
  }

  private static void checkWritableFolder(Path file) throws ReplayOutputException {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null) {
      throw new ReplayOutputException(file, "has no parent folder");
    }
    if (!Files.exists(folder)) {
      throw new ReplayOutputException(file.getParent() == null ? folder : file.getParent(), "folder does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new ReplayOutputException(file.getParent(), "is not a folder");
    }
    if (!Files.isWritable(folder)) {
      throw new ReplayOutputException(file.getParent(), "folder is not writable");
    }
    if (Files.isDirectory(file)) {
      throw new ReplayOutputException(file, "is a folder; expected a file name");
    }
  }

  /** Frames (lines) written so far: one per step observed. */
  public long frames() {
    return frames;
  }

  @Override
  public void afterStep(Simulation sim) {
    line.setLength(0);
    int drivables = network.drivableCount();
    for (int d = 0; d < drivables; d++) {
      int n = sim.vehicleCount(d);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(d, k);
        network.pointAt(d, sim.vehiclePosition(v), point);
        appendRounded(point[0], 100);
        line.append(' ');
        appendRounded(point[1], 100);
        line.append(' ');
        appendRounded(point[2], 10000);
        double offset = sim.vehicleLaneChangeOffset(v);
        line.append(' ').append(sim.vehicleId(v)).append(offset > 0 ? " 1 " : offset < 0 ? " -1 " : " 0 ");
        appendNumber(sim.vehicleLength(v));
        line.append(' ');
        appendNumber(sim.vehicleWidth(v));
        line.append(',');
      }
    }
    line.append(';');
    for (RoadLights r : lights) {
      line.append(r.roadId);
      for (int lane : r.lanes) {
        if (r.implicit) {
          line.append(" i");
          continue;
        }
        boolean go = true;
        for (int link : laneOutLinks[lane]) {
          if (!sim.isGreen(link)) {
            go = false;
            break;
          }
        }
        line.append(go ? " g" : " r");
      }
      line.append(',');
    }
    line.append('\n');
    try {
      log.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write replay log", e);
    }
    frames++;
  }

  /**
   * A run listener that writes a frame after every step and then passes the call on, for {@link
   * io.citybrain.traffic.metrics.TrafficRunner#run}.
   *
   * @param inner the listener to pass progress and cancellation to
   */
  public RunListener around(RunListener inner) {
    ReplayWriter self = this;
    return new RunListener() {
      @Override
      public void afterStep(Simulation sim, int step, int totalSteps) {
        self.afterStep(sim);
        inner.afterStep(sim, step, totalSteps);
      }

      @Override
      public boolean cancelled() {
        return inner.cancelled();
      }
    };
  }

  /** Flushes and closes the log. */
  @Override
  public void close() throws IOException {
    log.close();
  }

  private void appendRounded(double value, double scale) {
    appendNumber(Math.round(value * scale) / scale);
  }

  private void appendNumber(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      line.append((long) value);
    } else {
      line.append(value);
    }
  }

  private static int[][] laneOutLinks(SimNetwork net) {
    List<List<Integer>> out = new ArrayList<>();
    for (int lane = 0; lane < net.laneCount(); lane++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < net.intersectionCount(); i++) {
      for (int link : net.intersectionLaneLinks(i)) {
        out.get(net.laneLinkStartLane(link)).add(link);
      }
    }
    int[][] result = new int[out.size()][];
    for (int lane = 0; lane < out.size(); lane++) {
      result[lane] = out.get(lane).stream().mapToInt(Integer::intValue).toArray();
    }
    return result;
  }

  private static List<RoadLights> lights(SimNetwork net) {
    Map<String, Intersection> byId = new HashMap<>();
    for (Intersection in : net.network().intersections()) {
      byId.put(in.id(), in);
    }
    List<RoadLights> result = new ArrayList<>();
    for (Road road : net.network().roads()) {
      Intersection end = byId.get(road.endIntersectionId());
      if (end.virtual()) {
        continue;
      }
      int[] lanes = new int[road.lanes().size()];
      for (int k = 0; k < lanes.length; k++) {
        lanes[k] = net.lane(road.id(), k);
      }
      result.add(new RoadLights(road.id(), lanes, end.phases().size() <= 1));
    }
    return result;
  }
}

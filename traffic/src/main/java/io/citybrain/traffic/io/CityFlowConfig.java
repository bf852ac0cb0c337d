package io.citybrain.traffic.io;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A CityFlow simulation configuration ({@code config.json}; CityFlow documentation, "Quick Start",
 * {@code start.rst}; loader {@code Engine::loadConfig} in {@code src/engine/engine.cpp}). Read it
 * with {@link CityFlowConfigReader}.
 *
 * <table>
 *   <caption>Components</caption>
 *   <tr><th>component</th><th>CityFlow key</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>intervalSeconds</td><td>interval</td><td>s</td><td>&gt; 0: simulated time per step</td></tr>
 *   <tr><td>seed</td><td>seed</td><td>-</td><td>random seed</td></tr>
 *   <tr><td>directory</td><td>dir</td><td>-</td><td>folder the other files are relative to, already resolved
 *     against the config file's folder</td></tr>
 *   <tr><td>roadnetFile, flowFile</td><td>roadnetFile, flowFile</td><td>-</td><td>paths relative to
 *     {@code directory}</td></tr>
 *   <tr><td>rlTrafficLight</td><td>rlTrafficLight</td><td>-</td><td>true: signals are set by an external
 *     controller; false: the roadnet's own phase times are used</td></tr>
 *   <tr><td>laneChange</td><td>laneChange</td><td>-</td><td>whether vehicles may change lanes</td></tr>
 *   <tr><td>saveReplay</td><td>saveReplay</td><td>-</td><td>whether to write replay files</td></tr>
 *   <tr><td>roadnetLogFile, replayLogFile</td><td>roadnetLogFile, replayLogFile</td><td>-</td><td>replay
 *     outputs relative to {@code directory}; present whenever {@code saveReplay}</td></tr>
 * </table>
 *
 * @param intervalSeconds step length, s, finite and &gt; 0
 * @param seed random seed
 * @param directory base folder of the other paths
 * @param roadnetFile roadnet path relative to {@code directory}
 * @param flowFile flow path relative to {@code directory}
 * @param rlTrafficLight whether an external controller sets the signals
 * @param laneChange whether lane changing is on
 * @param saveReplay whether replay files are written
 * @param roadnetLogFile replay roadnet path relative to {@code directory}, when given
 * @param replayLogFile replay log path relative to {@code directory}, when given
 */
public record CityFlowConfig(
    double intervalSeconds,
    long seed,
    Path directory,
    String roadnetFile,
    String flowFile,
    boolean rlTrafficLight,
    boolean laneChange,
    boolean saveReplay,
    Optional<String> roadnetLogFile,
    Optional<String> replayLogFile) {

  /**
   * Checks the components together.
   *
   * @param intervalSeconds step length, s, finite and &gt; 0
   * @param seed random seed
   * @param directory base folder of the other paths
   * @param roadnetFile roadnet path relative to {@code directory}
   * @param flowFile flow path relative to {@code directory}
   * @param rlTrafficLight whether an external controller sets the signals
   * @param laneChange whether lane changing is on
   * @param saveReplay whether replay files are written
   * @param roadnetLogFile replay roadnet path relative to {@code directory}, when given
   * @param replayLogFile replay log path relative to {@code directory}, when given
   * @throws IllegalArgumentException when the interval is not finite and &gt; 0, or replay is on
   *     without both replay file names
   * @throws NullPointerException when a reference component is {@code null}
   */
  public CityFlowConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(roadnetFile, "roadnetFile");
    Objects.requireNonNull(flowFile, "flowFile");
    Objects.requireNonNull(roadnetLogFile, "roadnetLogFile");
    Objects.requireNonNull(replayLogFile, "replayLogFile");
    if (!(Double.isFinite(intervalSeconds) && intervalSeconds > 0)) {
      throw new IllegalArgumentException("interval is " + intervalSeconds + " s; expected a finite number > 0");
    }
    if (saveReplay && (roadnetLogFile.isEmpty() || replayLogFile.isEmpty())) {
      throw new IllegalArgumentException("saveReplay is true; expected both roadnetLogFile and replayLogFile");
    }
  }

  /**
   * The roadnet file.
   *
   * @return {@code directory.resolve(roadnetFile)}
   */
  public Path roadnetPath() {
    return directory.resolve(roadnetFile);
  }

  /**
   * The flow file.
   *
   * @return {@code directory.resolve(flowFile)}
   */
  public Path flowPath() {
    return directory.resolve(flowFile);
  }

  /**
   * The replay roadnet output.
   *
   * @return {@code directory.resolve(roadnetLogFile)}, empty when no name is given
   */
  public Optional<Path> roadnetLogPath() {
    return roadnetLogFile.map(directory::resolve);
  }

  /**
   * The replay log output.
   *
   * @return {@code directory.resolve(replayLogFile)}, empty when no name is given
   */
  public Optional<Path> replayLogPath() {
    return replayLogFile.map(directory::resolve);
  }
}

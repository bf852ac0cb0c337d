package io.citybrain.traffic.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Network-wide results of one run. Times in s, counts in vehicles. Definitions follow CityFlow
 * where it has one (see {@code docs/metrics.md}).
 *
 * @param scenario scenario name
 * @param controller controller name
 * @param controllerVersion controller implementation version
 * @param controllerParameters parameter values used
 * @param controllerDigest the controller's artifact digest: SHA-256 (hex) over its identity, the
 *     bytecode of its code classes and {@code controllerParameters}
 *     ({@link io.citybrain.commons.algorithm.ArtifactDigest}; {@code docs/algorithms.md})
 * @param seed random seed
 * @param steps steps simulated
 * @param simulatedSeconds simulated time, s
 * @param wallSeconds wall-clock time of the step loop (controller included), s
 * @param averageTravelTimeSeconds CityFlow's average travel time: finished trips plus elapsed time
 *     of every unfinished vehicle (running or waiting to enter), s
 * @param averageTravelTimeFinishedSeconds mean over finished trips only, s (NaN when none)
 * @param vehiclesSpawned vehicles created by flows
 * @param vehiclesEntered vehicles that entered the network (= finished + in network)
 * @param vehiclesFinished vehicles that completed their route (throughput)
 * @param vehiclesInNetwork vehicles running at the end
 * @param vehiclesWaitingToEnter vehicles still queued outside the network at the end
 * @param throughputVehiclesPerHour finished vehicles per simulated hour
 * @param meanDelaySeconds mean of (travel time − free-flow travel time) over finished trips, s
 * @param delayIndex mean of travel time ÷ free-flow travel time over finished trips (City Brain
 *     Challenge delay index)
 * @param queueLengthVehicles vehicles on lanes slower than 0.1 m/s at the end
 * @param meanQueueLengthVehicles time-average of that count, vehicles
 * @param stops stops made (speed falling below 0.1 m/s), all vehicles
 * @param stopsPerFinishedVehicle stops of finished vehicles ÷ finished vehicles
 * @param maxStoppedSeconds longest time any vehicle stood still, s
 * @param vehicleSteps Σ over steps of vehicles in the network
 * @param peakVehiclesInNetwork largest number of vehicles in the network after any step
 * @param threads worker threads used for stepping
 * @param bytesPerVehicleSlot simulation state per vehicle slot, bytes
 * @param bytesPerLane simulation state per lane, bytes
 * @param phaseChanges phase changes over all intersections
 * @param decisions controller decisions taken
 * @param meanDecisionMicroseconds mean wall time of one decision for one intersection, µs
 * @param roadnetSha256 SHA-256 of the roadnet file
 * @param flowSha256 SHA-256 of the flow file
 * @param protocol name of the benchmark protocol the run followed, or "" for none
 * @param intersectionTravelTimeSeconds the RL papers' per-intersection travel time, s (NaN when
 *     the protocol does not report it; {@link IntersectionTravelTimeRecorder})
 * @param laneChanges lane changes completed (0 with lane changing off)
 */
public record RunSummary(
    String scenario,
    String controller,
    String controllerVersion,
    Map<String, Double> controllerParameters,
    String controllerDigest,
    long seed,
    int steps,
    double simulatedSeconds,
    double wallSeconds,
    double averageTravelTimeSeconds,
    double averageTravelTimeFinishedSeconds,
    long vehiclesSpawned,
    long vehiclesEntered,
    long vehiclesFinished,
    int vehiclesInNetwork,
    int vehiclesWaitingToEnter,
    double throughputVehiclesPerHour,
    double meanDelaySeconds,
    double delayIndex,
    int queueLengthVehicles,
    double meanQueueLengthVehicles,
    long stops,
    double stopsPerFinishedVehicle,
    double maxStoppedSeconds,
    long vehicleSteps,
    int peakVehiclesInNetwork,
    int threads,
    double bytesPerVehicleSlot,
    double bytesPerLane,
    long phaseChanges,
    long decisions,
    double meanDecisionMicroseconds,
    String roadnetSha256,
    String flowSha256,
    String protocol,
    double intersectionTravelTimeSeconds,
    long laneChanges) {

  public RunSummary {
    controllerParameters = Collections.unmodifiableMap(new LinkedHashMap<>(controllerParameters));
  }

  /** Vehicle-steps per wall second of the step loop. */
  public double vehicleStepsPerSecond() {
    return wallSeconds > 0 ? vehicleSteps / wallSeconds : Double.NaN;
  }
}

package io.citybrain.traffic.metrics;

/**
 * Network state at the end of one reporting window (default 60 s).
 *
 * @param timeSeconds simulated time at the end of the window, s
 * @param vehiclesInNetwork vehicles running on lanes and lane links
 * @param vehiclesWaitingToEnter vehicles spawned but still queued outside the network
 * @param vehiclesFinished vehicles finished since the start
 * @param throughputVehicles vehicles finished within this window
 * @param averageTravelTimeSeconds CityFlow's average travel time so far, s
 * @param averageTravelTimeFinishedSeconds mean travel time of finished trips so far, s (NaN if none)
 * @param queueLengthVehicles vehicles on lanes slower than 0.1 m/s at the window's end
 * @param meanQueueLengthVehicles time-average of that count over the window
 * @param meanSpeedMetersPerSecond mean speed of running vehicles at the window's end, m/s (NaN if none)
 */
public record TimeSeriesPoint(
    double timeSeconds,
    int vehiclesInNetwork,
    int vehiclesWaitingToEnter,
    long vehiclesFinished,
    long throughputVehicles,
    double averageTravelTimeSeconds,
    double averageTravelTimeFinishedSeconds,
    int queueLengthVehicles,
    double meanQueueLengthVehicles,
    double meanSpeedMetersPerSecond) {}

package io.citybrain.traffic.metrics;

/**
 * Per-intersection results of a run (non-virtual intersections).
 *
 * @param intersectionId the intersection
 * @param signalized true when a signal controls it
 * @param vehiclesPassed vehicles that entered one of its lane links
 * @param meanQueueLengthVehicles time-average of vehicles slower than 0.1 m/s on its incoming lanes
 * @param maxQueueLengthVehicles largest such count at any step
 * @param meanStoppedDelaySeconds stopped vehicle-seconds on its incoming lanes ÷ vehicles passed, s
 *     (NaN when none passed)
 * @param phaseChanges times its phase changed (signalised only)
 */
public record IntersectionSummary(
    String intersectionId,
    boolean signalized,
    long vehiclesPassed,
    double meanQueueLengthVehicles,
    int maxQueueLengthVehicles,
    double meanStoppedDelaySeconds,
    long phaseChanges) {}

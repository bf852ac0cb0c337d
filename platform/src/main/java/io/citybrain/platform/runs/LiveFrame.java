package io.citybrain.platform.runs;

/**
 * The state of a running simulation after one step, as streamed live.
 *
 * @param step steps done (1..total)
 * @param timeSeconds simulated time, s
 * @param vehiclesInNetwork vehicles running on lanes and lane links
 * @param vehiclesWaitingToEnter vehicles queued outside the network
 * @param vehiclesFinished vehicles that completed their trip so far
 * @param laneVehicles vehicles on each lane, in the order of {@link LiveLayout#laneIds()}
 * @param phases current phase of each intersection, in the order of {@link
 *     LiveLayout#intersectionIds()} (0 for unsignalised and virtual ones)
 */
public record LiveFrame(
    int step,
    double timeSeconds,
    int vehiclesInNetwork,
    int vehiclesWaitingToEnter,
    long vehiclesFinished,
    int[] laneVehicles,
    int[] phases) {}

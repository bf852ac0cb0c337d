package io.citybrain.traffic.control;

/**
 * One lane-level path of a movement, by lane indices as used by {@link Observation}.
 *
 * @param startLane incoming lane index
 * @param endLane outgoing lane index
 */
public record LaneLinkLayout(int startLane, int endLane) {}

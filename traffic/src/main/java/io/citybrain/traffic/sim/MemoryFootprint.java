package io.citybrain.traffic.sim;

/**
 * Memory held by a simulation's mutable state, counted from its arrays (element sizes with
 * compressed references: 4 bytes, plus 16 bytes of header per array). The immutable network
 * description and flow plans are not included.
 *
 * @param vehicleSlots vehicle slots allocated (running, waiting and free)
 * @param bytesPerVehicleSlot bytes of state per vehicle slot
 * @param laneCount lanes of the network
 * @param bytesPerLane bytes of per-lane state (vehicle lists, entry queues, conflict-point
 *     notifications and signal state, spread over the lanes)
 * @param totalBytes all of the above
 */
public record MemoryFootprint(
    int vehicleSlots, double bytesPerVehicleSlot, int laneCount, double bytesPerLane, long totalBytes) {}

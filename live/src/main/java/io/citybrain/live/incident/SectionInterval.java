package io.citybrain.live.incident;

/**
 * One interval of a detector section: what the upstream and the downstream loop of one lane
 * measured (the input of every {@link IncidentDetector}).
 *
 * @param intervalEndSeconds the interval's end, s on the stream's clock
 * @param intervalSeconds the interval's length, s, &gt; 0
 * @param upCount vehicles that crossed the upstream loop, &ge; 0
 * @param upOccupancy upstream occupancy, fraction 0..1
 * @param upSpeed upstream mean speed, m/s; NaN when no vehicle crossed
 * @param downCount vehicles that crossed the downstream loop, &ge; 0
 * @param downOccupancy downstream occupancy, fraction 0..1
 * @param downSpeed downstream mean speed, m/s; NaN when no vehicle crossed
 */
public record SectionInterval(
    double intervalEndSeconds,
    double intervalSeconds,
    int upCount,
    double upOccupancy,
    double upSpeed,
    int downCount,
    double downOccupancy,
    double downSpeed) {

  /** Upstream flow, vehicles per hour. */
  public double upFlowPerHour() {
    return upCount * 3600.0 / intervalSeconds;
  }

  /** Downstream flow, vehicles per hour. */
  public double downFlowPerHour() {
    return downCount * 3600.0 / intervalSeconds;
  }
}

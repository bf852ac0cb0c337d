package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.Gridlock;
import java.util.List;

/**
 * Everything one run produced.
 *
 * @param summary network-wide figures
 * @param timeSeries one point per reporting window
 * @param intersections per non-virtual intersection
 * @param completed false when the run was cancelled before its last step
 * @param gridlocks rings of mutually blocked lanes found during the run (empty when none)
 */
public record RunResult(
    RunSummary summary,
    List<TimeSeriesPoint> timeSeries,
    List<IntersectionSummary> intersections,
    boolean completed,
    List<Gridlock> gridlocks) {

  public RunResult {
    timeSeries = List.copyOf(timeSeries);
    intersections = List.copyOf(intersections);
    gridlocks = List.copyOf(gridlocks);
  }
}

package io.citybrain.cli.traffic;

import io.citybrain.cli.Tables;
import io.citybrain.traffic.metrics.RunSummary;
import java.util.ArrayList;
import java.util.List;

/** The summary tables printed after runs and comparisons. */
public final class SummaryTables {
  private SummaryTables() {}

  /** One row per run: the figures traffic engineers compare controllers on. */
  public static String comparison(List<RunSummary> runs) {
    boolean perIntersection = runs.stream().anyMatch(r -> !Double.isNaN(r.intersectionTravelTimeSeconds()));
    List<String> header =
        new ArrayList<>(List.of(
            "controller",
            "ATT s",
            "ATT finished s",
            "finished",
            "in network",
            "waiting",
            "mean delay s",
            "queue (mean)",
            "stops/veh",
            "max stop s",
            "wall s",
            "veh-steps/s"));
    if (perIntersection) {
      header.add(1, "int. TT s");
    }
    List<String[]> rows = new ArrayList<>();
    for (RunSummary s : runs) {
      List<String> row = new ArrayList<>(List.of(
            s.controller(),
            Tables.num(s.averageTravelTimeSeconds(), 2),
            Tables.num(s.averageTravelTimeFinishedSeconds(), 2),
            Tables.count(s.vehiclesFinished()),
            Tables.count(s.vehiclesInNetwork()),
            Tables.count(s.vehiclesWaitingToEnter()),
            Tables.num(s.meanDelaySeconds(), 1),
            Tables.num(s.meanQueueLengthVehicles(), 1),
            Tables.num(s.stopsPerFinishedVehicle(), 2),
            Tables.num(s.maxStoppedSeconds(), 0),
            Tables.num(s.wallSeconds(), 2),
            Tables.count(Math.round(s.vehicleStepsPerSecond()))));
      if (perIntersection) {
        row.add(1, Tables.num(s.intersectionTravelTimeSeconds(), 2));
      }
      rows.add(row.toArray(new String[0]));
    }
    return Tables.render(header, rows)
        + (perIntersection
            ? "int. TT: per-intersection travel time of the RL papers (time on signalised intersections' incoming lanes,"
                + " summed per vehicle; docs/metrics.md).\n"
            : "")
        + "ATT: average travel time, CityFlow's definition (unfinished vehicles count with their time so far); "
        + "ATT finished: finished trips only.\n"
        + "in network / waiting: vehicles on the roads / still queued to enter at the end; mean delay: vs free-flow travel time.\n"
        + "queue (mean): vehicles slower than 0.1 m/s on all lanes, averaged over the run; stops/veh: per finished vehicle;\n"
        + "max stop s: longest standstill of any vehicle (a starved approach shows here); wall s: step loop including the\n"
        + "controller; veh-steps/s: vehicles in the network summed over steps, per wall second (simulation speed).\n";
  }

  /** Two columns, figure and value, for a single run. */
  public static String single(RunSummary s) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"scenario", s.scenario()});
    rows.add(new String[] {"controller", s.controller() + " " + s.controllerVersion()});
    rows.add(new String[] {"controller digest", s.controllerDigest()});
    rows.add(new String[] {"simulated", Tables.num(s.simulatedSeconds(), 0) + " s (" + s.steps() + " steps, seed " + s.seed() + ")"});
    if (!s.protocol().isEmpty()) {
      rows.add(new String[] {"protocol", s.protocol()});
    }
    if (!Double.isNaN(s.intersectionTravelTimeSeconds())) {
      rows.add(new String[] {"per-intersection travel time", Tables.num(s.intersectionTravelTimeSeconds(), 2) + " s (RL papers' metric)"});
    }
    rows.add(new String[] {"average travel time", Tables.num(s.averageTravelTimeSeconds(), 2) + " s"});
    rows.add(new String[] {"  finished trips only", Tables.num(s.averageTravelTimeFinishedSeconds(), 2) + " s"});
    rows.add(new String[] {"vehicles spawned / entered", Tables.count(s.vehiclesSpawned()) + " / " + Tables.count(s.vehiclesEntered())});
    rows.add(new String[] {"vehicles finished (throughput)", Tables.count(s.vehiclesFinished()) + " (" + Tables.num(s.throughputVehiclesPerHour(), 0) + " veh/h)"});
    rows.add(new String[] {"in network / waiting to enter", Tables.count(s.vehiclesInNetwork()) + " / " + Tables.count(s.vehiclesWaitingToEnter())});
    rows.add(new String[] {"mean delay vs free flow", Tables.num(s.meanDelaySeconds(), 1) + " s (delay index " + Tables.num(s.delayIndex(), 2) + ")"});
    rows.add(new String[] {"queue length (end / mean)", s.queueLengthVehicles() + " / " + Tables.num(s.meanQueueLengthVehicles(), 1) + " vehicles"});
    rows.add(new String[] {"stops per finished vehicle", Tables.num(s.stopsPerFinishedVehicle(), 2)});
    rows.add(new String[] {"longest stop", Tables.num(s.maxStoppedSeconds(), 0) + " s"});
    rows.add(new String[] {"phase changes", Tables.count(s.phaseChanges())});
    if (s.laneChanges() > 0) {
      rows.add(new String[] {"lane changes", Tables.count(s.laneChanges())});
    }
    rows.add(new String[] {"wall time", Tables.num(s.wallSeconds(), 2) + " s (" + Tables.count(Math.round(s.vehicleStepsPerSecond())) + " vehicle-steps/s)"});
    return Tables.render(List.of("figure", "value"), rows);
  }
}

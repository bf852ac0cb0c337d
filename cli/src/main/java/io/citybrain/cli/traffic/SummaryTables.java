package io.citybrain.cli.traffic;

import io.citybrain.cli.Tables;
import io.citybrain.traffic.metrics.RunSummary;
import java.util.ArrayList;
import java.util.List;

/** The summary tables printed after runs and comparisons. */
public final class SummaryTables {
  private SummaryTables() {}

  /** Widest line of the default comparison table and its notes, so it fits a common terminal. */
  public static final int NARROW_COLUMNS = 100;

  /**
   * The comparison as printed by default: the verdict (which controller has the lowest average
   * travel time and by how much it beats fixed-time), then a table of the figures controllers are
   * judged on, at most {@link #NARROW_COLUMNS} characters wide. The first column is the
   * controller, the second the average travel time in seconds (CityFlow's definition).
   */
  public static String comparison(List<RunSummary> runs) {
    boolean perIntersection = perIntersection(runs);
    RunSummary reference = fixedTime(runs);
    List<String> header = new ArrayList<>(List.of("controller", "ATT s", "vs fixed", "finished", "in network", "delay s", "stops/veh", "max stop s"));
    if (perIntersection) {
      header.add(1, "int. TT s");
    }
    List<String[]> rows = new ArrayList<>();
    for (RunSummary s : runs) {
      List<String> row = new ArrayList<>(List.of(
          s.controller(),
          Tables.num(s.averageTravelTimeSeconds(), 2),
          versus(s, reference),
          Tables.count(s.vehiclesFinished()),
          Tables.count(s.vehiclesInNetwork()),
          Tables.num(s.meanDelaySeconds(), 1),
          Tables.num(s.stopsPerFinishedVehicle(), 2),
          Tables.num(s.maxStoppedSeconds(), 0)));
      if (perIntersection) {
        row.add(1, Tables.num(s.intersectionTravelTimeSeconds(), 2));
      }
      rows.add(row.toArray(new String[0]));
    }
    return verdict(runs)
        + Tables.render(header, rows)
        + (perIntersection ? "int. TT: per-intersection travel time of the RL papers (docs/metrics.md).\n" : "")
        + "ATT: average travel time, CityFlow's definition (unfinished vehicles count with their time so far);\n"
        + "vs fixed: ATT change from fixed-time; delay: mean vs free-flow travel time; in network: vehicles\n"
        + "still on the roads at the end; max stop: longest standstill of any vehicle. More with --wide.\n";
  }

  /**
   * One line naming the controller with the lowest average travel time and its margin over
   * fixed-time (or over the runner-up when fixed-time was not run); empty for fewer than two runs.
   */
  public static String verdict(List<RunSummary> runs) {
    List<RunSummary> ranked =
        runs.stream()
            .filter(r -> Double.isFinite(r.averageTravelTimeSeconds()))
            .sorted(java.util.Comparator.comparingDouble(RunSummary::averageTravelTimeSeconds))
            .toList();
    if (ranked.size() < 2) {
      return "";
    }
    RunSummary best = ranked.get(0);
    RunSummary reference = fixedTime(runs);
    String att = Tables.num(best.averageTravelTimeSeconds(), 2) + " s";
    if (reference != null && reference != best && Double.isFinite(reference.averageTravelTimeSeconds())) {
      double saved = reference.averageTravelTimeSeconds() - best.averageTravelTimeSeconds();
      return "Best: " + best.controller() + ", average travel time " + att + ", " + Tables.num(Math.abs(saved), 2) + " s ("
          + Tables.num(100 * Math.abs(saved) / reference.averageTravelTimeSeconds(), 1) + " %) "
          + (saved >= 0 ? "below" : "above") + " fixed-time.\n";
    }
    RunSummary second = ranked.get(1);
    return "Best: " + best.controller() + ", average travel time " + att + "; next " + second.controller() + " "
        + Tables.num(second.averageTravelTimeSeconds(), 2) + " s.\n";
  }

  /** ATT change against fixed-time in percent ("-36.2 %"), "ref" for fixed-time itself. */
  private static String versus(RunSummary s, RunSummary reference) {
    if (reference == null) {
      return "-";
    }
    if (s == reference) {
      return "ref";
    }
    double change = 100 * (s.averageTravelTimeSeconds() / reference.averageTravelTimeSeconds() - 1);
    return Double.isFinite(change) ? (change > 0 ? "+" : "") + Tables.num(change, 1) + " %" : "-";
  }

  private static RunSummary fixedTime(List<RunSummary> runs) {
    return runs.stream().filter(r -> r.controller().equals("fixed-time")).findFirst().orElse(null);
  }

  private static boolean perIntersection(List<RunSummary> runs) {
    return runs.stream().anyMatch(r -> !Double.isNaN(r.intersectionTravelTimeSeconds()));
  }

  /** Every figure, one row per run ({@code --wide}): wider than 100 columns. */
  public static String comparisonWide(List<RunSummary> runs) {
    boolean perIntersection = perIntersection(runs);
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
    return verdict(runs)
        + Tables.render(header, rows)
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
    if (!Double.isNaN(s.challengeDelayIndex())) {
      rows.add(new String[] {"challenge delay index (last check)", Tables.num(s.challengeDelayIndex(), 4)});
      rows.add(new String[] {"  passed 1.40 at", s.challengeLimitSeconds() < 0 ? "not reached"
          : s.challengeLimitSeconds() + " s, " + Tables.count(s.challengeServed()) + " vehicles served (the challenge's score)"});
    }
    if (s.flowsSkippedUnroutable() > 0) {
      rows.add(new String[] {"flows skipped (route cannot be driven)", Tables.count(s.flowsSkippedUnroutable()) + " ("
          + Tables.count(s.vehiclesSkippedUnroutable()) + " vehicles)"});
    }
    rows.add(new String[] {"wall time", Tables.num(s.wallSeconds(), 2) + " s (" + Tables.count(Math.round(s.vehicleStepsPerSecond())) + " vehicle-steps/s)"});
    return Tables.render(List.of("figure", "value"), rows);
  }
}

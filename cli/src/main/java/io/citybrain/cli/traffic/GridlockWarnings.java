package io.citybrain.cli.traffic;

import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.sim.Gridlock;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the gridlocks a run found, so that a locked-up network never passes silently. */
final class GridlockWarnings {
  private GridlockWarnings() {}

  static void print(RunResult result, PrintWriter err) {
    for (Gridlock g : result.gridlocks()) {
      err.printf(
          Locale.ROOT,
          "warning: %s: gridlock from t=%.0f s (confirmed at %.0f s): %d vehicles on a ring of %d lanes %s at intersections %s%n",
          result.summary().controller(),
          g.detectedAtSeconds(),
          g.confirmedAtSeconds(),
          g.vehicles(),
          g.laneIds().size(),
          g.laneIds(),
          g.intersectionIds());
    }
    err.flush();
  }
}

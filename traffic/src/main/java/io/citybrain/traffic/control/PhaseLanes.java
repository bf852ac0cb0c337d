package io.citybrain.traffic.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lane-level structure of one intersection's phases, precomputed for the detector-based
 * controllers: which incoming lanes each green phase serves and which outgoing lanes they feed.
 *
 * <p>Only <em>deciding</em> movements count: a movement that is green in every green phase (the
 * right turns of the research datasets) is served whatever the controller chooses, so it cannot
 * tell phases apart and is left out.
 */
final class PhaseLanes {
  /** The intersection. */
  final IntersectionLayout layout;

  /** Distinct incoming lanes of the deciding movements, ascending. */
  final int[] lanes;

  /** For each of {@link #lanes}: the distinct outgoing lanes its deciding lane links feed. */
  final int[][] exits;

  /** For each phase index: positions in {@link #lanes} of the lanes it serves (empty for yellows). */
  final int[][] phaseLanes;

  /** For each phase index: true when it is a green phase the controller may choose. */
  final boolean[] green;

  PhaseLanes(IntersectionLayout layout) {
    this.layout = layout;
    List<Integer> greens = layout.greenPhases();
    int movementCount = layout.movements().size();
    boolean[] deciding = new boolean[movementCount];
    for (int m = 0; m < movementCount; m++) {
      boolean inAll = !greens.isEmpty();
      for (int p : greens) {
        if (!layout.phases().get(p).greenMovements().contains(m)) {
          inAll = false;
          break;
        }
      }
      deciding[m] = !inAll;
    }
    Set<Integer> laneSet = new java.util.TreeSet<>();
    for (int m = 0; m < movementCount; m++) {
      if (deciding[m]) {
        for (LaneLinkLayout l : layout.movements().get(m).laneLinks()) {
          laneSet.add(l.startLane());
        }
      }
    }
    lanes = laneSet.stream().mapToInt(Integer::intValue).toArray();
    List<Set<Integer>> exitSets = new ArrayList<>();
    for (int k = 0; k < lanes.length; k++) {
      exitSets.add(new LinkedHashSet<>());
    }
    for (int m = 0; m < movementCount; m++) {
      if (deciding[m]) {
        for (LaneLinkLayout l : layout.movements().get(m).laneLinks()) {
          exitSets.get(indexOf(l.startLane())).add(l.endLane());
        }
      }
    }
    exits = new int[lanes.length][];
    for (int k = 0; k < lanes.length; k++) {
      exits[k] = exitSets.get(k).stream().mapToInt(Integer::intValue).toArray();
    }
    int phaseCount = layout.phases().size();
    phaseLanes = new int[phaseCount][];
    green = new boolean[phaseCount];
    for (int p = 0; p < phaseCount; p++) {
      PhaseLayout ph = layout.phases().get(p);
      green[p] = !ph.transition();
      Set<Integer> served = new java.util.TreeSet<>();
      if (green[p]) {
        for (int m : ph.greenMovements()) {
          if (m >= 0 && m < movementCount && deciding[m]) {
            for (LaneLinkLayout l : layout.movements().get(m).laneLinks()) {
              served.add(indexOf(l.startLane()));
            }
          }
        }
      }
      phaseLanes[p] = served.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Builds the structure of every intersection, indexed by {@link IntersectionLayout#index()}
   * (entries of unsignalised intersections stay null).
   */
  static PhaseLanes[] index(List<IntersectionLayout> intersections) {
    int size = 0;
    for (IntersectionLayout l : intersections) {
      size = Math.max(size, l.index() + 1);
    }
    PhaseLanes[] out = new PhaseLanes[size];
    for (IntersectionLayout l : intersections) {
      out[l.index()] = new PhaseLanes(l);
    }
    return out;
  }

  /**
   * The structure of {@code layout} from an {@link #index} table, built on the spot when the
   * controller was not initialised with it (direct calls in tests).
   */
  static PhaseLanes of(PhaseLanes[] table, IntersectionLayout layout) {
    int i = layout.index();
    if (i >= 0 && i < table.length && table[i] != null && table[i].layout == layout) {
      return table[i];
    }
    return new PhaseLanes(layout);
  }

  /** True when {@code phase} is a green phase of this intersection. */
  boolean isGreen(int phase) {
    return phase >= 0 && phase < green.length && green[phase];
  }

  /** Σ of {@code perLane} over the lanes phase {@code phase} serves. */
  double sum(int phase, double[] perLane) {
    double s = 0;
    for (int k : phaseLanes[phase]) {
      s += perLane[k];
    }
    return s;
  }

  /** Position of {@code lane} in {@link #lanes}, or -1. */
  int indexOf(int lane) {
    int k = java.util.Arrays.binarySearch(lanes, lane);
    return k >= 0 ? k : -1;
  }
}

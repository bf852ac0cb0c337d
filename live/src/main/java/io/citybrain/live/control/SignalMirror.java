package io.citybrain.live.control;

import java.util.Arrays;

/**
 * The signal state of each junction as the centre knows it (by network intersection index): the
 * phase shown and since when, in seconds of the field's clock. Kept from the centre's own
 * commands and corrected by the field's signal-state reports.
 */
final class SignalMirror {
  private final int[] phase;
  private final double[] sinceSeconds;

  SignalMirror(int intersections) {
    phase = new int[intersections];
    sinceSeconds = new double[intersections];
    Arrays.fill(sinceSeconds, 0);
  }

  int phase(int intersection) {
    return phase[intersection];
  }

  double elapsedSeconds(int intersection, double nowSeconds) {
    return nowSeconds - sinceSeconds[intersection];
  }

  void show(int intersection, int p, double atSeconds) {
    phase[intersection] = p;
    sinceSeconds[intersection] = atSeconds;
  }
}

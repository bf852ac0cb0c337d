package io.citybrain.grid.network;

import java.util.Arrays;

/**
 * Piecewise-linear cost, MATPOWER model 1: NCOST points {@code (p_k, f_k)} with {@code p} in MW
 * and {@code f} in $/h, joined by straight segments. Beyond the first and last points the end
 * segments are extended, which is how MATPOWER's constrained cost variable formulation behaves
 * (MATPOWER manual, section 6.1.1, eq. 6.5-6.6).
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>powersMw</td><td>MW</td><td>at least 2, strictly increasing</td></tr>
 *   <tr><td>costsPerHour</td><td>$/h</td><td>same length as {@code powersMw}</td></tr>
 * </table>
 *
 * @param startupCost start-up cost, $
 * @param shutdownCost shut-down cost, $
 * @param powersMw breakpoint outputs, MW, strictly increasing
 * @param costsPerHour cost at each breakpoint, $/h
 */
public record PiecewiseLinearCost(
    double startupCost, double shutdownCost, double[] powersMw, double[] costsPerHour)
    implements CostCurve {

  /**
   * @throws IllegalArgumentException if there are fewer than 2 points, the arrays differ in
   *     length, or the powers are not strictly increasing
   */
  public PiecewiseLinearCost {
    if (powersMw.length < 2 || powersMw.length != costsPerHour.length) {
      throw new IllegalArgumentException(
          "a piecewise-linear cost needs at least 2 points with one cost each, got "
              + powersMw.length
              + " powers and "
              + costsPerHour.length
              + " costs");
    }
    for (int k = 1; k < powersMw.length; k++) {
      if (!(powersMw[k] > powersMw[k - 1])) {
        throw new IllegalArgumentException(
            "piecewise-linear cost powers must increase strictly, but point "
                + (k + 1)
                + " ("
                + powersMw[k]
                + " MW) is not above point "
                + k
                + " ("
                + powersMw[k - 1]
                + " MW)");
      }
    }
    powersMw = powersMw.clone();
    costsPerHour = costsPerHour.clone();
  }

  /** Breakpoint outputs, MW (a copy). */
  @Override
  public double[] powersMw() {
    return powersMw.clone();
  }

  /** Breakpoint costs, $/h (a copy). */
  @Override
  public double[] costsPerHour() {
    return costsPerHour.clone();
  }

  /** Number of segments, {@code points - 1}. */
  public int segmentCount() {
    return powersMw.length - 1;
  }

  /**
   * Slope of segment {@code k}, $/MWh.
   *
   * @param k 0..segmentCount()-1
   */
  public double slope(int k) {
    return (costsPerHour[k + 1] - costsPerHour[k]) / (powersMw[k + 1] - powersMw[k]);
  }

  /**
   * Cost at the start of segment {@code k}, $/h.
   *
   * @param k 0..segmentCount()-1
   */
  public double segmentStartCost(int k) {
    return costsPerHour[k];
  }

  /**
   * Output at the start of segment {@code k}, MW.
   *
   * @param k 0..segmentCount()-1
   */
  public double segmentStartPower(int k) {
    return powersMw[k];
  }

  @Override
  public double costPerHour(double activePowerMw) {
    int k = 0;
    while (k < segmentCount() - 1 && activePowerMw > powersMw[k + 1]) {
      k++;
    }
    return costsPerHour[k] + slope(k) * (activePowerMw - powersMw[k]);
  }

  /** Convex when segment slopes do not decrease. */
  @Override
  public boolean isConvex() {
    for (int k = 1; k < segmentCount(); k++) {
      if (slope(k) < slope(k - 1) - 1e-12 * Math.max(1, Math.abs(slope(k - 1)))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PiecewiseLinearCost p
        && Arrays.equals(p.powersMw, powersMw)
        && Arrays.equals(p.costsPerHour, costsPerHour)
        && p.startupCost == startupCost
        && p.shutdownCost == shutdownCost;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(powersMw) * 31 + Arrays.hashCode(costsPerHour);
  }

  @Override
  public String toString() {
    return "PiecewiseLinearCost" + Arrays.toString(powersMw) + Arrays.toString(costsPerHour);
  }
}

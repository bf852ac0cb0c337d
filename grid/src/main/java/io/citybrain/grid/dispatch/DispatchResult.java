package io.citybrain.grid.dispatch;

import java.util.List;

/**
 * Result of a DC optimal power flow. Arrays are indexed like the network's lists and returned as
 * copies. On failure ({@code success() == false}) the message says why, arrays hold zeros or NaN,
 * and costs are NaN; no exception is thrown.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>value</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>total cost</td><td>$/h</td><td>sum of the generators' cost curves at the dispatch,
 *       constant terms included (MATPOWER's objective)</td></tr>
 *   <tr><td>lower bound</td><td>$/h</td><td>the final LP objective; {@code cost − bound} is the
 *       error of the outer approximation of quadratic costs</td></tr>
 *   <tr><td>generation</td><td>MW</td><td>0 for out-of-service generators</td></tr>
 *   <tr><td>bus angles</td><td>degrees</td><td>NaN for isolated buses</td></tr>
 *   <tr><td>branch flows</td><td>MW</td><td>from → to; exactly 0 out of service</td></tr>
 *   <tr><td>branch loading</td><td>%</td><td>|flow| / RATE_A × 100; NaN where RATE_A = 0 or
 *       out of service</td></tr>
 *   <tr><td>LMPs</td><td>$/MWh</td><td>dual of each bus's power balance: the cost of serving 1 MW
 *       more load there; NaN for isolated buses</td></tr>
 * </table>
 */
public final class DispatchResult {
  private final String caseName;
  private final boolean success;
  private final String message;
  private final List<String> warnings;
  private final double totalCostPerHour;
  private final double lowerBoundPerHour;
  private final int lpSolves;
  private final double[] generationMw;
  private final double[] anglesDeg;
  private final double[] flowsMw;
  private final double[] loadingPercent;
  private final double[] lmpPerMwh;
  private final List<BindingConstraint> binding;
  private final double demandMw;
  private final double solveSeconds;

  DispatchResult(String caseName, boolean success, String message, List<String> warnings, double totalCostPerHour,
      double lowerBoundPerHour, int lpSolves, double[] generationMw, double[] anglesDeg, double[] flowsMw,
      double[] loadingPercent, double[] lmpPerMwh, List<BindingConstraint> binding, double demandMw,
      double solveSeconds) {
    this.caseName = caseName;
    this.success = success;
    this.message = message;
    this.warnings = List.copyOf(warnings);
    this.totalCostPerHour = totalCostPerHour;
    this.lowerBoundPerHour = lowerBoundPerHour;
    this.lpSolves = lpSolves;
    this.generationMw = generationMw;
    this.anglesDeg = anglesDeg;
    this.flowsMw = flowsMw;
    this.loadingPercent = loadingPercent;
    this.lmpPerMwh = lmpPerMwh;
    this.binding = List.copyOf(binding);
    this.demandMw = demandMw;
    this.solveSeconds = solveSeconds;
  }

  /** Name of the case solved. */
  public String caseName() {
    return caseName;
  }

  /** Whether an optimal dispatch was found. */
  public boolean success() {
    return success;
  }

  /** Empty on success; otherwise why there is no dispatch (e.g. "all buses isolated"). */
  public String message() {
    return message;
  }

  /** Warnings about the input (isolated elements, reference buses), stable order. */
  public List<String> warnings() {
    return warnings;
  }

  /** Total cost of the dispatch, $/h (NaN on failure). */
  public double totalCostPerHour() {
    return totalCostPerHour;
  }

  /** Lower bound on the optimum from the last LP, $/h. */
  public double lowerBoundPerHour() {
    return lowerBoundPerHour;
  }

  /**
   * Outer-approximation error, {@code (cost − bound) / max(1, |cost|)}: an upper bound on how far
   * the cost is from the exact optimum, relative. 0 when all costs are linear.
   */
  public double relativeApproximationError() {
    return (totalCostPerHour - lowerBoundPerHour) / Math.max(1.0, Math.abs(totalCostPerHour));
  }

  /** Number of LPs solved (1 plus the cutting-plane rounds). */
  public int lpSolves() {
    return lpSolves;
  }

  /** Generator outputs, MW. */
  public double[] generationMw() {
    return generationMw.clone();
  }

  /** Bus angles, degrees; NaN for isolated buses. */
  public double[] anglesDeg() {
    return anglesDeg.clone();
  }

  /** Branch flows from → to, MW; exactly 0 for out-of-service branches. */
  public double[] flowsMw() {
    return flowsMw.clone();
  }

  /** Branch loading, % of RATE_A; NaN for unlimited or out-of-service branches. */
  public double[] loadingPercent() {
    return loadingPercent.clone();
  }

  /** Locational marginal prices, $/MWh; NaN for isolated buses. */
  public double[] lmpPerMwh() {
    return lmpPerMwh.clone();
  }

  /** Binding constraints: branches at RATE_A, then generators at a limit. */
  public List<BindingConstraint> bindingConstraints() {
    return binding;
  }

  /** Total generation, MW. */
  public double totalGenerationMw() {
    double sum = 0;
    for (double p : generationMw) {
      sum += p;
    }
    return sum;
  }

  /** DC demand served: PD + GS of in-service buses, MW (NaN on failure). */
  public double demandMw() {
    return demandMw;
  }

  /**
   * Wall time of model building and solving, s; excludes reading the case and the one-time load of
   * OR-Tools' native libraries.
   */
  public double solveSeconds() {
    return solveSeconds;
  }

  /** Smallest LMP over in-service buses, $/MWh (NaN if none). */
  public double minLmp() {
    double min = Double.NaN;
    for (double v : lmpPerMwh) {
      if (!Double.isNaN(v) && !(v >= min)) {
        min = v;
      }
    }
    return min;
  }

  /** Largest LMP over in-service buses, $/MWh (NaN if none). */
  public double maxLmp() {
    double max = Double.NaN;
    for (double v : lmpPerMwh) {
      if (!Double.isNaN(v) && !(v <= max)) {
        max = v;
      }
    }
    return max;
  }
}

package io.citybrain.grid.network;

/**
 * A generator's active-power cost curve: one row of MATPOWER's {@code mpc.gencost} (MATPOWER
 * manual, Table B-4). Costs are in $/h as a function of output in MW.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>MATPOWER column</th><th>unit</th></tr>
 *   <tr><td>startupCost</td><td>STARTUP</td><td>$</td></tr>
 *   <tr><td>shutdownCost</td><td>SHUTDOWN</td><td>$</td></tr>
 *   <tr><td>model-specific data</td><td>NCOST, COST...</td><td>see implementations</td></tr>
 * </table>
 */
public sealed interface CostCurve permits PolynomialCost, PiecewiseLinearCost {

  /** Start-up cost, $ (read, not used by a single-period dispatch). */
  double startupCost();

  /** Shut-down cost, $ (read, not used by a single-period dispatch). */
  double shutdownCost();

  /**
   * Cost of running at {@code activePowerMw}, $/h.
   *
   * @param activePowerMw output, MW (any finite value; piecewise-linear curves extend their first
   *     and last segments, as MATPOWER's constraint formulation does)
   */
  double costPerHour(double activePowerMw);

  /** Whether the curve is convex (required by the DC-OPF). */
  boolean isConvex();
}

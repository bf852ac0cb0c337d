package io.citybrain.grid.flow;

import java.util.List;

/**
 * Result of an AC power flow. Arrays are indexed like the network's lists and returned as copies.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>value</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>voltage magnitudes</td><td>p.u.</td><td>NaN for isolated buses</td></tr>
 *   <tr><td>voltage angles</td><td>degrees</td><td>NaN for isolated buses</td></tr>
 *   <tr><td>branch flows</td><td>MW</td><td>active power entering the branch at its from end;
 *       0 out of service</td></tr>
 *   <tr><td>total generation</td><td>MW</td><td>in-service generators, slack outputs as
 *       solved</td></tr>
 *   <tr><td>total load</td><td>MW</td><td>sum of PD over in-service buses</td></tr>
 *   <tr><td>branch losses</td><td>MW</td><td>sum over branches of P_from + P_to (series
 *       I²R)</td></tr>
 *   <tr><td>shunt consumption</td><td>MW</td><td>sum of GS·Vm² over in-service buses</td></tr>
 *   <tr><td>max mismatch</td><td>p.u.</td><td>largest |ΔP| or |ΔQ| at the end</td></tr>
 * </table>
 *
 * @param converged whether the mismatch fell below the tolerance
 * @param iterations Newton iterations performed
 * @param maxMismatchPu final largest mismatch, p.u.
 * @param voltageMagnitudesPu per bus, p.u. (NaN isolated)
 * @param voltageAnglesDeg per bus, degrees (NaN isolated)
 * @param branchFlowsMw per branch, active power into the from end, MW
 * @param totalGenerationMw total active generation, MW
 * @param totalLoadMw total active demand PD, MW
 * @param branchLossesMw active losses in branches, MW
 * @param shuntConsumptionMw active power drawn by bus shunt conductances, MW; MATPOWER's reported
 *     losses for runpf equal {@code totalGenerationMw − totalLoadMw}, i.e. branch losses plus this
 * @param message empty when converged, else why not
 * @param warnings topology warnings
 */
public record AcPowerFlowResult(
    boolean converged,
    int iterations,
    double maxMismatchPu,
    double[] voltageMagnitudesPu,
    double[] voltageAnglesDeg,
    double[] branchFlowsMw,
    double totalGenerationMw,
    double totalLoadMw,
    double branchLossesMw,
    double shuntConsumptionMw,
    String message,
    List<String> warnings) {

  /** Copies the arrays and list. */
  public AcPowerFlowResult {
    voltageMagnitudesPu = voltageMagnitudesPu.clone();
    voltageAnglesDeg = voltageAnglesDeg.clone();
    branchFlowsMw = branchFlowsMw.clone();
    warnings = List.copyOf(warnings);
  }

  /** Voltage magnitudes, p.u. (a copy). */
  @Override
  public double[] voltageMagnitudesPu() {
    return voltageMagnitudesPu.clone();
  }

  /** Voltage angles, degrees (a copy). */
  @Override
  public double[] voltageAnglesDeg() {
    return voltageAnglesDeg.clone();
  }

  /** From-end active branch flows, MW (a copy). */
  @Override
  public double[] branchFlowsMw() {
    return branchFlowsMw.clone();
  }

  /** Active losses as MATPOWER's totals give them: generation − load (branches and shunts), MW. */
  public double lossesMw() {
    return totalGenerationMw - totalLoadMw;
  }

  /** Smallest voltage magnitude over in-service buses, p.u. */
  public double minVoltagePu() {
    double min = Double.POSITIVE_INFINITY;
    for (double v : voltageMagnitudesPu) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
      }
    }
    return min;
  }

  /** Largest voltage magnitude over in-service buses, p.u. */
  public double maxVoltagePu() {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : voltageMagnitudesPu) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    return max;
  }
}

package io.citybrain.grid.flow;

/**
 * Result of a DC power flow. Arrays are indexed like the network's lists and returned as copies.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>value</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>bus angles</td><td>degrees</td><td>NaN for isolated buses</td></tr>
 *   <tr><td>branch flows</td><td>MW</td><td>from → to positive; exactly 0 out of service</td></tr>
 *   <tr><td>slack injections</td><td>MW</td><td>per bus: generation the angle reference had to
 *       add (positive) or absorb to balance its island; 0 elsewhere</td></tr>
 * </table>
 */
public final class DcPowerFlowResult {
  private final double[] anglesDeg;
  private final double[] flowsMw;
  private final double[] slackMw;

  DcPowerFlowResult(double[] anglesDeg, double[] flowsMw, double[] slackMw) {
    this.anglesDeg = anglesDeg;
    this.flowsMw = flowsMw;
    this.slackMw = slackMw;
  }

  /** Bus voltage angles, degrees; NaN for isolated buses. */
  public double[] anglesDeg() {
    return anglesDeg.clone();
  }

  /** Branch flows from → to, MW; exactly 0 for out-of-service branches. */
  public double[] flowsMw() {
    return flowsMw.clone();
  }

  /** Flow on branch {@code l}, MW. */
  public double flowMw(int l) {
    return flowsMw[l];
  }

  /** Imbalance taken up at each bus, MW (non-zero only at angle references). */
  public double[] slackMw() {
    return slackMw.clone();
  }
}

package io.citybrain.grid.flow;

import io.citybrain.grid.topology.Topology;

/**
 * DC power flow (MATPOWER {@code dcpf}; manual section 4.1): solves {@code B_bus θ = P − Pbusinj}
 * for the angles of every in-service bus, with one fixed angle per island (its reference bus),
 * through {@link DcNetworkSolver}. The reference bus takes up any imbalance.
 */
public final class DcPowerFlow {
  private DcPowerFlow() {}

  /**
   * Runs a DC power flow.
   *
   * @param model DC model of the network
   * @param generationMw output of each generator, MW, indexed like the network's generators;
   *     out-of-service generators are ignored
   * @return angles, flows and slack take-up
   * @throws IllegalArgumentException if {@code generationMw} has the wrong length
   * @throws IllegalStateException if the reduced B matrix is singular (e.g. branches with
   *     reactances that cancel)
   */
  public static DcPowerFlowResult solve(DcModel model, double[] generationMw) {
    var network = model.network();
    Topology topology = model.topology();
    int nb = network.buses().size();
    if (generationMw.length != network.generators().size()) {
      throw new IllegalArgumentException("generationMw has " + generationMw.length + " entries, network has "
          + network.generators().size() + " generators");
    }
    double base = network.baseMva();
    double[] injectionPu = new double[nb];
    for (int i = 0; i < nb; i++) {
      injectionPu[i] = -model.fixedDemandMw(i) / base - model.busShiftInjectionPu(i);
    }
    for (int g = 0; g < generationMw.length; g++) {
      if (topology.generatorInService(g)) {
        injectionPu[model.generatorBus(g)] += generationMw[g] / base;
      }
    }
    double[] injectionMw = new double[nb];
    for (int i = 0; i < nb; i++) {
      injectionMw[i] = (injectionPu[i] + model.busShiftInjectionPu(i)) * base;
    }
    DcNetworkSolver solver = DcNetworkSolver.of(model);
    double[] anglesRad = solver.anglesRad(injectionMw);
    double[] anglesDeg = new double[nb];
    double[] flows = solver.flowsMw(anglesRad);
    double[] slack = new double[nb];
    double[] netOutMw = new double[nb];
    for (int i = 0; i < nb; i++) {
      anglesDeg[i] = topology.busInService(i) ? Math.toDegrees(anglesRad[i]) : Double.NaN;
    }
    for (int l = 0; l < flows.length; l++) {
      netOutMw[model.from(l)] += flows[l];
      netOutMw[model.to(l)] -= flows[l];
    }
    for (int i = 0; i < nb; i++) {
      if (solver.isReference(i)) {
        slack[i] = netOutMw[i] - injectionMw[i];
      }
    }
    return new DcPowerFlowResult(anglesDeg, flows, slack);
  }
}

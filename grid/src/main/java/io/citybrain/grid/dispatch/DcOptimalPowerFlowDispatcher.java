package io.citybrain.grid.dispatch;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.grid.flow.DcModel;
import io.citybrain.grid.flow.DcNetworkSolver;
import io.citybrain.grid.flow.MinimumDegreeOrdering;
import io.citybrain.grid.flow.SparseLu;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Topology;
import java.util.List;

/** {@code dc-opf}: the optimal dispatch of {@link DcOptimalPowerFlow} as a registered algorithm. */
public final class DcOptimalPowerFlowDispatcher implements GridDispatcherProvider {
  /** The registered name. */
  public static final String NAME = "dc-opf";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "least-cost dispatch within generator and branch limits (DC optimal power flow), LMPs per bus";
  }

  @Override
  public String source() {
    return "MATPOWER's DC OPF (Zimmerman, Murillo-Sanchez and Thomas, IEEE Trans. Power Systems 26(1), 2011;"
        + " MATPOWER manual sections 6.1-6.2), solved as an LP with OR-Tools GLOP; Kelley's cutting planes"
        + " (J. SIAM 8(4), 1960) for quadratic costs";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(
        new ParameterSpec("relativeGap", DcOptimalPowerFlow.DEFAULT_RELATIVE_GAP, 1e-12, 1e-3, "1",
            "stopping tolerance of the cutting planes: (cost - bound) / max(1, |cost|)"),
        new ParameterSpec("maxLpSolves", DcOptimalPowerFlow.DEFAULT_MAX_LP_SOLVES, 1, 10_000, "LP solves",
            "limit on linear programmes solved (cuts and branch-limit rounds)"));
  }

  /** The LP and the DC network model it is built on. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(DcOptimalPowerFlowDispatcher.class, DcOptimalPowerFlow.class, DcModel.class, DcNetworkSolver.class,
        SparseLu.class, MinimumDegreeOrdering.class, Topology.class);
  }

  @Override
  public DispatchResult dispatch(PowerNetwork network, ParameterValues parameters) {
    return DcOptimalPowerFlow.solve(network, parameters.get("relativeGap"), (int) Math.round(parameters.get("maxLpSolves")));
  }
}

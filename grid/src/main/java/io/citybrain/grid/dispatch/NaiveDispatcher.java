package io.citybrain.grid.dispatch;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.grid.flow.DcModel;
import io.citybrain.grid.flow.DcPowerFlow;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Topology;
import java.util.Arrays;
import java.util.List;

/**
 * {@code naive-dispatch}: the baseline of {@link NaiveDispatch} (every generator at the same
 * fraction of its PMAX) as a registered algorithm. As a {@link DispatchResult} it has no prices
 * (LMPs and angles NaN: a rule of thumb clears no market), no binding constraints, and its DC
 * flows and loadings; it may overload branches, which is what it is compared for.
 */
public final class NaiveDispatcher implements GridDispatcherProvider {
  /** The registered name. */
  public static final String NAME = "naive-dispatch";

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
    return "every in-service generator at the same fraction of its PMAX; ignores costs and line limits (baseline)";
  }

  @Override
  public String source() {
    return "the 'same fraction of capacity' baseline of citybrain's grid reference figures (docs/grid.md)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  @Override
  public List<Class<?>> codeClasses() {
    return List.of(NaiveDispatcher.class, NaiveDispatch.class, DcModel.class, DcPowerFlow.class, Topology.class);
  }

  @Override
  public DispatchResult dispatch(PowerNetwork network, ParameterValues parameters) {
    long start = System.nanoTime();
    NaiveDispatchResult naive = NaiveDispatch.solve(network);
    int nb = network.buses().size();
    double[] flows = naive.flowsMw();
    double[] loading = new double[flows.length];
    for (int l = 0; l < flows.length; l++) {
      Branch br = network.branches().get(l);
      loading[l] = br.inService() && br.hasRateA() ? 100 * Math.abs(flows[l]) / br.rateAMva() : Double.NaN;
    }
    double[] nan = new double[nb];
    Arrays.fill(nan, Double.NaN);
    double generation = Arrays.stream(naive.generationMw()).sum();
    return new DispatchResult(network.name(), naive.success(), naive.message(), List.of(), naive.totalCostPerHour(),
        Double.NaN, 0, naive.generationMw(), nan, flows, loading, nan.clone(), List.of(),
        naive.success() ? generation : Double.NaN, (System.nanoTime() - start) / 1e9);
  }
}

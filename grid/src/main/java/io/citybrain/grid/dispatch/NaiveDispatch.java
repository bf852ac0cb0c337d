package io.citybrain.grid.dispatch;

import io.citybrain.grid.flow.DcModel;
import io.citybrain.grid.flow.DcPowerFlow;
import io.citybrain.grid.flow.DcPowerFlowResult;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Island;
import io.citybrain.grid.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The naive dispatch baseline: every in-service generator of an island runs at the same fraction
 * {@code α = demand / Σ PMAX} of its PMAX, so that generation equals the DC demand (PD + GS of the
 * island's buses; lossless), ignoring costs, PMIN and line limits. It is then costed with the
 * case's cost curves, and a DC power flow ({@link DcPowerFlow}) shows which branches it overloads
 * (|flow| &gt; RATE_A). This is the "same fraction of capacity" rule of the project's reference
 * figures ({@code grid-reference.md}, "Naive baseline").
 */
public final class NaiveDispatch {
  private NaiveDispatch() {}

  /**
   * Forms and evaluates the naive dispatch.
   *
   * @param network the case (needs costs for a finite cost; without them the cost is NaN)
   * @return the dispatch; {@code success() == false} if some island's demand exceeds its capacity
   *     or no bus is in service
   */
  public static NaiveDispatchResult solve(PowerNetwork network) {
    Topology topology = Topology.of(network);
    DcModel model = DcModel.of(network, topology);
    int ng = network.generators().size();
    double[] generation = new double[ng];
    List<Island> islands = topology.islands();
    double[] fractions = new double[islands.size()];
    if (islands.isEmpty()) {
      return new NaiveDispatchResult(false, "no in-service buses (all buses isolated); nothing to solve",
          fractions, generation, Double.NaN, new double[network.branches().size()], List.of());
    }
    for (int k = 0; k < islands.size(); k++) {
      double demand = 0;
      for (int i : islands.get(k).buses()) {
        demand += model.fixedDemandMw(i);
      }
      double capacity = 0;
      for (int g = 0; g < ng; g++) {
        if (topology.generatorInService(g) && topology.islandOf(model.generatorBus(g)) == k) {
          capacity += network.generators().get(g).maxActivePowerMw();
        }
      }
      double alpha = demand == 0 ? 0 : demand / capacity;
      if (!(alpha >= 0 && alpha <= 1)) {
        return new NaiveDispatchResult(false, String.format(
            "island of bus %d: demand %.3f MW cannot be met at a common fraction of in-service PMAX (%.3f MW)",
            network.buses().get(islands.get(k).buses().get(0)).number(), demand, capacity),
            fractions, generation, Double.NaN, new double[network.branches().size()], List.of());
      }
      fractions[k] = alpha;
      for (int g = 0; g < ng; g++) {
        if (topology.generatorInService(g) && topology.islandOf(model.generatorBus(g)) == k) {
          generation[g] = alpha * network.generators().get(g).maxActivePowerMw();
        }
      }
    }
    double cost = 0;
    for (int g = 0; g < ng; g++) {
      if (topology.generatorInService(g)) {
        cost += network.hasCosts() && !network.costs().isEmpty()
            ? network.costs().get(g).costPerHour(generation[g]) : Double.NaN;
      }
    }
    DcPowerFlowResult flow = DcPowerFlow.solve(model, generation);
    List<Overload> overloads = new ArrayList<>();
    for (int l = 0; l < network.branches().size(); l++) {
      Branch br = network.branches().get(l);
      double f = flow.flowMw(l);
      if (topology.branchInService(l) && br.hasRateA() && Math.abs(f) > br.rateAMva() * (1 + 1e-9)) {
        overloads.add(new Overload(l, br.fromBus(), br.toBus(), f, br.rateAMva(), 100 * Math.abs(f) / br.rateAMva()));
      }
    }
    overloads.sort(Comparator.comparingDouble(Overload::loadingPercent).reversed()
        .thenComparingInt(Overload::branch));
    return new NaiveDispatchResult(true, "", fractions, generation, cost, flow.flowsMw(), overloads);
  }
}

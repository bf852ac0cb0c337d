package io.citybrain.grid.report;

import io.citybrain.commons.algorithm.AlgorithmArtifact;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.grid.dispatch.DcOptimalPowerFlowDispatcher;
import io.citybrain.grid.dispatch.GridDispatcherProvider;
import io.citybrain.grid.dispatch.DispatchResult;
import io.citybrain.grid.dispatch.NaiveDispatch;
import io.citybrain.grid.dispatch.NaiveDispatchResult;
import io.citybrain.grid.flow.AcPowerFlow;
import io.citybrain.grid.flow.AcPowerFlowResult;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.PowerNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the CLI shows about one case: the DC-OPF optimum, the naive baseline and the saving
 * of the optimum over it, the most loaded branches, the LMP range, and an AC power flow of the
 * optimal dispatch (losses and voltages; MATPOWER {@code runpf} semantics, see {@link
 * AcPowerFlow}).
 *
 * @param network the case
 * @param dispatcher the algorithm that made {@code optimum}: name, version, parameter values and
 *     artifact digest
 * @param optimum the dispatcher's result (DC-OPF by default)
 * @param naive naive baseline
 * @param acCheck AC power flow of the optimal dispatch, or null when the optimum failed
 */
public record DispatchReport(PowerNetwork network, AlgorithmArtifact dispatcher, DispatchResult optimum,
    NaiveDispatchResult naive, AcPowerFlowResult acCheck) {

  /**
   * Solves the DC-OPF (default parameters) and the baseline of {@code network} and checks the
   * optimum with AC power flow.
   */
  public static DispatchReport of(PowerNetwork network) {
    GridDispatcherProvider dcOpf = GridDispatcherProvider.all().require(DcOptimalPowerFlowDispatcher.NAME);
    return of(network, dcOpf, dcOpf.resolve(Map.of()));
  }

  /**
   * Dispatches {@code network} with {@code dispatcher}, forms the naive baseline and checks the
   * dispatch with AC power flow.
   */
  public static DispatchReport of(PowerNetwork network, GridDispatcherProvider dispatcher, ParameterValues parameters) {
    DispatchResult optimum = dispatcher.dispatch(network, parameters);
    NaiveDispatchResult naive = NaiveDispatch.solve(network);
    AcPowerFlowResult ac = optimum.success()
        ? AcPowerFlow.solve(network, optimum.generationMw(), AcPowerFlow.DEFAULT_TOLERANCE_PU, 20)
        : null;
    return new DispatchReport(network, dispatcher.artifact(parameters), optimum, naive, ac);
  }

  /**
   * Saving of the optimum over the naive dispatch, % of the naive cost; NaN if either failed or
   * the naive cost is 0.
   */
  public double savingPercent() {
    if (!optimum.success() || !naive.success() || naive.totalCostPerHour() == 0) {
      return Double.NaN;
    }
    return 100 * (naive.totalCostPerHour() - optimum.totalCostPerHour()) / naive.totalCostPerHour();
  }

  /**
   * The {@code n} most loaded rated branches of the optimum, most loaded first (ties by index).
   *
   * @param n how many, &gt;= 0
   */
  public List<LoadedBranch> mostLoadedBranches(int n) {
    double[] loading = optimum.loadingPercent();
    double[] flows = optimum.flowsMw();
    List<LoadedBranch> list = new ArrayList<>();
    for (int l = 0; l < loading.length; l++) {
      if (!Double.isNaN(loading[l])) {
        Branch br = network.branches().get(l);
        list.add(new LoadedBranch(l, br.fromBus(), br.toBus(), flows[l], br.rateAMva(), loading[l]));
      }
    }
    list.sort(Comparator.comparingDouble(LoadedBranch::loadingPercent).reversed()
        .thenComparingInt(LoadedBranch::branch));
    return list.subList(0, Math.min(n, list.size()));
  }

  /** A plain-text summary for terminals: cost, saving, most loaded lines, LMP range, AC check. */
  public String summaryTable() {
    StringBuilder sb = new StringBuilder();
    String name = network.name();
    // a failed solve has no demand figure (it reported 0.00 MW); leave it out rather than mislead
    sb.append(String.format(Locale.ROOT, "%s: %d buses, %d branches, %d generators%s%n", name,
        network.buses().size(), network.branches().size(), network.generators().size(),
        optimum.success() ? String.format(Locale.ROOT, ", DC demand %.2f MW", optimum.demandMw()) : ""));
    for (String w : optimum.warnings()) {
      sb.append("warning: ").append(w).append(System.lineSeparator());
    }
    if (!optimum.success()) {
      sb.append(dispatcher.name().equals(DcOptimalPowerFlowDispatcher.NAME) ? "DC-OPF" : dispatcher.name())
          .append(" failed: ").append(optimum.message()).append(System.lineSeparator());
      return sb.toString();
    }
    row(sb, "dispatcher", dispatcher.name() + " " + dispatcher.version() + ", digest " + dispatcher.digest());
    String label = dispatcher.name().equals(DcOptimalPowerFlowDispatcher.NAME) ? "DC-OPF" : dispatcher.name();
    row(sb, label + " cost", String.format(Locale.ROOT, "%.6f $/h", optimum.totalCostPerHour()));
    row(sb, "approximation error", String.format(Locale.ROOT, "%.1e (relative, quadratic costs by cutting planes;"
        + " %d LP solves)", optimum.relativeApproximationError(), optimum.lpSolves()));
    if (naive.success()) {
      row(sb, "naive dispatch cost", String.format(Locale.ROOT, "%.6f $/h (every generator at %.2f%% of PMAX)",
          naive.totalCostPerHour(), 100 * (naive.fractionOfPmax().length > 0 ? naive.fractionOfPmax()[0] : 0)));
      row(sb, "saving vs naive", String.format(Locale.ROOT, "%.2f %%", savingPercent()));
      row(sb, "naive overloads", naive.overloads().isEmpty() ? "none"
          : String.format(Locale.ROOT, "%d branches, worst %.1f%% of RATE_A", naive.overloads().size(),
              naive.worstLoadingPercent()));
    } else {
      row(sb, "naive dispatch", "not possible: " + naive.message());
    }
    row(sb, "LMP range", String.format(Locale.ROOT, "%.4f .. %.4f $/MWh", optimum.minLmp(), optimum.maxLmp()));
    long bindingLines = optimum.bindingConstraints().stream()
        .filter(b -> b.kind() == io.citybrain.grid.dispatch.BindingConstraint.Kind.BRANCH_RATING).count();
    row(sb, "binding", String.format(Locale.ROOT, "%d branches at RATE_A, %d generators at a limit", bindingLines,
        optimum.bindingConstraints().size() - bindingLines));
    if (acCheck != null) {
      row(sb, "AC check", acCheck.converged()
          ? String.format(Locale.ROOT, "losses %.2f MW, Vm %.4f .. %.4f p.u. (%d Newton iterations)",
              acCheck.totalGenerationMw() - acCheck.totalLoadMw(), acCheck.minVoltagePu(), acCheck.maxVoltagePu(),
              acCheck.iterations())
          : acCheck.message());
    }
    row(sb, "solve time", String.format(Locale.ROOT, "%.3f s (DC-OPF wall time; parse and OR-Tools native load excluded)", optimum.solveSeconds()));
    List<LoadedBranch> top = mostLoadedBranches(5);
    if (!top.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "most loaded branches:%n  %6s %8s %8s %12s %10s %8s%n", "branch", "from",
          "to", "flow MW", "RATE_A", "load %"));
      for (LoadedBranch b : top) {
        sb.append(String.format(Locale.ROOT, "  %6d %8d %8d %12.3f %10.1f %8.1f%n", b.branch() + 1, b.fromBus(),
            b.toBus(), b.flowMw(), b.rateAMva(), b.loadingPercent()));
      }
    } else {
      sb.append("most loaded branches: none (no branch has RATE_A)").append(System.lineSeparator());
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
  }

  /**
   * A one-table comparison of several cases: one line each with cost, saving, LMP range, binding
   * branches, naive overloads and solve time.
   */
  public static String comparisonTable(List<DispatchReport> reports) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %16s %16s %8s %21s %7s %9s %8s%n",
        "case", "buses", "DC-OPF $/h", "naive $/h", "saving%", "LMP $/MWh", "binding", "overloads", "solve s"));
    for (DispatchReport r : reports) {
      DispatchResult o = r.optimum();
      if (!o.success()) {
        sb.append(String.format(Locale.ROOT, "%-16s %6d failed: %s%n", r.network().name(),
            r.network().buses().size(), o.message()));
        continue;
      }
      long binding = o.bindingConstraints().stream()
          .filter(b -> b.kind() == io.citybrain.grid.dispatch.BindingConstraint.Kind.BRANCH_RATING).count();
      sb.append(String.format(Locale.ROOT, "%-16s %6d %16.6f %16.6f %8.2f %10.4f..%-9.4f %7d %9s %8.3f%n",
          r.network().name(), r.network().buses().size(), o.totalCostPerHour(), r.naive().totalCostPerHour(),
          r.savingPercent(), o.minLmp(), o.maxLmp(), binding,
          r.naive().success() ? String.valueOf(r.naive().overloads().size()) : "-", o.solveSeconds()));
    }
    sb.append(
        "saving% is 0 where all generators have equal linear costs (case9241pegase): every feasible dispatch costs the same.\n"
            + "binding: branches at RATE_A in the optimum; overloads: branches the naive dispatch loads above RATE_A.\n");
    return sb.toString();
  }
}

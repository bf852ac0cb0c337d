package io.citybrain.grid.dispatch;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.citybrain.grid.flow.DcModel;
import io.citybrain.grid.flow.DcNetworkSolver;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.CostCurve;
import io.citybrain.grid.network.Generator;
import io.citybrain.grid.network.PiecewiseLinearCost;
import io.citybrain.grid.network.PolynomialCost;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Island;
import io.citybrain.grid.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DC optimal power flow (economic dispatch with line limits) as a linear programme on OR-Tools
 * GLOP, for MATPOWER's DC OPF problem (MATPOWER manual, sections 6.1-6.2; {@code rundcopf}):
 *
 * <pre>
 *   minimise   Σ_g f_g(P_g)
 *   subject to B_bus θ + Pbusinj = (C_g P_g − PD − GS) / baseMVA                  (every in-service bus)
 *              |baseMVA (b_l (θ_f − θ_t) + Pfinj_l)| ≤ RATE_A_l                  (RATE_A_l &gt; 0)
 *              PMIN_g ≤ P_g ≤ PMAX_g,   θ_ref = VA_ref                           (one reference per island)
 * </pre>
 *
 * with {@code B_bus}, {@code b}, {@code Pbusinj}, {@code Pfinj} from {@link DcModel}. GLOP's
 * simplex struggles with the full B-θ LP of large cases (case9241pegase: status ABNORMAL, or 40 s
 * with the dual simplex), so the angles are eliminated exactly: for a fixed reference angle,
 * {@code θ} is a linear function of the injections through the factorised reduced {@code B_bus}
 * ({@link DcNetworkSolver}). The LP keeps one balance row per island ({@code Σ P_g = Σ (PD + GS)})
 * and a row {@code F⁰_l + Σ_g PTDF_l,bus(g) P_g ∈ [−RATE_A_l, RATE_A_l]} only for branches that a
 * DC power flow of the current solution finds over their rating (constraint generation, as
 * security-constrained market-clearing engines do). It stops when no branch is over its rating,
 * so the solution is optimal for the full problem: the same feasible set and optimum as the B-θ
 * LP.
 *
 * <p>Costs:
 *
 * <ul>
 *   <li>linear polynomials enter the objective directly, constants as an offset;
 *   <li>piecewise-linear costs (model 1) by an epigraph variable {@code y_g ≥ f_k + m_k (P_g −
 *       p_k)} per segment (MATPOWER's constrained cost variables, manual eq. 6.5-6.6); they must be
 *       convex;
 *   <li>convex quadratics {@code c2 P² + c1 P + c0} by an epigraph variable {@code y_g ≥ c2 P²}
 *       bounded by tangent cuts {@code y_g ≥ 2 c2 p P − c2 p²}: {@value #INITIAL_CUTS} over [PMIN,
 *       PMAX] to start, then Kelley's cutting-plane method (J. E. Kelley, "The cutting-plane
 *       method for solving convex programs", J. SIAM 8(4), 1960) adds a cut at each generator's
 *       current output until the true cost of the LP's dispatch exceeds the LP bound by at most
 *       the relative tolerance, or until the bound stops rising (GLOP's own precision, about 1e-9
 *       relative, is reached). The LP optimum is a lower bound and the true cost of its feasible
 *       dispatch an upper bound, so {@link DispatchResult#relativeApproximationError()} bounds the
 *       error. Last, rounds of cuts at ±{@value #LMP_REFINEMENT_MW} MW around each output (until
 *       the outputs stay within that distance) make the LMPs, subgradients of the cut model, agree
 *       with the exact marginal costs to about {@code 4 c2 · }{@value #LMP_REFINEMENT_MW} $/MWh.
 * </ul>
 *
 * <p>LMPs are the duals of the nodal balances, $/MWh: {@code LMP_i = λ_island + Σ_l μ_l
 * PTDF_l,i}, where {@code λ} is the dual of the island balance row and {@code μ_l} that of branch
 * {@code l}'s row (both ∂cost/∂right-hand side); the cost of serving 1 MW more at bus i.
 * Polynomials of degree above 2 and non-convex costs are refused, as MATPOWER's DC OPF does.
 * Infeasible and all-isolated cases give a failed result with a message, never an exception.
 */
public final class DcOptimalPowerFlow {
  /** Default relative tolerance of the cutting-plane gap (cost − bound) / max(1, |cost|). */
  public static final double DEFAULT_RELATIVE_GAP = 1e-9;
  /** Default limit on LP solves. */
  public static final int DEFAULT_MAX_LP_SOLVES = 200;
  /** Distance to a limit below which a constraint counts as binding, MW. */
  public static final double BINDING_TOLERANCE_MW = 1e-6;
  /** A branch is added to the LP when its flow exceeds RATE_A by more than this, MW. */
  public static final double OVERLOAD_TOLERANCE_MW = 1e-7;
  static final int INITIAL_CUTS = 5;
  /** A cutting-plane gap above this (relative) when the cuts stop is reported as a warning. */
  static final double STALL_WARNING_GAP = 1e-7;
  static final double LMP_REFINEMENT_MW = 1e-4;
  static final int MAX_REFINEMENTS = 10;

  /**
   * GLOP's presolve is off: the LPs here are small and grow by rows between solves, and without
   * presolve GLOP re-solves from the previous basis (case9241pegase: 0.2 s instead of 1-3 s) and
   * reaches a tighter optimum (cutting-plane gap 1e-10 instead of a 2e-9 floor on case9).
   */
  static final String GLOP_PARAMETERS = "use_preprocessing: false";

  private static boolean nativesLoaded;

  private DcOptimalPowerFlow() {}

  /**
   * Loads OR-Tools' native libraries once per JVM (about a second the first time). Called by
   * {@link #solve}; call it yourself to keep the load out of a timing.
   */
  public static synchronized void loadNativeLibraries() {
    if (!nativesLoaded) {
      Loader.loadNativeLibraries();
      nativesLoaded = true;
    }
  }

  /** Solves with the default tolerance and limits. */
  public static DispatchResult solve(PowerNetwork network) {
    return solve(network, DEFAULT_RELATIVE_GAP, DEFAULT_MAX_LP_SOLVES);
  }

  /**
   * Solves the DC-OPF of {@code network}.
   *
   * @param network the case
   * @param relativeGap stopping tolerance of the cutting planes, &gt; 0 (e.g. 1e-9)
   * @param maxLpSolves limit on LP solves, &gt;= 1; reaching it with branches still overloaded
   *     fails, with only a cost gap left it is reported in the warnings
   * @return the dispatch, or a failed result with a message
   * @throws IllegalArgumentException for bad options
   */
  public static DispatchResult solve(PowerNetwork network, double relativeGap, int maxLpSolves) {
    if (!(relativeGap > 0) || maxLpSolves < 1) {
      throw new IllegalArgumentException("relativeGap must be > 0 and maxLpSolves >= 1");
    }
    loadNativeLibraries(); // once per JVM; kept out of the solve time
    long start = System.nanoTime();
    Topology topology = Topology.of(network);
    List<String> warnings = new ArrayList<>(topology.warnings());
    if (topology.allBusesIsolated()) {
      return failure(network, "no in-service buses (all buses isolated); nothing to solve", warnings, start);
    }
    if (!network.hasCosts()) {
      return failure(network, "the case has no mpc.gencost: a dispatch needs generator costs", warnings, start);
    }
    String costProblem = checkCosts(network, topology);
    if (costProblem != null) {
      return failure(network, costProblem, warnings, start);
    }
    DcModel model = DcModel.of(network, topology);
    String capacityProblem = checkCapacity(network, topology, model);
    if (capacityProblem != null) {
      return failure(network, capacityProblem, warnings, start);
    }
    DcNetworkSolver dc;
    try {
      dc = DcNetworkSolver.of(model);
    } catch (IllegalStateException e) {
      return failure(network, e.getMessage(), warnings, start);
    }
    MPSolver solver = MPSolver.createSolver("GLOP");
    if (!solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS)) {
      throw new IllegalStateException("GLOP refused its parameters " + GLOP_PARAMETERS);
    }
    try {
      return new Lp(dc, solver, warnings, start).solve(relativeGap, maxLpSolves);
    } finally {
      solver.delete();
    }
  }

  private static String checkCosts(PowerNetwork network, Topology topology) {
    for (int g = 0; g < network.generators().size(); g++) {
      if (!topology.generatorInService(g)) {
        continue;
      }
      CostCurve cost = network.costs().get(g);
      if (cost instanceof PolynomialCost p && p.degree() > 2) {
        return "generator " + (g + 1) + " at bus " + network.generators().get(g).bus() + ": polynomial cost of degree "
            + p.degree() + "; the DC-OPF handles degree 2 at most (as MATPOWER's)";
      }
      if (!cost.isConvex()) {
        return "generator " + (g + 1) + " at bus " + network.generators().get(g).bus()
            + ": cost curve is not convex; the DC-OPF needs convex costs";
      }
    }
    return null;
  }

  private static String checkCapacity(PowerNetwork network, Topology topology, DcModel model) {
    for (int k = 0; k < topology.islands().size(); k++) {
      Island island = topology.islands().get(k);
      double demand = 0;
      for (int i : island.buses()) {
        demand += model.fixedDemandMw(i);
      }
      double max = 0;
      double min = 0;
      for (int g = 0; g < network.generators().size(); g++) {
        if (topology.generatorInService(g) && topology.islandOf(model.generatorBus(g)) == k) {
          max += network.generators().get(g).maxActivePowerMw();
          min += network.generators().get(g).minActivePowerMw();
        }
      }
      if (demand > max + 1e-9 || demand < min - 1e-9) {
        return String.format("infeasible: the island of bus %d (%d buses) has demand %.3f MW outside its"
                + " in-service generation range [%.3f, %.3f] MW",
            network.buses().get(island.buses().get(0)).number(), island.buses().size(), demand, min, max);
      }
    }
    return null;
  }

  static DispatchResult failure(PowerNetwork network, String message, List<String> warnings, long start) {
    int nb = network.buses().size();
    int nl = network.branches().size();
    double[] nan = new double[nb];
    Arrays.fill(nan, Double.NaN);
    double[] loading = new double[nl];
    Arrays.fill(loading, Double.NaN);
    return new DispatchResult(network.name(), false, message, warnings, Double.NaN, Double.NaN, 0,
        new double[network.generators().size()], nan, new double[nl], loading, nan.clone(), List.of(), Double.NaN,
        (System.nanoTime() - start) / 1e9);
  }

  /** The LP of one solve: variables, rows and the constraint-generation / cutting-plane loop. */
  private static final class Lp {
    private final PowerNetwork network;
    private final Topology topology;
    private final DcModel model;
    private final DcNetworkSolver dc;
    private final MPSolver solver;
    private final List<String> warnings;
    private final long start;
    private final MPVariable[] pg;
    private final MPVariable[] epigraph;
    private final double[] quadratic;
    private final MPConstraint[] islandBalance;
    private final MPConstraint[] branchRow;
    private final double[][] branchSensitivity;
    private final double[] baseFlowMw;

    Lp(DcNetworkSolver dc, MPSolver solver, List<String> warnings, long start) {
      this.dc = dc;
      this.model = dc.model();
      this.network = model.network();
      this.topology = model.topology();
      this.solver = solver;
      this.warnings = warnings;
      this.start = start;
      int ng = network.generators().size();
      int nl = network.branches().size();
      pg = new MPVariable[ng];
      epigraph = new MPVariable[ng];
      quadratic = new double[ng];
      islandBalance = new MPConstraint[topology.islands().size()];
      branchRow = new MPConstraint[nl];
      branchSensitivity = new double[nl][];
      baseFlowMw = dc.flowsMw(dc.anglesRad(injectionsMw(new double[ng])));
      build();
    }

    /** Net injection per bus for a dispatch: generation − PD − GS, MW. */
    private double[] injectionsMw(double[] generationMw) {
      double[] injection = new double[network.buses().size()];
      for (int i = 0; i < injection.length; i++) {
        injection[i] = -model.fixedDemandMw(i);
      }
      for (int g = 0; g < generationMw.length; g++) {
        if (topology.generatorInService(g)) {
          injection[model.generatorBus(g)] += generationMw[g];
        }
      }
      return injection;
    }

    private void build() {
      double inf = MPSolver.infinity();
      for (int k = 0; k < islandBalance.length; k++) {
        double demand = 0;
        for (int i : topology.islands().get(k).buses()) {
          demand += model.fixedDemandMw(i);
        }
        islandBalance[k] = solver.makeConstraint(demand, demand, "");
      }
      MPObjective objective = solver.objective();
      double offset = 0;
      for (int g = 0; g < pg.length; g++) {
        if (!topology.generatorInService(g)) {
          continue;
        }
        Generator gen = network.generators().get(g);
        pg[g] = solver.makeNumVar(gen.minActivePowerMw(), gen.maxActivePowerMw(), "");
        islandBalance[topology.islandOf(model.generatorBus(g))].setCoefficient(pg[g], 1.0);
        CostCurve cost = network.costs().get(g);
        if (cost instanceof PolynomialCost p) {
          offset += p.coefficient(0);
          objective.setCoefficient(pg[g], p.coefficient(1));
          if (p.degree() == 2 && p.coefficient(2) > 0) {
            quadratic[g] = p.coefficient(2);
            epigraph[g] = solver.makeNumVar(0, inf, "");
            objective.setCoefficient(epigraph[g], 1.0);
            double lo = gen.minActivePowerMw();
            double hi = gen.maxActivePowerMw();
            for (int k = 0; k < INITIAL_CUTS; k++) {
              addCut(g, lo + (hi - lo) * k / (INITIAL_CUTS - 1));
              if (hi == lo) {
                break;
              }
            }
          }
        } else if (cost instanceof PiecewiseLinearCost c) {
          epigraph[g] = solver.makeNumVar(-inf, inf, "");
          objective.setCoefficient(epigraph[g], 1.0);
          for (int k = 0; k < c.segmentCount(); k++) {
            double m = c.slope(k);
            MPConstraint cut = solver.makeConstraint(c.segmentStartCost(k) - m * c.segmentStartPower(k), inf, "");
            cut.setCoefficient(epigraph[g], 1.0);
            cut.setCoefficient(pg[g], -m);
          }
        }
      }
      objective.setOffset(offset);
      objective.setMinimization();
    }

    /** Tangent of c2 P² at P = p: y ≥ 2 c2 p P − c2 p². */
    private void addCut(int g, double p) {
      double c2 = quadratic[g];
      MPConstraint cut = solver.makeConstraint(-c2 * p * p, MPSolver.infinity(), "");
      cut.setCoefficient(epigraph[g], 1.0);
      cut.setCoefficient(pg[g], -2 * c2 * p);
    }

    /** Adds branch l's rating row: −RATE_A ≤ F⁰_l + Σ_g PTDF_l,bus(g) P_g ≤ RATE_A. */
    private void addBranchRow(int l) {
      double rate = network.branches().get(l).rateAMva();
      double[] s = dc.flowSensitivity(l);
      branchSensitivity[l] = s;
      MPConstraint row = solver.makeConstraint(-rate - baseFlowMw[l], rate - baseFlowMw[l], "");
      for (int g = 0; g < pg.length; g++) {
        double coefficient = pg[g] == null ? 0 : s[model.generatorBus(g)];
        if (coefficient != 0) {
          row.setCoefficient(pg[g], coefficient);
        }
      }
      branchRow[l] = row;
    }

    DispatchResult solve(double relativeGap, int maxLpSolves) {
      int solves = 0;
      double bound;
      double cost;
      double[] generation = new double[pg.length];
      double[] anglesRad;
      double[] flows;
      int refinements = 0;
      double[] refinedAt = new double[pg.length];
      Arrays.fill(refinedAt, Double.POSITIVE_INFINITY);
      double previousBound = Double.NEGATIVE_INFINITY;
      while (true) {
        MPSolver.ResultStatus status = solver.solve();
        solves++;
        if (status != MPSolver.ResultStatus.OPTIMAL) {
          String why = status == MPSolver.ResultStatus.INFEASIBLE
              ? "infeasible: the demand cannot be served within generator and branch limits"
              : "the LP solver stopped with status " + status;
          return failure(network, why, warnings, start);
        }
        bound = solver.objective().value();
        cost = 0;
        for (int g = 0; g < pg.length; g++) {
          if (pg[g] != null) {
            generation[g] = pg[g].solutionValue();
            cost += network.costs().get(g).costPerHour(generation[g]);
          }
        }
        anglesRad = dc.anglesRad(injectionsMw(generation));
        flows = dc.flowsMw(anglesRad);
        int overloaded = 0;
        for (int l = 0; l < flows.length; l++) {
          Branch br = network.branches().get(l);
          if (branchRow[l] == null && topology.branchInService(l) && br.hasRateA()
              && Math.abs(flows[l]) > br.rateAMva() + OVERLOAD_TOLERANCE_MW) {
            addBranchRow(l);
            overloaded++;
          }
        }
        double scale = Math.max(1.0, Math.abs(cost));
        double gap = cost - bound;
        if (overloaded > 0) {
          if (solves >= maxLpSolves) {
            return failure(network, "stopped after " + solves + " LP solves with " + overloaded
                + " branches still over their rating", warnings, start);
          }
          continue;
        }
        boolean stalled = bound <= previousBound + 1e-13 * scale; // the LP's precision is reached
        previousBound = bound;
        if (gap > relativeGap * scale && solves < maxLpSolves && !stalled) {
          if (addTangentCuts(generation, relativeGap * scale) > 0) {
            continue;
          }
        } else if (gap > STALL_WARNING_GAP * scale) {
          warnings.add(String.format("cutting planes stopped after %d LP solves with relative gap %.2e", solves,
              gap / scale));
        }
        // refine around the optimum until outputs stay within the refinement width
        double move = 0;
        for (int g = 0; g < pg.length; g++) {
          if (quadratic[g] > 0) {
            move = Math.max(move, Math.abs(generation[g] - refinedAt[g]));
          }
        }
        if (move > LMP_REFINEMENT_MW && refinements < MAX_REFINEMENTS && solves < maxLpSolves) {
          System.arraycopy(generation, 0, refinedAt, 0, pg.length);
          if (addRefinementCuts(generation) > 0) {
            refinements++;
            continue;
          }
        }
        break;
      }
      return result(generation, anglesRad, flows, cost, bound, solves);
    }

    private int addTangentCuts(double[] generation, double absoluteGap) {
      double[] under = new double[pg.length];
      for (int g = 0; g < pg.length; g++) { // read the whole solution before the model changes
        if (quadratic[g] > 0) {
          under[g] = quadratic[g] * generation[g] * generation[g] - epigraph[g].solutionValue();
        }
      }
      int added = 0;
      for (int g = 0; g < pg.length; g++) {
        if (under[g] > 1e-3 * absoluteGap) {
          addCut(g, generation[g]);
          added++;
        }
      }
      return added; // 0: the remaining gap is LP round-off, not approximation
    }

    private int addRefinementCuts(double[] generation) {
      int added = 0;
      for (int g = 0; g < pg.length; g++) {
        if (quadratic[g] > 0) {
          Generator gen = network.generators().get(g);
          double below = generation[g] - LMP_REFINEMENT_MW;
          double above = generation[g] + LMP_REFINEMENT_MW;
          if (below >= gen.minActivePowerMw() && above <= gen.maxActivePowerMw()) {
            addCut(g, below);
            addCut(g, above);
            added += 2;
          }
        }
      }
      return added;
    }

    private DispatchResult result(double[] generation, double[] anglesRad, double[] flows, double cost, double bound,
        int solves) {
      int nb = network.buses().size();
      int nl = network.branches().size();
      double[] anglesDeg = new double[nb];
      double[] lmp = new double[nb];
      double demand = 0;
      for (int i = 0; i < nb; i++) {
        if (topology.busInService(i)) {
          anglesDeg[i] = Math.toDegrees(anglesRad[i]);
          lmp[i] = islandBalance[topology.islandOf(i)].dualValue();
          demand += model.fixedDemandMw(i);
        } else {
          anglesDeg[i] = Double.NaN;
          lmp[i] = Double.NaN;
        }
      }
      double[] loading = new double[nl];
      List<BindingConstraint> binding = new ArrayList<>();
      for (int l = 0; l < nl; l++) {
        Branch br = network.branches().get(l);
        boolean limited = topology.branchInService(l) && br.hasRateA();
        loading[l] = limited ? 100 * Math.abs(flows[l]) / br.rateAMva() : Double.NaN;
        double mu = branchRow[l] == null ? 0 : branchRow[l].dualValue();
        if (mu != 0) {
          double[] s = branchSensitivity[l];
          for (int i = 0; i < nb; i++) {
            if (topology.busInService(i)) {
              lmp[i] += mu * s[i];
            }
          }
        }
        if (limited && br.rateAMva() - Math.abs(flows[l]) <= BINDING_TOLERANCE_MW) {
          binding.add(new BindingConstraint(BindingConstraint.Kind.BRANCH_RATING, l,
              String.format("branch %d (%d-%d) at %+.3f MW of %.3f", l + 1, br.fromBus(), br.toBus(), flows[l],
                  br.rateAMva()),
              flows[l], Math.copySign(br.rateAMva(), flows[l]), Math.abs(mu)));
        }
      }
      for (int g = 0; g < pg.length; g++) {
        if (pg[g] == null) {
          continue;
        }
        Generator gen = network.generators().get(g);
        if (gen.maxActivePowerMw() == gen.minActivePowerMw()) {
          continue;
        }
        double shadow = Math.abs(pg[g].reducedCost());
        if (gen.maxActivePowerMw() - generation[g] <= BINDING_TOLERANCE_MW) {
          binding.add(new BindingConstraint(BindingConstraint.Kind.GENERATOR_MAX, g,
              String.format("generator %d (bus %d) at PMAX %.3f MW", g + 1, gen.bus(), gen.maxActivePowerMw()),
              generation[g], gen.maxActivePowerMw(), shadow));
        } else if (generation[g] - gen.minActivePowerMw() <= BINDING_TOLERANCE_MW) {
          binding.add(new BindingConstraint(BindingConstraint.Kind.GENERATOR_MIN, g,
              String.format("generator %d (bus %d) at PMIN %.3f MW", g + 1, gen.bus(), gen.minActivePowerMw()),
              generation[g], gen.minActivePowerMw(), shadow));
        }
      }
      return new DispatchResult(network.name(), true, "", warnings, cost, bound, solves, generation, anglesDeg,
          flows, loading, lmp, binding, demand, (System.nanoTime() - start) / 1e9);
    }
  }
}

package io.citybrain.grid.flow;

import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Island;
import io.citybrain.grid.topology.Topology;
import java.util.Arrays;

/**
 * The factorised reduced susceptance matrix of a {@link DcModel}: solves the DC nodal equations
 * {@code B_bus θ = P − Pbusinj} for the angles and gives flow sensitivities (the power transfer
 * distribution factors, PTDF; A. J. Wood, B. F. Wollenberg, G. B. Sheblé, "Power Generation,
 * Operation, and Control", 3rd ed., Wiley 2014, section 7.3).
 *
 * <p>The matrix is {@code B_bus} with the rows and columns of each island's angle reference
 * replaced by the identity (the reference angle moves to the right-hand side), so it stays
 * symmetric; it is numbered in {@link MinimumDegreeOrdering} and factorised once with EJML's
 * sparse Cholesky (sparse LU when it is not positive definite). Each island's reference bus balances its island.
 */
public final class DcNetworkSolver {
  private final DcModel model;
  private final int[] position;
  private final boolean[] reference;
  private final SparseLu lu;
  private final int size;

  private DcNetworkSolver(DcModel model) {
    this.model = model;
    PowerNetwork network = model.network();
    Topology topology = model.topology();
    int nb = network.buses().size();
    reference = new boolean[nb];
    for (Island island : topology.islands()) {
      reference[island.angleReferenceBus()] = true;
    }
    int[] order = MinimumDegreeOrdering.order(model.adjacency());
    position = new int[nb];
    int n = 0;
    for (int i : order) {
      position[i] = topology.busInService(i) ? n++ : -1;
    }
    size = n;
    lu = n == 0 ? null : new SparseLu(n, 4 * n + 4 * network.branches().size());
    if (n == 0) {
      return;
    }
    for (int i = 0; i < nb; i++) {
      if (reference[i]) {
        lu.add(position[i], position[i], 1.0);
      }
    }
    for (int l = 0; l < network.branches().size(); l++) {
      if (!topology.branchInService(l)) {
        continue;
      }
      int f = model.from(l);
      int t = model.to(l);
      double b = model.susceptancePu(l);
      if (!reference[f]) {
        lu.add(position[f], position[f], b);
        if (!reference[t]) {
          lu.add(position[f], position[t], -b);
        }
      }
      if (!reference[t]) {
        lu.add(position[t], position[t], b);
        if (!reference[f]) {
          lu.add(position[t], position[f], -b);
        }
      }
    }
    if (!lu.factorSymmetric()) {
      throw new IllegalStateException("DC model of " + network.name() + ": the reduced B matrix is singular");
    }
  }

  /**
   * Factorises the DC model's reduced B matrix.
   *
   * @throws IllegalStateException if it is singular (reactances that cancel exactly)
   */
  public static DcNetworkSolver of(DcModel model) {
    return new DcNetworkSolver(model);
  }

  /** The model. */
  public DcModel model() {
    return model;
  }

  /**
   * Bus angles for given net injections.
   *
   * @param injectionMw generation minus fixed demand (PD + GS) at each bus, MW, indexed like the
   *     network's buses; ignored at reference buses and isolated buses
   * @return angles in radians per bus (0 for isolated buses); reference buses keep their VA
   */
  public double[] anglesRad(double[] injectionMw) {
    PowerNetwork network = model.network();
    int nb = network.buses().size();
    double[] angles = new double[nb];
    if (size == 0) {
      return angles;
    }
    double base = network.baseMva();
    double[] rhs = new double[size];
    double[] referenceAngle = new double[nb];
    for (Island island : model.topology().islands()) {
      referenceAngle[island.angleReferenceBus()] = model.referenceAngleRad(island);
    }
    for (int i = 0; i < nb; i++) {
      if (position[i] >= 0) {
        rhs[position[i]] = reference[i] ? referenceAngle[i]
            : injectionMw[i] / base - model.busShiftInjectionPu(i);
      }
    }
    // the reference angles move to the right-hand side of their neighbours' rows
    for (int l = 0; l < network.branches().size(); l++) {
      if (!model.topology().branchInService(l)) {
        continue;
      }
      int f = model.from(l);
      int t = model.to(l);
      double b = model.susceptancePu(l);
      if (reference[t] && !reference[f]) {
        rhs[position[f]] += b * referenceAngle[t];
      }
      if (reference[f] && !reference[t]) {
        rhs[position[t]] += b * referenceAngle[f];
      }
    }
    double[] x = lu.solve(rhs);
    for (int i = 0; i < nb; i++) {
      if (position[i] >= 0) {
        angles[i] = x[position[i]];
      }
    }
    return angles;
  }

  /**
   * Sensitivity of the flow on branch {@code l} to an injection at each bus withdrawn at its
   * island's reference bus: {@code ∂F_l/∂P_i} in MW per MW (0 for reference and isolated buses
   * and for out-of-service branches). Computed as {@code b_l (e_f − e_t)ᵀ B_red⁻¹}, one sparse
   * solve (B_red is symmetric).
   *
   * @param l branch index
   * @return one value per bus
   */
  public double[] flowSensitivity(int l) {
    int nb = model.network().buses().size();
    double[] row = new double[nb];
    if (size == 0 || !model.topology().branchInService(l)) {
      return row;
    }
    double b = model.susceptancePu(l);
    double[] rhs = new double[size];
    if (!reference[model.from(l)]) {
      rhs[position[model.from(l)]] += b;
    }
    if (!reference[model.to(l)]) {
      rhs[position[model.to(l)]] -= b;
    }
    double[] x = lu.solve(rhs);
    for (int i = 0; i < nb; i++) {
      if (position[i] >= 0 && !reference[i]) {
        row[i] = x[position[i]];
      }
    }
    return row;
  }

  /**
   * Flows on every branch, MW, for bus angles in radians (exactly 0 out of service).
   */
  public double[] flowsMw(double[] anglesRad) {
    double[] flows = new double[model.network().branches().size()];
    for (int l = 0; l < flows.length; l++) {
      flows[l] = model.flowMw(l, anglesRad);
    }
    return flows;
  }

  /** Whether bus {@code i} is the angle reference of its island. */
  public boolean isReference(int i) {
    return reference[i];
  }

  @Override
  public String toString() {
    return "DcNetworkSolver[" + model.network().name() + ", " + size + " buses, references "
        + Arrays.toString(java.util.stream.IntStream.range(0, reference.length).filter(i -> reference[i]).toArray())
        + "]";
  }
}

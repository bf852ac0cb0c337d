package io.citybrain.grid.flow;

import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.BusType;
import io.citybrain.grid.network.Generator;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Island;
import io.citybrain.grid.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * AC power flow by Newton-Raphson in polar coordinates (W. F. Tinney and C. E. Hart, "Power Flow
 * Solution by Newton's Method", IEEE Trans. PAS-86(11), 1967; MATPOWER {@code newtonpf}, manual
 * section 4.2): unknowns are the angles of PV and PQ buses and the magnitudes of PQ buses; the
 * mismatch vector is {@code [ΔP(pv, pq); ΔQ(pq)]} of {@code S = V conj(Ybus V) − Sbus} in p.u.
 * The Jacobian is assembled sparse, numbered per bus in minimum-degree order, and solved with
 * EJML's sparse LU.
 *
 * <p>Bus roles follow MATPOWER's {@code bustypes}: each island's slack is chosen by {@link
 * Topology}; a bus of type PV or reference with an in-service generator is PV; every other bus is
 * PQ. Generator voltage set-points VG override the bus VM at PV and slack buses. Reactive limits
 * are not enforced (MATPOWER's default {@code pf.enforce_q_lims = 0}). The start is the case's
 * VM/VA. Convergence: largest mismatch below {@code tolerancePu} (MATPOWER default 1e-8).
 */
public final class AcPowerFlow {
  /** MATPOWER's default {@code pf.tol}, p.u. */
  public static final double DEFAULT_TOLERANCE_PU = 1e-8;
  /** MATPOWER's default {@code pf.nr.max_it}. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  private AcPowerFlow() {}

  /** Power flow of the case-file dispatch (generator PG, QG), with default options. */
  public static AcPowerFlowResult solve(PowerNetwork network) {
    return solve(network, null, DEFAULT_TOLERANCE_PU, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * Power flow of a given dispatch.
   *
   * @param network the network
   * @param generationMw active output per generator, MW (e.g. a DC-OPF dispatch); null for the
   *     case file's PG
   * @param tolerancePu convergence tolerance on the largest mismatch, p.u., &gt; 0
   * @param maxIterations Newton iterations allowed, &gt;= 1
   * @return the solution, or a result with {@code converged() == false} and a message (never
   *     throws for a network that {@link Topology} accepts)
   * @throws IllegalArgumentException for a wrong-length dispatch or bad options
   */
  public static AcPowerFlowResult solve(PowerNetwork network, double[] generationMw, double tolerancePu,
      int maxIterations) {
    if (generationMw != null && generationMw.length != network.generators().size()) {
      throw new IllegalArgumentException("generationMw has " + generationMw.length + " entries, network has "
          + network.generators().size() + " generators");
    }
    if (!(tolerancePu > 0) || maxIterations < 1) {
      throw new IllegalArgumentException("tolerance must be > 0 and maxIterations >= 1");
    }
    Topology topology = Topology.of(network);
    List<String> warnings = new ArrayList<>(topology.warnings());
    int nb = network.buses().size();
    int nl = network.branches().size();
    double base = network.baseMva();
    double[] vmOut = new double[nb];
    double[] vaOut = new double[nb];
    java.util.Arrays.fill(vmOut, Double.NaN);
    java.util.Arrays.fill(vaOut, Double.NaN);
    if (topology.allBusesIsolated()) {
      return new AcPowerFlowResult(false, 0, Double.NaN, vmOut, vaOut, new double[nl], 0, 0, 0, 0,
          "no in-service buses (all buses isolated); nothing to solve", warnings);
    }

    // bus roles
    boolean[] slack = new boolean[nb];
    for (Island island : topology.islands()) {
      int s = island.slackBus() >= 0 ? island.slackBus() : island.angleReferenceBus();
      slack[s] = true;
    }
    boolean[] hasGen = new boolean[nb];
    double[] pSchedMw = new double[nb];
    double[] qSchedMvar = new double[nb];
    double[] vSet = new double[nb];
    List<Generator> gens = network.generators();
    for (int g = 0; g < gens.size(); g++) {
      if (!topology.generatorInService(g)) {
        continue;
      }
      int i = network.busIndex(gens.get(g).bus());
      hasGen[i] = true;
      pSchedMw[i] += generationMw == null ? gens.get(g).activePowerMw() : generationMw[g];
      qSchedMvar[i] += gens.get(g).reactivePowerMvar();
      vSet[i] = gens.get(g).voltageSetpointPu(); // the last generator's set-point wins, as in MATPOWER
    }
    boolean[] pv = new boolean[nb];
    for (int i = 0; i < nb; i++) {
      Bus bus = network.buses().get(i);
      pSchedMw[i] -= bus.loadMw();
      qSchedMvar[i] -= bus.loadMvar();
      pv[i] = topology.busInService(i) && !slack[i] && hasGen[i]
          && (bus.type() == BusType.PV || bus.type() == BusType.REFERENCE);
    }

    // numbering
    DcModel adjacencySource = DcModel.of(network, topology);
    int[] order = MinimumDegreeOrdering.order(adjacencySource.adjacency());
    int[] position = new int[nb];
    int[] busAt = new int[nb];
    int n = 0;
    for (int i : order) {
      if (topology.busInService(i)) {
        busAt[n] = i;
        position[i] = n++;
      } else {
        position[i] = -1;
      }
    }
    int[] angleVar = new int[n];
    int[] magnitudeVar = new int[n];
    int unknowns = 0;
    for (int p = 0; p < n; p++) {
      int i = busAt[p];
      angleVar[p] = slack[i] ? -1 : unknowns++;
      magnitudeVar[p] = (slack[i] || pv[i]) ? -1 : unknowns++;
    }
    AdmittanceMatrix y = AdmittanceMatrix.build(network, topology, position, n);

    double[] vm = new double[n];
    double[] va = new double[n];
    double[] pSched = new double[n];
    double[] qSched = new double[n];
    for (int p = 0; p < n; p++) {
      int i = busAt[p];
      Bus bus = network.buses().get(i);
      vm[p] = (slack[i] || pv[i]) && hasGen[i] ? vSet[i] : bus.voltageMagnitudePu();
      va[p] = Math.toRadians(bus.voltageAngleDeg());
      pSched[p] = pSchedMw[i] / base;
      qSched[p] = qSchedMvar[i] / base;
    }

    double[] pCalc = new double[n];
    double[] qCalc = new double[n];
    double[] mismatch = new double[unknowns];
    SparseLu lu = unknowns > 0 ? new SparseLu(unknowns, 4 * y.column.length) : null;
    int iterations = 0;
    boolean converged = false;
    double maxMismatch = Double.NaN;
    while (true) {
      injections(y, vm, va, pCalc, qCalc);
      maxMismatch = 0;
      for (int p = 0; p < n; p++) {
        if (angleVar[p] >= 0) {
          mismatch[angleVar[p]] = pCalc[p] - pSched[p];
          maxMismatch = Math.max(maxMismatch, Math.abs(mismatch[angleVar[p]]));
        }
        if (magnitudeVar[p] >= 0) {
          mismatch[magnitudeVar[p]] = qCalc[p] - qSched[p];
          maxMismatch = Math.max(maxMismatch, Math.abs(mismatch[magnitudeVar[p]]));
        }
      }
      if (maxMismatch < tolerancePu) {
        converged = true;
        break;
      }
      if (iterations >= maxIterations || !Double.isFinite(maxMismatch)) {
        break;
      }
      iterations++;
      assembleJacobian(lu, y, vm, va, pCalc, qCalc, angleVar, magnitudeVar);
      if (!lu.factor()) {
        warnings.add("singular Jacobian at iteration " + iterations);
        break;
      }
      double[] dx = lu.solve(mismatch);
      for (int p = 0; p < n; p++) {
        if (angleVar[p] >= 0) {
          va[p] -= dx[angleVar[p]];
        }
        if (magnitudeVar[p] >= 0) {
          vm[p] -= dx[magnitudeVar[p]];
        }
      }
    }

    // results
    double totalGeneration = 0;
    double totalLoad = 0;
    double shunt = 0;
    for (int p = 0; p < n; p++) {
      int i = busAt[p];
      Bus bus = network.buses().get(i);
      vmOut[i] = vm[p];
      vaOut[i] = Math.toDegrees(va[p]);
      totalLoad += bus.loadMw();
      shunt += bus.shuntConductanceMw() * vm[p] * vm[p];
      if (slack[i]) {
        totalGeneration += pCalc[p] * base + bus.loadMw();
      }
    }
    for (int g = 0; g < gens.size(); g++) {
      if (topology.generatorInService(g) && !slack[network.busIndex(gens.get(g).bus())]) {
        totalGeneration += generationMw == null ? gens.get(g).activePowerMw() : generationMw[g];
      }
    }
    double[] flows = new double[nl];
    double losses = 0;
    for (int l = 0; l < nl; l++) {
      if (!topology.branchInService(l)) {
        continue;
      }
      int f = position[network.busIndex(network.branches().get(l).fromBus())];
      int t = position[network.busIndex(network.branches().get(l).toBus())];
      double[] yb = y.branchAdmittance[l];
      double pf = branchPower(yb[0], yb[1], yb[2], yb[3], vm[f], va[f], vm[t], va[t]);
      double pt = branchPower(yb[6], yb[7], yb[4], yb[5], vm[t], va[t], vm[f], va[f]);
      flows[l] = pf * base;
      losses += (pf + pt) * base;
    }
    String message = converged ? "" : "Newton-Raphson did not converge in " + iterations
        + " iterations (largest mismatch " + maxMismatch + " p.u.)";
    return new AcPowerFlowResult(converged, iterations, maxMismatch, vmOut, vaOut, flows, totalGeneration,
        totalLoad, losses, shunt, message, warnings);
  }

  /** Active power entering a branch end: Re(V_a conj(Y_aa V_a + Y_ab V_b)), p.u. */
  private static double branchPower(double yaaRe, double yaaIm, double yabRe, double yabIm, double vmA,
      double vaA, double vmB, double vaB) {
    double varRe = vmA * Math.cos(vaA);
    double varIm = vmA * Math.sin(vaA);
    double vbRe = vmB * Math.cos(vaB);
    double vbIm = vmB * Math.sin(vaB);
    double iRe = yaaRe * varRe - yaaIm * varIm + yabRe * vbRe - yabIm * vbIm;
    double iIm = yaaRe * varIm + yaaIm * varRe + yabRe * vbIm + yabIm * vbRe;
    return varRe * iRe + varIm * iIm;
  }

  /** P and Q injected at each bus for the voltages (p.u.). */
  private static void injections(AdmittanceMatrix y, double[] vm, double[] va, double[] p, double[] q) {
    int n = y.size;
    double[] vr = new double[n];
    double[] vi = new double[n];
    for (int k = 0; k < n; k++) {
      vr[k] = vm[k] * Math.cos(va[k]);
      vi[k] = vm[k] * Math.sin(va[k]);
    }
    for (int i = 0; i < n; i++) {
      double iRe = 0;
      double iIm = 0;
      for (int e = y.rowStart[i]; e < y.rowStart[i + 1]; e++) {
        int k = y.column[e];
        iRe += y.conductance[e] * vr[k] - y.susceptance[e] * vi[k];
        iIm += y.conductance[e] * vi[k] + y.susceptance[e] * vr[k];
      }
      p[i] = vr[i] * iRe + vi[i] * iIm;
      q[i] = vi[i] * iRe - vr[i] * iIm;
    }
  }

  /** Polar Jacobian d[P;Q]/d[θ;|V|] (e.g. Grainger and Stevenson, Power System Analysis, §9.4). */
  private static void assembleJacobian(SparseLu lu, AdmittanceMatrix y, double[] vm, double[] va, double[] p,
      double[] q, int[] angleVar, int[] magnitudeVar) {
    lu.clear();
    for (int i = 0; i < y.size; i++) {
      int rowP = angleVar[i];
      int rowQ = magnitudeVar[i];
      if (rowP < 0 && rowQ < 0) {
        continue;
      }
      for (int e = y.rowStart[i]; e < y.rowStart[i + 1]; e++) {
        int k = y.column[e];
        double g = y.conductance[e];
        double b = y.susceptance[e];
        int colTheta = angleVar[k];
        int colV = magnitudeVar[k];
        if (k == i) {
          double v2 = vm[i] * vm[i];
          if (rowP >= 0) {
            if (colTheta >= 0) {
              lu.add(rowP, colTheta, -q[i] - b * v2);
            }
            if (colV >= 0) {
              lu.add(rowP, colV, p[i] / vm[i] + g * vm[i]);
            }
          }
          if (rowQ >= 0) {
            if (colTheta >= 0) {
              lu.add(rowQ, colTheta, p[i] - g * v2);
            }
            if (colV >= 0) {
              lu.add(rowQ, colV, q[i] / vm[i] - b * vm[i]);
            }
          }
          continue;
        }
        double angle = va[i] - va[k];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double gsMinusBc = g * sin - b * cos;
        double gcPlusBs = g * cos + b * sin;
        if (rowP >= 0) {
          if (colTheta >= 0) {
            lu.add(rowP, colTheta, vm[i] * vm[k] * gsMinusBc);
          }
          if (colV >= 0) {
            lu.add(rowP, colV, vm[i] * gcPlusBs);
          }
        }
        if (rowQ >= 0) {
          if (colTheta >= 0) {
            lu.add(rowQ, colTheta, -vm[i] * vm[k] * gcPlusBs);
          }
          if (colV >= 0) {
            lu.add(rowQ, colV, vm[i] * gsMinusBc);
          }
        }
      }
    }
  }
}

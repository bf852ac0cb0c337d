package io.citybrain.grid.flow;

import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Island;
import io.citybrain.grid.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * The lossless DC network model of MATPOWER's {@code makeBdc} (MATPOWER manual, section 3.7,
 * eq. 3.29-3.32), restricted to in-service elements: for each in-service branch {@code l} from bus
 * {@code f} to bus {@code t}, with series reactance {@code x}, tap ratio {@code τ} (1 for lines)
 * and phase shift {@code φ} (radians),
 *
 * <pre>
 *   b_l       = 1 / (x τ)                       (p.u.)
 *   P_f,l     = b_l (θ_f − θ_t) + Pfinj_l       (p.u. of baseMVA, from f to t)
 *   Pfinj_l   = −b_l φ
 *   B_bus     = C_ftᵀ diag(b) C_ft,   Pbusinj = C_ftᵀ Pfinj
 *   nodal balance:  B_bus θ + Pbusinj = (Pg − Pd − Gs) / baseMVA
 * </pre>
 *
 * <p>Shunt conductance {@code Gs} counts as load at 1 p.u. voltage (MATPOWER's DC model). Series
 * resistance and line charging are ignored. Indices are into the network's lists; isolated buses
 * take no part.
 */
public final class DcModel {
  private final PowerNetwork network;
  private final Topology topology;
  private final int[] branchFrom;
  private final int[] branchTo;
  private final double[] branchSusceptancePu;
  private final double[] branchShiftInjectionPu;
  private final double[] busShiftInjectionPu;
  private final double[] fixedDemandMw;
  private final int[] generatorBus;

  private DcModel(PowerNetwork network, Topology topology) {
    this.network = network;
    this.topology = topology;
    List<Branch> branches = network.branches();
    int nb = network.buses().size();
    branchFrom = new int[branches.size()];
    branchTo = new int[branches.size()];
    branchSusceptancePu = new double[branches.size()];
    branchShiftInjectionPu = new double[branches.size()];
    busShiftInjectionPu = new double[nb];
    for (int l = 0; l < branches.size(); l++) {
      Branch br = branches.get(l);
      branchFrom[l] = network.busIndex(br.fromBus());
      branchTo[l] = network.busIndex(br.toBus());
      if (!topology.branchInService(l)) {
        continue;
      }
      double b = 1.0 / (br.reactancePu() * br.effectiveTapRatio());
      branchSusceptancePu[l] = b;
      branchShiftInjectionPu[l] = -b * Math.toRadians(br.phaseShiftDeg());
      busShiftInjectionPu[branchFrom[l]] += branchShiftInjectionPu[l];
      busShiftInjectionPu[branchTo[l]] -= branchShiftInjectionPu[l];
    }
    fixedDemandMw = new double[nb];
    for (int i = 0; i < nb; i++) {
      Bus bus = network.buses().get(i);
      fixedDemandMw[i] = topology.busInService(i) ? bus.loadMw() + bus.shuntConductanceMw() : 0.0;
    }
    generatorBus = new int[network.generators().size()];
    for (int g = 0; g < generatorBus.length; g++) {
      generatorBus[g] = network.busIndex(network.generators().get(g).bus());
    }
  }

  /** Builds the DC model of the in-service part of {@code network}. */
  public static DcModel of(PowerNetwork network, Topology topology) {
    return new DcModel(network, topology);
  }

  /** The network. */
  public PowerNetwork network() {
    return network;
  }

  /** The topology the model was built on. */
  public Topology topology() {
    return topology;
  }

  /** Bus index of branch {@code l}'s from end. */
  public int from(int l) {
    return branchFrom[l];
  }

  /** Bus index of branch {@code l}'s to end. */
  public int to(int l) {
    return branchTo[l];
  }

  /** {@code b_l = 1/(x τ)}, p.u.; 0 for out-of-service branches. */
  public double susceptancePu(int l) {
    return branchSusceptancePu[l];
  }

  /** {@code Pfinj_l = −b_l φ_l}, p.u.; 0 for out-of-service branches. */
  public double shiftInjectionPu(int l) {
    return branchShiftInjectionPu[l];
  }

  /** {@code Pbusinj_i}, p.u. */
  public double busShiftInjectionPu(int i) {
    return busShiftInjectionPu[i];
  }

  /** PD + GS of bus {@code i} in MW (0 for isolated buses): the DC model's fixed demand. */
  public double fixedDemandMw(int i) {
    return fixedDemandMw[i];
  }

  /** Bus index of generator {@code g}. */
  public int generatorBus(int g) {
    return generatorBus[g];
  }

  /** Fixed angle of the island's reference bus, radians (its VA in the file, as MATPOWER). */
  public double referenceAngleRad(Island island) {
    return Math.toRadians(network.buses().get(island.angleReferenceBus()).voltageAngleDeg());
  }

  /**
   * Flow on branch {@code l} from its from-bus, MW, for bus angles in radians; exactly 0 for
   * out-of-service branches.
   */
  public double flowMw(int l, double[] anglesRad) {
    if (!topology.branchInService(l)) {
      return 0.0;
    }
    return network.baseMva()
        * (branchSusceptancePu[l] * (anglesRad[branchFrom[l]] - anglesRad[branchTo[l]])
            + branchShiftInjectionPu[l]);
  }

  /** Neighbour lists of buses through in-service branches (for orderings). */
  public List<List<Integer>> adjacency() {
    int nb = network.buses().size();
    List<List<Integer>> adjacency = new ArrayList<>(nb);
    for (int i = 0; i < nb; i++) {
      adjacency.add(new ArrayList<>());
    }
    for (int l = 0; l < branchFrom.length; l++) {
      if (topology.branchInService(l)) {
        adjacency.get(branchFrom[l]).add(branchTo[l]);
        adjacency.get(branchTo[l]).add(branchFrom[l]);
      }
    }
    return adjacency;
  }
}

package io.citybrain.grid.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable power network as read from a MATPOWER case: buses, branches and generators in file
 * order, and one active-power cost curve per generator (aligned by index).
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>name</td><td>-</td><td>case name (the MATPOWER function name)</td></tr>
 *   <tr><td>baseMva</td><td>MVA</td><td>&gt; 0; the per-unit power base</td></tr>
 *   <tr><td>buses</td><td>-</td><td>unique bus numbers, any order</td></tr>
 *   <tr><td>branches, generators</td><td>-</td><td>refer to existing bus numbers</td></tr>
 *   <tr><td>costs</td><td>-</td><td>empty (no {@code gencost}) or one per generator</td></tr>
 * </table>
 *
 * <p>Elements are referred to by their 0-based index in these lists; buses also by number.
 */
public final class PowerNetwork {
  private final String name;
  private final double baseMva;
  private final List<Bus> buses;
  private final List<Branch> branches;
  private final List<Generator> generators;
  private final List<CostCurve> costs;
  private final Map<Integer, Integer> busIndexByNumber;

  /**
   * @param name case name
   * @param baseMva per-unit power base, MVA, &gt; 0
   * @param buses buses with unique numbers
   * @param branches branches between existing buses
   * @param generators generators at existing buses
   * @param costs empty, or one cost curve per generator
   * @throws IllegalArgumentException if a rule above is broken (the reader checks these first and
   *     reports them with file positions)
   */
  public PowerNetwork(
      String name,
      double baseMva,
      List<Bus> buses,
      List<Branch> branches,
      List<Generator> generators,
      List<CostCurve> costs) {
    if (!(baseMva > 0) || !Double.isFinite(baseMva)) {
      throw new IllegalArgumentException("baseMVA must be positive, got " + baseMva);
    }
    if (!costs.isEmpty() && costs.size() != generators.size()) {
      throw new IllegalArgumentException(
          "need one cost curve per generator: " + costs.size() + " costs, " + generators.size() + " generators");
    }
    this.name = name;
    this.baseMva = baseMva;
    this.buses = List.copyOf(buses);
    this.branches = List.copyOf(branches);
    this.generators = List.copyOf(generators);
    this.costs = List.copyOf(costs);
    Map<Integer, Integer> index = new HashMap<>();
    for (int i = 0; i < this.buses.size(); i++) {
      if (index.put(this.buses.get(i).number(), i) != null) {
        throw new IllegalArgumentException("duplicate bus number " + this.buses.get(i).number());
      }
    }
    this.busIndexByNumber = Map.copyOf(index);
    for (Branch b : this.branches) {
      requireBus(b.fromBus(), "branch from-bus");
      requireBus(b.toBus(), "branch to-bus");
    }
    for (Generator g : this.generators) {
      requireBus(g.bus(), "generator bus");
    }
  }

  private void requireBus(int number, String what) {
    if (!busIndexByNumber.containsKey(number)) {
      throw new IllegalArgumentException(what + " " + number + " is not a bus of the network");
    }
  }

  /** Case name. */
  public String name() {
    return name;
  }

  /** Per-unit power base, MVA. */
  public double baseMva() {
    return baseMva;
  }

  /** Buses in file order. */
  public List<Bus> buses() {
    return buses;
  }

  /** Branches in file order. */
  public List<Branch> branches() {
    return branches;
  }

  /** Generators in file order. */
  public List<Generator> generators() {
    return generators;
  }

  /** Cost curves aligned with {@link #generators()}, or empty if the case has none. */
  public List<CostCurve> costs() {
    return costs;
  }

  /** Whether every generator has a cost curve. */
  public boolean hasCosts() {
    return !costs.isEmpty() || generators.isEmpty();
  }

  /** Fixed demands, one per bus with non-zero PD or QD, in bus order. */
  public List<Load> loads() {
    List<Load> loads = new ArrayList<>();
    for (Bus b : buses) {
      if (b.loadMw() != 0 || b.loadMvar() != 0) {
        loads.add(new Load(b.number(), b.loadMw(), b.loadMvar()));
      }
    }
    return loads;
  }

  /**
   * Index of the bus with this number.
   *
   * @param busNumber external bus number
   * @throws IllegalArgumentException if there is no such bus
   */
  public int busIndex(int busNumber) {
    Integer index = busIndexByNumber.get(busNumber);
    if (index == null) {
      throw new IllegalArgumentException("no bus number " + busNumber + " in network " + name);
    }
    return index;
  }

  /** The bus with this number, if any. */
  public Optional<Bus> bus(int busNumber) {
    Integer index = busIndexByNumber.get(busNumber);
    return index == null ? Optional.empty() : Optional.of(buses.get(index));
  }

  /** Sum of PD over all buses, MW (the "load" of MATPOWER's summaries). */
  public double totalLoadMw() {
    double sum = 0;
    for (Bus b : buses) {
      sum += b.loadMw();
    }
    return sum;
  }

  @Override
  public String toString() {
    return "PowerNetwork[" + name + ": " + buses.size() + " buses, " + branches.size() + " branches, "
        + generators.size() + " generators]";
  }
}

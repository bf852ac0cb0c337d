package io.citybrain.grid.topology;

import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.BusType;
import io.citybrain.grid.network.Generator;
import io.citybrain.grid.network.PowerNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which elements of a network are in service and how the in-service buses form islands, with one
 * angle reference per island, as MATPOWER's {@code ext2int} and {@code bustypes} decide (MATPOWER
 * manual, section 9.4.1 and {@code help ext2int}):
 *
 * <ul>
 *   <li>a bus is in service unless its type is 4 (isolated);
 *   <li>a generator is in service if its status is positive and its bus is in service;
 *   <li>a branch is in service if its status is positive and both its buses are in service.
 * </ul>
 *
 * <p>Unlike MATPOWER's OPF, which fixes the angle of every type-3 bus, each island gets exactly
 * one angle reference: the first type-3 bus of the island in file order; others are treated as PV
 * buses, with a warning naming them (fixing two angles in one island forces a fictitious flow
 * pattern). An island without a type-3 bus takes the bus with the largest in-service generation
 * capacity. The AC slack bus is the angle reference if it has an in-service generator, otherwise
 * the first PV bus with one (MATPOWER {@code bustypes}), with a warning.
 */
public final class Topology {
  private static final int MAX_LISTED = 10;

  private final boolean[] busInService;
  private final boolean[] branchInService;
  private final boolean[] generatorInService;
  private final int[] islandOfBus;
  private final List<Island> islands;
  private final List<String> warnings;

  private Topology(boolean[] busInService, boolean[] branchInService, boolean[] generatorInService,
      int[] islandOfBus, List<Island> islands, List<String> warnings) {
    this.busInService = busInService;
    this.branchInService = branchInService;
    this.generatorInService = generatorInService;
    this.islandOfBus = islandOfBus;
    this.islands = List.copyOf(islands);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Computes the topology of {@code network}. Never throws for a valid network; problems such as
   * all buses isolated show as no islands plus warnings.
   */
  public static Topology of(PowerNetwork network) {
    List<Bus> buses = network.buses();
    List<Branch> branches = network.branches();
    List<Generator> gens = network.generators();
    List<String> warnings = new ArrayList<>();
    boolean[] busOn = new boolean[buses.size()];
    for (int i = 0; i < busOn.length; i++) {
      busOn[i] = buses.get(i).inService();
    }
    boolean[] genOn = new boolean[gens.size()];
    List<String> offGens = new ArrayList<>();
    for (int g = 0; g < genOn.length; g++) {
      Generator gen = gens.get(g);
      boolean busActive = busOn[network.busIndex(gen.bus())];
      genOn[g] = gen.inService() && busActive;
      if (gen.inService() && !busActive) {
        offGens.add("generator " + (g + 1) + " at bus " + gen.bus());
      }
    }
    boolean[] branchOn = new boolean[branches.size()];
    List<String> offBranches = new ArrayList<>();
    for (int k = 0; k < branchOn.length; k++) {
      Branch br = branches.get(k);
      boolean ends = busOn[network.busIndex(br.fromBus())] && busOn[network.busIndex(br.toBus())];
      branchOn[k] = br.inService() && ends;
      if (br.inService() && !ends) {
        offBranches.add("branch " + (k + 1) + " (" + br.fromBus() + "-" + br.toBus() + ")");
      }
    }
    if (!offGens.isEmpty()) {
      warnings.add(list(offGens) + " treated as out of service: connected to an isolated bus (type 4)");
    }
    if (!offBranches.isEmpty()) {
      warnings.add(list(offBranches) + " treated as out of service: connected to an isolated bus (type 4)");
    }

    // islands by union-find over in-service branches
    int[] parent = new int[buses.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int k = 0; k < branchOn.length; k++) {
      if (branchOn[k]) {
        union(parent, network.busIndex(branches.get(k).fromBus()), network.busIndex(branches.get(k).toBus()));
      }
    }
    double[] capacity = new double[buses.size()];
    boolean[] hasGen = new boolean[buses.size()];
    for (int g = 0; g < genOn.length; g++) {
      if (genOn[g]) {
        int b = network.busIndex(gens.get(g).bus());
        capacity[b] += gens.get(g).maxActivePowerMw();
        hasGen[b] = true;
      }
    }
    int[] islandOfRoot = new int[buses.size()];
    java.util.Arrays.fill(islandOfRoot, -1);
    int[] islandOfBus = new int[buses.size()];
    java.util.Arrays.fill(islandOfBus, -1);
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < buses.size(); i++) {
      if (!busOn[i]) {
        continue;
      }
      int root = find(parent, i);
      if (islandOfRoot[root] < 0) {
        islandOfRoot[root] = members.size();
        members.add(new ArrayList<>());
      }
      islandOfBus[i] = islandOfRoot[root];
      members.get(islandOfRoot[root]).add(i);
    }
    List<Island> islands = new ArrayList<>();
    for (List<Integer> island : members) {
      islands.add(island(network, island, hasGen, capacity, warnings, members.size() > 1));
    }
    if (islands.isEmpty()) {
      warnings.add("no in-service buses (all buses isolated); nothing to solve");
    }
    return new Topology(busOn, branchOn, genOn, islandOfBus, islands, warnings);
  }

  private static Island island(PowerNetwork network, List<Integer> island, boolean[] hasGen, double[] capacity,
      List<String> warnings, boolean several) {
    List<Bus> buses = network.buses();
    String where = several ? " in the island of bus " + buses.get(island.get(0)).number() : "";
    List<Integer> refs = island.stream().filter(i -> buses.get(i).type() == BusType.REFERENCE).toList();
    int reference;
    if (!refs.isEmpty()) {
      reference = refs.get(0);
      if (refs.size() > 1) {
        String extra = refs.subList(1, refs.size()).stream().map(i -> "bus " + buses.get(i).number())
            .collect(Collectors.joining(", "));
        warnings.add(refs.size() + " reference buses in one island" + where + " ("
            + refs.stream().map(i -> String.valueOf(buses.get(i).number())).collect(Collectors.joining(", "))
            + "); bus " + buses.get(reference).number() + " used as angle reference, " + extra
            + " treated as PV");
      }
    } else {
      reference = island.get(0);
      for (int i : island) {
        if (hasGen[i] && (!hasGen[reference] || capacity[i] > capacity[reference])) {
          reference = i;
        }
      }
      if (island.size() > 1 || hasGen[reference]) {
        warnings.add("no reference bus" + where + "; bus " + buses.get(reference).number()
            + " used as angle reference");
      }
    }
    int slack = -1;
    if (hasGen[reference]) {
      slack = reference;
    } else {
      for (int i : island) {
        if (hasGen[i] && buses.get(i).type() == BusType.PV) {
          slack = i;
          break;
        }
      }
      if (slack < 0) {
        for (int i : island) {
          if (hasGen[i]) {
            slack = i;
            break;
          }
        }
      }
      if (buses.get(reference).type() == BusType.REFERENCE) {
        warnings.add("reference bus " + buses.get(reference).number() + " has no in-service generator"
            + (slack >= 0 ? "; bus " + buses.get(slack).number() + " takes the slack role in AC power flow"
                : "; the island has no generator"));
      }
    }
    return new Island(island, reference, slack);
  }

  private static String list(List<String> items) {
    String head = items.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
    return items.size() > MAX_LISTED ? head + " and " + (items.size() - MAX_LISTED) + " more" : head;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** Whether bus {@code index} is in service. */
  public boolean busInService(int index) {
    return busInService[index];
  }

  /** Whether branch {@code index} is in service (status and both buses). */
  public boolean branchInService(int index) {
    return branchInService[index];
  }

  /** Whether generator {@code index} is in service (status and bus). */
  public boolean generatorInService(int index) {
    return generatorInService[index];
  }

  /** Island number of bus {@code index}, or -1 for an isolated bus. */
  public int islandOf(int busIndex) {
    return islandOfBus[busIndex];
  }

  /** The islands, ordered by their first bus in file order. */
  public List<Island> islands() {
    return islands;
  }

  /** Whether no bus is in service. */
  public boolean allBusesIsolated() {
    return islands.isEmpty();
  }

  /** Warnings about the topology (isolated elements, reference buses), in a stable order. */
  public List<String> warnings() {
    return warnings;
  }
}

package io.citybrain.grid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.Generator;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property check: in every solution of every bundled case, with the case's loads and with loads
 * perturbed at random (seeded; the seed is printed), power balances at every bus, no rated branch
 * exceeds RATE_A, every generator stays within its limits, out-of-service elements carry exactly
 * nothing, and the reported cost is the cost curves' value at the dispatch.
 */
class DispatchInvariantsTest {
  static final double BALANCE_TOLERANCE_MW = 1e-5;
  static final double LIMIT_TOLERANCE_MW = 1e-6;
  static final int PERTURBATIONS = 3;

  static Stream<Arguments> casesAndSeeds() {
    List<Arguments> list = new ArrayList<>();
    for (String name : BundledCases.names()) {
      list.add(Arguments.of(name, 0L)); // seed 0: the case as published
      for (int k = 1; k <= PERTURBATIONS; k++) {
        list.add(Arguments.of(name, 1000L * name.length() + 7919L * k));
      }
    }
    return list.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("casesAndSeeds")
  void solutionsBalanceAndRespectLimits(String name, long seed) throws Exception {
    PowerNetwork network = seed == 0 ? BundledCases.read(name) : perturbLoads(BundledCases.read(name), seed);
    DispatchResult r = DcOptimalPowerFlow.solve(network);
    System.out.printf("%s seed %d: success %s, cost %.6f, %d LPs, %d binding%n", name, seed, r.success(),
        r.totalCostPerHour(), r.lpSolves(), r.bindingConstraints().size());
    if (!r.success()) {
      assertThat(seed).as("the published case must solve: " + r.message()).isNotZero();
      assertThat(r.message()).contains("infeasible");
      return;
    }
    checkInvariants(network, r);
  }

  static PowerNetwork perturbLoads(PowerNetwork network, long seed) {
    Random random = new Random(seed);
    List<Bus> buses = new ArrayList<>();
    for (Bus b : network.buses()) {
      double factor = 0.9 + 0.15 * random.nextDouble(); // 90 % .. 105 % of the published load
      buses.add(new Bus(b.number(), b.type(), b.loadMw() * factor, b.loadMvar() * factor, b.shuntConductanceMw(),
          b.shuntSusceptanceMvar(), b.area(), b.voltageMagnitudePu(), b.voltageAngleDeg(), b.baseKv(), b.zone(),
          b.maxVoltagePu(), b.minVoltagePu()));
    }
    return new PowerNetwork(network.name() + "-seed" + seed, network.baseMva(), buses, network.branches(),
        network.generators(), network.costs());
  }

  static void checkInvariants(PowerNetwork network, DispatchResult r) {
    Topology topology = Topology.of(network);
    double[] pg = r.generationMw();
    double[] flows = r.flowsMw();
    double[] net = new double[network.buses().size()];
    double cost = 0;
    for (int g = 0; g < pg.length; g++) {
      Generator gen = network.generators().get(g);
      if (!topology.generatorInService(g)) {
        assertThat(pg[g]).as("out-of-service generator %d", g + 1).isEqualTo(0.0);
        continue;
      }
      assertThat(pg[g]).as("generator %d output", g + 1)
          .isBetween(gen.minActivePowerMw() - LIMIT_TOLERANCE_MW, gen.maxActivePowerMw() + LIMIT_TOLERANCE_MW);
      net[network.busIndex(gen.bus())] += pg[g];
      cost += network.costs().get(g).costPerHour(pg[g]);
    }
    for (int i = 0; i < net.length; i++) {
      Bus bus = network.buses().get(i);
      if (topology.busInService(i)) {
        net[i] -= bus.loadMw() + bus.shuntConductanceMw();
      }
    }
    for (int l = 0; l < flows.length; l++) {
      Branch br = network.branches().get(l);
      if (!topology.branchInService(l)) {
        assertThat(flows[l]).as("out-of-service branch %d", l + 1).isEqualTo(0.0);
        continue;
      }
      if (br.hasRateA()) {
        assertThat(Math.abs(flows[l])).as("branch %d flow vs RATE_A %s", l + 1, br.rateAMva())
            .isLessThanOrEqualTo(br.rateAMva() + LIMIT_TOLERANCE_MW);
      }
      net[network.busIndex(br.fromBus())] -= flows[l];
      net[network.busIndex(br.toBus())] += flows[l];
    }
    for (int i = 0; i < net.length; i++) {
      assertThat(Math.abs(net[i])).as("power balance at bus %d", network.buses().get(i).number())
          .isLessThan(BALANCE_TOLERANCE_MW);
    }
    assertThat(r.totalGenerationMw()).isCloseTo(r.demandMw(),
        org.assertj.core.api.Assertions.within(BALANCE_TOLERANCE_MW));
    assertThat(r.totalCostPerHour()).isCloseTo(cost, org.assertj.core.api.Assertions.within(1e-9 * Math.abs(cost)));
    assertThat(r.relativeApproximationError()).isLessThan(1e-8);
  }
}

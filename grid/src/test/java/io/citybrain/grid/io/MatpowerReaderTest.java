package io.citybrain.grid.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.grid.dispatch.DcOptimalPowerFlow;
import io.citybrain.grid.network.BusType;
import io.citybrain.grid.network.PiecewiseLinearCost;
import io.citybrain.grid.network.PolynomialCost;
import io.citybrain.grid.network.PowerNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatpowerReaderTest {

  @Test
  void readsEveryBundledCaseWithItsSizes() throws Exception {
    PowerNetwork pegase = BundledCases.read("case9241pegase");
    assertThat(pegase.buses()).hasSize(9241);
    assertThat(pegase.generators()).hasSize(1445);
    assertThat(pegase.branches()).hasSize(16049);
    assertThat(pegase.costs()).hasSize(1445);
    assertThat(BundledCases.read("case118").totalLoadMw()).isCloseTo(4242.0, within(1e-9));
    for (String name : BundledCases.names()) {
      assertThat(BundledCases.read(name).name()).isEqualTo(name);
    }
  }

  @Test
  void paddedGencostReadsOnlyNcostValues() throws Exception {
    PowerNetwork network = MatpowerReader.read("c10.m", io.citybrain.grid.TestCases.text("case_padded_gencost.m"));
    assertThat(((PolynomialCost) network.costs().get(0)).coefficientsHighestFirst())
        .containsExactly(0.01, 10, 0);
    PiecewiseLinearCost pwl = (PiecewiseLinearCost) network.costs().get(2);
    assertThat(pwl.powersMw()).containsExactly(0, 50, 100);
    assertThat(pwl.costsPerHour()).containsExactly(0, 2500, 5000);
  }

  @Test
  void tokenizerHandlesCommentsContinuationsCommasInfinityAndCellArrays() throws Exception {
    String text = """
        function mpc = tokens % a comment
        mpc.version = '2';
        mpc.baseMVA = 100;
        mpc.bus = [
          1, 3, 0, 0, 0, 0, 1, 1, 0, 230, 1, Inf, 0.9 % comment after a row
          2  1 1e1 ...
               0 0 0 1 1 -0.5 230 1 1.1 .9;
        ];
        mpc.gen = [ 1 0 0 Inf -Inf 1 100 1 2e2 0 ];
        mpc.branch = [ 1 2 0 0.1 0 0 0 0 0 0 1 ];
        mpc.bus_name = { 'one'; 'two; ''quoted''' };
        mpc.gencost = [ 2 0 0 2 10 0 ];
        """;
    PowerNetwork network = MatpowerReader.read("tokens.m", text);
    assertThat(network.name()).isEqualTo("tokens");
    assertThat(network.buses().get(0).maxVoltagePu()).isInfinite();
    assertThat(network.buses().get(1).loadMw()).isEqualTo(10);
    assertThat(network.buses().get(1).voltageAngleDeg()).isEqualTo(-0.5);
    assertThat(network.buses().get(1).minVoltagePu()).isEqualTo(0.9);
    assertThat(network.generators().get(0).maxReactivePowerMvar()).isInfinite();
    assertThat(network.generators().get(0).maxActivePowerMw()).isEqualTo(200);
    assertThat(network.branches().get(0).maxAngleDifferenceDeg()).isEqualTo(360);
    assertThat(network.buses().get(0).type()).isEqualTo(BusType.REFERENCE);
  }

  /**
   * Bus numbers that are not 1..N and rows in any order must not change the optimum: renumber
   * the buses (×7 + 1000) and shuffle every matrix's rows, keeping gencost aligned with gen.
   */
  @ParameterizedTest
  @ValueSource(strings = {"case9", "case30", "case118"})
  void renumberedAndShuffledCaseHasTheSameOptimum(String name) throws Exception {
    PowerNetwork original = BundledCases.read(name);
    long seed = name.hashCode();
    System.out.println(name + ": shuffle seed " + seed);
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder("function mpc = shuffled\nmpc.version = '2';\nmpc.baseMVA = ")
        .append(original.baseMva()).append(";\nmpc.bus = [\n");
    List<String> rows = new ArrayList<>();
    for (var b : original.buses()) {
      rows.add(String.format(java.util.Locale.ROOT, "%d %d %s %s %s %s %d %s %s %s %d %s %s;", b.number() * 7 + 1000,
          b.type().code(), b.loadMw(), b.loadMvar(), b.shuntConductanceMw(), b.shuntSusceptanceMvar(), b.area(),
          b.voltageMagnitudePu(), b.voltageAngleDeg(), b.baseKv(), b.zone(), b.maxVoltagePu(), b.minVoltagePu()));
    }
    Collections.shuffle(rows, random);
    rows.forEach(r -> sb.append(r).append('\n'));
    sb.append("];\nmpc.branch = [\n");
    rows.clear();
    for (var br : original.branches()) {
      rows.add(String.format(java.util.Locale.ROOT, "%d %d %s %s %s %s %s %s %s %s %d %s %s;", br.fromBus() * 7 + 1000,
          br.toBus() * 7 + 1000, br.resistancePu(), br.reactancePu(), br.chargingSusceptancePu(), br.rateAMva(),
          br.rateBMva(), br.rateCMva(), br.tapRatio(), br.phaseShiftDeg(), br.inService() ? 1 : 0,
          br.minAngleDifferenceDeg(), br.maxAngleDifferenceDeg()));
    }
    Collections.shuffle(rows, random);
    rows.forEach(r -> sb.append(r).append('\n'));
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < original.generators().size(); g++) {
      order.add(g);
    }
    Collections.shuffle(order, random);
    sb.append("];\nmpc.gen = [\n");
    for (int g : order) {
      var gen = original.generators().get(g);
      sb.append(String.format(java.util.Locale.ROOT, "%d %s %s %s %s %s %s %d %s %s;%n", gen.bus() * 7 + 1000,
          gen.activePowerMw(), gen.reactivePowerMvar(), gen.maxReactivePowerMvar(), gen.minReactivePowerMvar(),
          gen.voltageSetpointPu(), gen.machineBaseMva(), gen.inService() ? 1 : 0, gen.maxActivePowerMw(),
          gen.minActivePowerMw()));
    }
    sb.append("];\nmpc.gencost = [\n");
    for (int g : order) {
      double[] c = ((PolynomialCost) original.costs().get(g)).coefficientsHighestFirst();
      sb.append("2 0 0 ").append(c.length);
      for (double v : c) {
        sb.append(' ').append(v);
      }
      sb.append(";\n");
    }
    sb.append("];\n");
    PowerNetwork shuffled = MatpowerReader.read("shuffled.m", sb.toString());
    double expected = DcOptimalPowerFlow.solve(original).totalCostPerHour();
    double actual = DcOptimalPowerFlow.solve(shuffled).totalCostPerHour();
    assertThat(actual).isCloseTo(expected, within(1e-8 * expected));
  }
}

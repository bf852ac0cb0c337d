package io.citybrain.grid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.grid.flow.AcPowerFlow;
import io.citybrain.grid.flow.AcPowerFlowResult;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.network.PowerNetwork;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled cases against MATPOWER 8.1.1-dev's own figures, transcribed from the project's
 * {@code shared/bench/grid-reference.md} (rundcopf cost, LMP range, naive-baseline saving; runpf
 * totals).
 */
class MatpowerReferenceTest {

  /** case, DC-OPF cost $/h, LMP min, LMP max, saving over naive %. */
  static Stream<Arguments> dcOpfReference() {
    return Stream.of(
        Arguments.of("case5", 17479.895776, 10.0000, 39.9427, 18.24),
        Arguments.of("case9", 5216.026608, 24.0442, 24.0442, 1.00),
        Arguments.of("case14", 7642.591777, 39.0162, 39.0162, 8.04),
        Arguments.of("case30", 565.205966, 3.7892, 3.7892, 1.12),
        Arguments.of("case118", 125947.881418, 39.3814, 39.3814, 10.93),
        Arguments.of("case9241pegase", 312410.977673, 1.0000, 1.0000, 0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dcOpfReference")
  void dcOpfCostMatchesMatpower(String name, double cost, double lmpMin, double lmpMax, double savingPercent)
      throws Exception {
    PowerNetwork network = BundledCases.read(name);
    DispatchResult result = DcOptimalPowerFlow.solve(network);
    NaiveDispatchResult naive = NaiveDispatch.solve(network);
    double relativeError = Math.abs(result.totalCostPerHour() - cost) / cost;
    double saving = 100 * (naive.totalCostPerHour() - result.totalCostPerHour()) / naive.totalCostPerHour();
    System.out.printf("%s: cost %.6f (MATPOWER %.6f, rel. error %.2e, approx. error %.1e, %d LPs, %.3f s),"
            + " LMP %.4f..%.4f (MATPOWER %.4f..%.4f), saving %.2f%% (reference %.2f%%), naive overloads %d"
            + " worst %.1f%%%n",
        name, result.totalCostPerHour(), cost, relativeError, result.relativeApproximationError(), result.lpSolves(),
        result.solveSeconds(), result.minLmp(), result.maxLmp(), lmpMin, lmpMax, saving, savingPercent,
        naive.overloads().size(), naive.worstLoadingPercent());
    assertThat(result.success()).as(result.message()).isTrue();
    assertThat(relativeError).isLessThan(1e-6);
    assertThat(result.relativeApproximationError()).isLessThan(1e-9);
    assertThat(result.minLmp()).isCloseTo(lmpMin, within(2e-4));
    assertThat(result.maxLmp()).isCloseTo(lmpMax, within(2e-4));
    assertThat(saving).isCloseTo(savingPercent, within(0.005));
  }

  /**
   * case57 and case300 are bundled but not in the reference file: compute and print their
   * figures (reported in the closing note), and check them for internal consistency.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"case57", "case300"})
  void unlistedCasesAreComputedAndPrinted(String name) throws Exception {
    PowerNetwork network = BundledCases.read(name);
    DispatchResult result = DcOptimalPowerFlow.solve(network);
    NaiveDispatchResult naive = NaiveDispatch.solve(network);
    AcPowerFlowResult pf = AcPowerFlow.solve(network);
    double saving = 100 * (naive.totalCostPerHour() - result.totalCostPerHour()) / naive.totalCostPerHour();
    System.out.printf("%s (not in the reference): DC-OPF cost %.6f $/h (approx. error %.1e), LMP %.4f..%.4f $/MWh,"
            + " %d binding, naive %.6f $/h, saving %.2f%%, naive overloads %d; AC PF of the case dispatch: %s in %d"
            + " iterations, generation %.2f MW, losses %.2f MW, Vm %.4f..%.4f%n",
        name, result.totalCostPerHour(), result.relativeApproximationError(), result.minLmp(), result.maxLmp(),
        result.bindingConstraints().size(), naive.totalCostPerHour(), saving, naive.overloads().size(),
        pf.converged() ? "converged" : "not converged", pf.iterations(), pf.totalGenerationMw(),
        pf.totalGenerationMw() - pf.totalLoadMw(), pf.minVoltagePu(), pf.maxVoltagePu());
    assertThat(result.success()).as(result.message()).isTrue();
    assertThat(result.relativeApproximationError()).isLessThan(1e-8);
    assertThat(saving).isGreaterThanOrEqualTo(-1e-9);
    assertThat(pf.converged()).isTrue();
  }

  @Test
  void pegaseNaiveDispatchOverloads37BranchesWorst249Percent() throws Exception {
    NaiveDispatchResult naive = NaiveDispatch.solve(BundledCases.read("case9241pegase"));
    assertThat(naive.overloads()).hasSize(37);
    assertThat(naive.worstLoadingPercent()).isCloseTo(249, within(0.5));
  }

  /** case, iterations, total generation MW, losses MW, Vm min, Vm max. */
  static Stream<Arguments> acReference() {
    return Stream.of(
        Arguments.of("case9", 4, 319.64, 4.64, 0.9956, 1.0400),
        Arguments.of("case14", 2, 272.39, 13.39, 1.0100, 1.0900),
        Arguments.of("case118", 3, 4374.86, 132.86, 0.9430, 1.0500),
        Arguments.of("case9241pegase", 6, 320347.97, 7993.85, 0.8235, 1.1776));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acReference")
  void acPowerFlowMatchesMatpower(String name, int iterations, double generationMw, double lossesMw, double vmMin,
      double vmMax) throws Exception {
    PowerNetwork network = BundledCases.read(name);
    long t0 = System.nanoTime();
    AcPowerFlowResult pf = AcPowerFlow.solve(network);
    System.out.printf("%s AC PF: converged %s in %d iterations (MATPOWER %d), %.3f s; generation %.4f MW"
            + " (MATPOWER %.2f), branch losses %.4f MW, shunt %.4f MW (MATPOWER losses %.2f), Vm %.4f..%.4f%n",
        name, pf.converged(), pf.iterations(), iterations, (System.nanoTime() - t0) / 1e9, pf.totalGenerationMw(),
        generationMw, pf.branchLossesMw(), pf.shuntConsumptionMw(), lossesMw, pf.minVoltagePu(), pf.maxVoltagePu());
    assertThat(pf.converged()).as(pf.message()).isTrue();
    assertThat(pf.totalGenerationMw()).isCloseTo(generationMw, within(0.01));
    assertThat(pf.totalGenerationMw() - pf.totalLoadMw()).isCloseTo(lossesMw, within(0.01));
    assertThat(pf.minVoltagePu()).isCloseTo(vmMin, within(1e-4));
    assertThat(pf.maxVoltagePu()).isCloseTo(vmMax, within(1e-4));
  }
}

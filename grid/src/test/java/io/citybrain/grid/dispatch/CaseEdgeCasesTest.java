package io.citybrain.grid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.grid.TestCases;
import io.citybrain.grid.flow.AcPowerFlow;
import io.citybrain.grid.flow.AcPowerFlowResult;
import io.citybrain.grid.network.PowerNetwork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The grid edge cases C10, C12, C14 and C16 from real users' bug reports (shared/cases). */
class CaseEdgeCasesTest {

  @Nested
  class C10PaddedGencost {
    @Test
    void onlyNcostCoefficientsAreRead() throws Exception {
      PowerNetwork network = TestCases.read("case_padded_gencost.m");
      DispatchResult r = DcOptimalPowerFlow.solve(network);
      assertThat(r.success()).as(r.message()).isTrue();
      assertThat(r.generationMw()).containsExactly(new double[] {100.0 / 3, 200.0 / 3, 0}, within(1e-3));
      assertThat(r.lmpPerMwh()).containsExactly(new double[] {32.0 / 3, 32.0 / 3}, within(1e-3));
      assertThat(r.totalCostPerHour()).isCloseTo(2900.0 / 3, within(1e-4));
      assertThat(r.flowsMw()[0]).isCloseTo(100.0 / 3, within(1e-3));
      assertThat(r.anglesDeg()[1]).isCloseTo(-1.910, within(5e-4));
    }
  }

  @Nested
  class C12AllIsolated {
    @Test
    void failsWithMessageAndNoException() throws Exception {
      PowerNetwork network = TestCases.read("case_all_isolated.m");
      assertThatCode(() -> DcOptimalPowerFlow.solve(network)).doesNotThrowAnyException();
      DispatchResult r = DcOptimalPowerFlow.solve(network);
      assertThat(r.success()).isFalse();
      assertThat(r.message()).contains("all buses isolated");
      assertThat(r.generationMw()).containsOnly(0.0);
      assertThat(r.flowsMw()).containsOnly(0.0);
      assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("generator 1 at bus 1")
          .contains("out of service"));
      assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("branch 1 (1-2)").contains("branch 3 (1-3)"));
    }

    @Test
    void powerFlowAndBaselineFailTooAndTheNextCaseStillRuns() throws Exception {
      PowerNetwork network = TestCases.read("case_all_isolated.m");
      AcPowerFlowResult pf = AcPowerFlow.solve(network);
      assertThat(pf.converged()).isFalse();
      assertThat(pf.message()).contains("all buses isolated");
      assertThat(NaiveDispatch.solve(network).success()).isFalse();
      assertThat(DcOptimalPowerFlow.solve(TestCases.read("case_two_ref_buses.m")).success()).isTrue();
    }
  }

  @Nested
  class C14OutOfServiceBranchesToIsolatedBus {
    @Test
    void outOfServiceElementsCarryNothingAndAreNeverFlagged() throws Exception {
      PowerNetwork network = TestCases.read("case_oos_branch_isolated_bus.m");
      DispatchResult r = DcOptimalPowerFlow.solve(network);
      assertThat(r.success()).as(r.message()).isTrue();
      assertThat(r.generationMw()[0]).isCloseTo(50, within(1e-6));
      assertThat(r.generationMw()[1]).isEqualTo(0.0);
      assertThat(r.totalCostPerHour()).isCloseTo(1000, within(1e-6));
      assertThat(r.flowsMw()[0]).isCloseTo(50, within(1e-6));
      assertThat(r.flowsMw()[1]).isEqualTo(0.0);
      assertThat(r.flowsMw()[2]).isEqualTo(0.0);
      assertThat(r.loadingPercent()[1]).isNaN();
      assertThat(r.loadingPercent()[2]).isNaN();
      assertThat(r.bindingConstraints()).noneMatch(b -> b.kind() == BindingConstraint.Kind.BRANCH_RATING);
      assertThat(r.anglesDeg()[1]).isCloseTo(-2.865, within(5e-4));
      assertThat(r.anglesDeg()[2]).as("isolated bus angle is not applicable").isNaN();
      assertThat(r.lmpPerMwh()[2]).isNaN();
      assertThat(r.totalGenerationMw()).isCloseTo(50, within(1e-6));
      assertThat(r.demandMw()).isCloseTo(50, within(1e-9));
      assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("generator 2 at bus 3"));
    }

    @Test
    void naiveDispatchIgnoresTheIsolatedGenerator() throws Exception {
      NaiveDispatchResult naive = NaiveDispatch.solve(TestCases.read("case_oos_branch_isolated_bus.m"));
      assertThat(naive.generationMw()).containsExactly(new double[] {50, 0}, within(1e-9));
      assertThat(naive.overloads()).isEmpty();
    }
  }

  @Nested
  class C16ReferenceBuses {
    @Test
    void twoReferenceBusesInOneIslandWarnAndOnlyOneAngleIsFixed() throws Exception {
      DispatchResult r = DcOptimalPowerFlow.solve(TestCases.read("case_two_ref_buses.m"));
      assertThat(r.success()).as(r.message()).isTrue();
      assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("2 reference buses in one island (1, 2)")
          .contains("bus 1 used as angle reference").contains("bus 2 treated as PV"));
      assertThat(r.generationMw()).containsExactly(new double[] {100, 0}, within(1e-6));
      assertThat(r.totalCostPerHour()).isCloseTo(1000, within(1e-6));
      assertThat(r.lmpPerMwh()).containsOnly(10.0);
      assertThat(r.flowsMw()).containsExactly(new double[] {100.0 / 3, 200.0 / 3, 100.0 / 3}, within(1e-6));
      assertThat(r.anglesDeg()).containsExactly(new double[] {0, -1.910, -3.820}, within(5e-4));
    }

    @Test
    void referenceBusWithoutGeneratorWarnsAndNamesTheSlack() throws Exception {
      PowerNetwork network = TestCases.read("case_ref_without_gen.m");
      DispatchResult r = DcOptimalPowerFlow.solve(network);
      assertThat(r.success()).as(r.message()).isTrue();
      assertThat(r.warnings()).anySatisfy(w -> assertThat(w)
          .contains("reference bus 1 has no in-service generator")
          .contains("bus 2 takes the slack role in AC power flow"));
      assertThat(r.generationMw()[0]).isCloseTo(80, within(1e-6));
      assertThat(r.totalCostPerHour()).isCloseTo(2000, within(1e-6));
      assertThat(r.lmpPerMwh()).containsExactly(new double[] {25, 25, 25}, within(1e-9));
      // branches 1-2, 1-3, 2-3: 2→1 carries 26.67, so the 1→2 flow is negative
      assertThat(r.flowsMw()).containsExactly(new double[] {-80.0 / 3, 80.0 / 3, 160.0 / 3}, within(1e-6));
      assertThat(r.anglesDeg()).containsExactly(new double[] {0, 1.528, -1.528}, within(5e-4));
      AcPowerFlowResult pf = AcPowerFlow.solve(network);
      assertThat(pf.converged()).as(pf.message()).isTrue();
      assertThat(pf.totalGenerationMw()).isCloseTo(80, within(1e-6)); // r = 0: lossless
    }
  }
}

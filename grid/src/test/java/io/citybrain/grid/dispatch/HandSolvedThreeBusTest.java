package io.citybrain.grid.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.grid.io.MatpowerReader;
import io.citybrain.grid.network.PowerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 3-bus triangle solved by hand. Lines 1-2, 1-3, 2-3 have x = 0.1 p.u. (b = 10 p.u., 1000 MW per
 * rad); line 1-3 is limited to 50 MW. Generator 1 at bus 1 costs 10 $/MWh, generator 2 at bus 2
 * 30 $/MWh; 100 MW of load at bus 3.
 *
 * <p>With equal reactances an injection at bus 1 reaches bus 3 two thirds directly and one third
 * via bus 2, and an injection at bus 2 sends one third via bus 1: {@code F13 = (2 P1 + P2) / 3}.
 * With {@code P1 + P2 = 100}, {@code F13 = P1/3 + 100/3 ≤ 50} gives {@code P1 ≤ 50}, so the
 * optimum is P1 = 50, P2 = 50, cost 500 + 1500 = 2000 $/h. Flows: F13 = 50, F12 = 0, F23 = 50;
 * angles θ2 = 0, θ3 = −0.05 rad = −2.8648°. LMPs: 10 at bus 1 and 30 at bus 2 (their marginal
 * generators); at bus 3 one more MW needs ΔP1 = −1, ΔP2 = +2 to keep F13 at 50, so LMP3 = −10 +
 * 60 = 50 $/MWh. Shadow price of line 1-3: LMP3 = LMP1 + μ·PTDF(1-3, bus 3) with PTDF = −2/3
 * gives |μ| = 60 $/MWh.
 */
class HandSolvedThreeBusTest {
  static final String CASE = """
      function mpc = three_bus_hand
      mpc.version = '2';
      mpc.baseMVA = 100;
      mpc.bus = [
        1 3 0   0 0 0 1 1 0 230 1 1.1 0.9;
        2 2 0   0 0 0 1 1 0 230 1 1.1 0.9;
        3 1 100 0 0 0 1 1 0 230 1 1.1 0.9;
      ];
      mpc.gen = [
        1 0 0 100 -100 1 100 1 200 0;
        2 0 0 100 -100 1 100 1 200 0;
      ];
      mpc.branch = [
        1 2 0 0.1 0 0  0 0 0 0 1 -360 360;
        1 3 0 0.1 0 50 0 0 0 0 1 -360 360;
        2 3 0 0.1 0 0  0 0 0 0 1 -360 360;
      ];
      mpc.gencost = [
        2 0 0 2 10 0;
        2 0 0 2 30 0;
      ];
      """;

  static DispatchResult result;

  @BeforeAll
  static void solve() throws Exception {
    PowerNetwork network = MatpowerReader.read("three_bus_hand.m", CASE);
    result = DcOptimalPowerFlow.solve(network);
  }

  @Test
  void dispatchAndCost() {
    assertThat(result.success()).as(result.message()).isTrue();
    assertThat(result.generationMw()).containsExactly(new double[] {50, 50}, within(1e-6));
    assertThat(result.totalCostPerHour()).isCloseTo(2000, within(1e-6));
  }

  @Test
  void flowsAndAngles() {
    assertThat(result.flowsMw()).containsExactly(new double[] {0, 50, 50}, within(1e-6));
    assertThat(result.anglesDeg()).containsExactly(new double[] {0, 0, Math.toDegrees(-0.05)}, within(1e-6));
    assertThat(result.loadingPercent()[1]).isCloseTo(100, within(1e-6));
    assertThat(result.loadingPercent()[0]).isNaN();
  }

  @Test
  void lmpsWithOneCongestedLine() {
    assertThat(result.lmpPerMwh()).containsExactly(new double[] {10, 30, 50}, within(1e-6));
  }

  @Test
  void bindingConstraintIsLineOneThreeWithShadowPrice60() {
    assertThat(result.bindingConstraints())
        .filteredOn(b -> b.kind() == BindingConstraint.Kind.BRANCH_RATING)
        .singleElement()
        .satisfies(b -> {
          assertThat(b.index()).isEqualTo(1);
          assertThat(b.limitMw()).isEqualTo(50);
          assertThat(b.shadowPricePerMwh()).isCloseTo(60, within(1e-6));
        });
  }
}

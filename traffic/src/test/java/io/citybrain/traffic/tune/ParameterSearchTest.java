package io.citybrain.traffic.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.control.TuningRange;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameter search on a small crossing with unbalanced demand (10 minutes per evaluation). */
class ParameterSearchTest {
  private static final Scenario CROSSING =
      TestNetworks.scenario(
          TestNetworks.crossing(),
          new Demand(
              List.of(
                  new Flow("west", TestNetworks.car(), List.of("r_w", "r_e"), 3, 0, 600),
                  new Flow("south", TestNetworks.car(), List.of("r_s", "r_n"), 9, 0, 600))));

  private static ParameterSearch.Result search(long seed, Map<String, Double> fixed, int evaluations) {
    return ParameterSearch.run(
        CROSSING,
        "actuated-pressure",
        fixed,
        new ParameterSearch.Settings(evaluations, seed, SimulationConfig.defaults(), 600),
        ParameterSearch.Listener.NONE);
  }

  @Test
  void isDeterministicStaysInBudgetAndNeverReturnsWorseThanTheStart() {
    ParameterSearch.Result a = search(7, Map.of(), 12);
    ParameterSearch.Result b = search(7, Map.of(), 12);
    assertThat(a.history()).hasSizeLessThanOrEqualTo(12);
    assertThat(a.history().stream().map(ParameterSearch.Evaluation::parameters).toList())
        .isEqualTo(b.history().stream().map(ParameterSearch.Evaluation::parameters).toList());
    assertThat(a.best().parameters()).isEqualTo(b.best().parameters());
    assertThat(a.start().stage()).isEqualTo("start");
    assertThat(a.best().objective()).isLessThanOrEqualTo(a.start().objective());
    assertThat(a.history()).allSatisfy(e -> assertThat(e.objective()).isGreaterThanOrEqualTo(a.best().objective()));
    assertThat(a.completed()).isTrue();
  }

  @Test
  void searchesOnlyWithinTheRangesAndHoldsFixedParametersAndTheYellow() {
    ParameterSearch.Result r = search(3, Map.of("minGreenSeconds", 7.0), 10);
    List<TuningRange> ranges = SignalControllers.require("actuated-pressure").tuningRanges();
    assertThat(r.history()).allSatisfy(e -> {
      assertThat(e.parameters().get("minGreenSeconds")).isEqualTo(7.0);
      assertThat(e.parameters().get("yellowSeconds")).isEqualTo(5.0);
      if (!e.stage().equals("start")) {
        for (TuningRange t : ranges) {
          assertThat(e.parameters().get(t.name())).isBetween(t.low(), t.high());
        }
      }
    });
    assertThat(ranges).noneMatch(t -> t.name().equals("yellowSeconds"));
  }

  @Test
  void aControllerWithoutTuningRangesIsRefused() {
    assertThatThrownBy(() -> ParameterSearch.run(
            CROSSING, "max-pressure", Map.of(), new ParameterSearch.Settings(3, 1, SimulationConfig.defaults(), 60),
            ParameterSearch.Listener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no tunable parameters");
  }

  @Test
  void snapPutsValuesOnTheGridInsideTheRange() {
    TuningRange r = new TuningRange("x", 0, 1, 0.1);
    assertThat(r.snap(0.34)).isEqualTo(0.3);
    assertThat(r.snap(7)).isEqualTo(1.0);
    assertThat(r.snap(-1)).isEqualTo(0.0);
  }
}

package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.network.RoadLinkType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Baseline controllers decide as their rules say on a hand-built four-arm intersection where the answer is known. */
class BaselineControllerDecisionTest {
  // lanes: incoming N=0, S=1, E=2, W=3; outgoing N=10, S=11, E=12, W=13
  private static final IntersectionLayout CROSS =
      new IntersectionLayout(
          0,
          "X",
          List.of(
              new Movement(0, RoadLinkType.GO_STRAIGHT, "n_in", "s_out", List.of(new LaneLinkLayout(0, 11))),
              new Movement(1, RoadLinkType.GO_STRAIGHT, "s_in", "n_out", List.of(new LaneLinkLayout(1, 10))),
              new Movement(2, RoadLinkType.GO_STRAIGHT, "e_in", "w_out", List.of(new LaneLinkLayout(2, 13))),
              new Movement(3, RoadLinkType.GO_STRAIGHT, "w_in", "e_out", List.of(new LaneLinkLayout(3, 12)))),
          List.of(
              new PhaseLayout(0, 5, List.of(), true),
              new PhaseLayout(1, 30, List.of(0, 1), false),
              new PhaseLayout(2, 30, List.of(2, 3), false)),
          0,
          List.of(1, 2),
          List.of(0, 1, 2, 3),
          List.of(10, 11, 12, 13));

  private final SignalController controller =
      new MaxPressure()
          .create(new MaxPressure().resolve(Map.of()));

  @Test
  void picksThePhaseWithTheLargestUpstreamMinusDownstreamCount() {
    // N-S: (8 - 2) + (4 - 0) = 10; E-W: (9 - 6) + (5 - 1) = 7
    FakeObservation o =
        new FakeObservation()
            .at(100, 2, 20)
            .queue(0, 8)
            .queue(11, 2)
            .queue(1, 4)
            .queue(2, 9)
            .queue(13, 6)
            .queue(3, 5)
            .queue(12, 1);
    assertThat(MaxPressure.pressure(CROSS, 1, o)).isEqualTo(10);
    assertThat(MaxPressure.pressure(CROSS, 2, o)).isEqualTo(7);
    assertThat(controller.decide(CROSS, o).phase()).isEqualTo(1);
  }

  @Test
  void keepsTheCurrentPhaseOnATie() {
    FakeObservation o = new FakeObservation().at(100, 2, 20).queue(0, 3).queue(2, 3);
    assertThat(controller.decide(CROSS, o).phase()).isEqualTo(2);
    o.at(100, 1, 20);
    assertThat(controller.decide(CROSS, o).phase()).isEqualTo(1);
  }

  @Test
  void breaksATieAwayFromTheCurrentPhaseByLowestIndex() {
    // current phase is the yellow (not a candidate): tie between 1 and 2 goes to 1
    FakeObservation o = new FakeObservation().at(100, 0, 5).queue(0, 3).queue(2, 3);
    assertThat(controller.decide(CROSS, o).phase()).isEqualTo(1);
  }

  @Test
  void downstreamCongestionLowersPressure() {
    // N-S queues are long but their exits are full: E-W wins
    FakeObservation o =
        new FakeObservation().at(100, 1, 20).queue(0, 10).queue(1, 10).queue(10, 12).queue(11, 12).queue(2, 3);
    assertThat(controller.decide(CROSS, o).phase()).isEqualTo(2);
  }

  @Test
  void fixedTimeCyclesGreensInIndexOrder() {
    SignalControllerProvider p = new FixedTime();
    SignalController c = p.create(p.resolve(Map.of()));
    FakeObservation o = new FakeObservation().at(0, 0, 0);
    assertThat(c.decide(CROSS, o).phase()).isEqualTo(1);
    o.at(30, 1, 30);
    assertThat(c.decide(CROSS, o).phase()).isEqualTo(2);
    o.at(65, 2, 30);
    assertThat(c.decide(CROSS, o).phase()).isEqualTo(1);
  }

  @Test
  void sotlSwitchesOnlyAfterEnoughWaitingAndWhenTheGreenQueueHasCleared() {
    SignalControllerProvider p = new Sotl();
    SignalController c = p.create(p.resolve(Map.of()));
    c.init(List.of(CROSS));
    FakeObservation o = new FakeObservation().at(0, 0, 0);
    assertThat(c.decide(CROSS, o).phase()).isEqualTo(1);
    // 4 vehicles wait on the red E approach: 4 vehicle-seconds per second, threshold 30
    o.queue(2, 4);
    for (int t = 1; t <= 7; t++) {
      o.at(t, 1, t);
      assertThat(c.decide(CROSS, o).phase()).as("t=%d", t).isEqualTo(1);
    }
    o.at(8, 1, 8); // κ = 32 >= 30, green lanes empty
    assertThat(c.decide(CROSS, o).phase()).isEqualTo(2);
  }

  @Test
  void sotlHoldsTheGreenWhileItsQueueDischarges() {
    SignalControllerProvider p = new Sotl();
    SignalController c = p.create(p.resolve(Map.of()));
    c.init(List.of(CROSS));
    FakeObservation o = new FakeObservation().at(0, 0, 0);
    c.decide(CROSS, o);
    o.queue(2, 10);
    for (int k = 0; k < 5; k++) {
      o.vehicle(0, 7.5 * k + 1, 5); // 5 vehicles still moving towards the N stop line on green
    }
    for (int t = 1; t <= 20; t++) {
      o.at(t, 1, t);
      assertThat(c.decide(CROSS, o).phase()).isEqualTo(1);
    }
  }
}

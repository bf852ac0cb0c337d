package io.citybrain.traffic.control;

import static io.citybrain.traffic.control.TestLayouts.EAST_OUT;
import static io.citybrain.traffic.control.TestLayouts.SOUTH_IN;
import static io.citybrain.traffic.control.TestLayouts.SOUTH_NORTH;
import static io.citybrain.traffic.control.TestLayouts.WEST_EAST;
import static io.citybrain.traffic.control.TestLayouts.WEST_IN;
import static io.citybrain.traffic.control.TestLayouts.WEST_RIGHT_IN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * actuated-pressure on hand-set observations of a two-phase crossing, where the right phase
 * follows from the documented rule by hand (value = queue + moving − downstream, within 200 m;
 * extension while a vehicle moves within 30 m; extendMargin 10).
 */
class ActuatedPressureTest {
  private final IntersectionLayout layout = TestLayouts.crossing();

  /** Round parameters for hand computation, no age term, unless a test sets them. */
  private static final Object[] BASE = {
    "rangeMeters", 200, "runningWeight", 1, "downstreamWeight", 1, "gapMeters", 30, "startupSeconds", 3,
    "maxGreenSeconds", 60, "extendMargin", 10, "switchMargin", 0, "ageWeight", 0
  };

  private SignalController controller(Object... nameValue) {
    Object[] all = new Object[BASE.length + nameValue.length];
    System.arraycopy(BASE, 0, all, 0, BASE.length);
    System.arraycopy(nameValue, 0, all, BASE.length, nameValue.length);
    return TestLayouts.controller("actuated-pressure", layout, all);
  }

  private int decide(SignalController c, FakeObservation o) {
    return c.decide(layout, o).phase();
  }

  @Test
  void startsWithTheLargestPressure() {
    FakeObservation o = new FakeObservation().at(0, 0, 0).queue(WEST_IN, 2).queue(SOUTH_IN, 4);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void aQueueOnAMovementGreenInEveryPhaseDoesNotCount() {
    FakeObservation o =
        new FakeObservation().at(0, 0, 0).queue(WEST_RIGHT_IN, 20).queue(WEST_IN, 1).queue(SOUTH_IN, 2);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void vehiclesOnTheOutgoingLaneReducePressure() {
    // west 5 − 3 downstream = 2 < south 4
    FakeObservation o =
        new FakeObservation()
            .at(0, 0, 0)
            .queue(WEST_IN, 5)
            .queue(SOUTH_IN, 4)
            .vehicle(EAST_OUT, 100, 8)
            .vehicle(EAST_OUT, 150, 8)
            .vehicle(EAST_OUT, 200, 8);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
    assertThat(decide(controller("downstreamWeight", 0), o)).isEqualTo(WEST_EAST);
  }

  @Test
  void vehiclesBeyondTheRangeDoNotCount() {
    FakeObservation o = new FakeObservation().at(0, 0, 0).queue(WEST_IN, 3);
    for (int k = 0; k < 10; k++) {
      o.vehicle(SOUTH_IN, 210 + 8 * k, 10);
    }
    assertThat(decide(controller(), o)).isEqualTo(WEST_EAST);
    assertThat(decide(controller("rangeMeters", 300), o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void keepsAGreenWhoseQueueIsStillDischarging() {
    // west 1 moving within 30 m; south 6 standing: 6 − 1 < extendMargin 10
    FakeObservation o =
        new FakeObservation().at(100, WEST_EAST, 20).vehicle(WEST_IN, 15, 10).queue(SOUTH_IN, 6);
    assertThat(decide(controller(), o)).isEqualTo(WEST_EAST);
  }

  @Test
  void switchesWhenTheGreenGapsOut() {
    // the only west vehicle is 100 m away: no vehicle in the 30 m zone, south 6 > west 1
    FakeObservation o =
        new FakeObservation().at(100, WEST_EAST, 20).vehicle(WEST_IN, 100, 10).queue(SOUTH_IN, 6);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void cutsADischargingGreenForAQueueLargerByTheMargin() {
    FakeObservation o =
        new FakeObservation().at(100, WEST_EAST, 20).vehicle(WEST_IN, 15, 10).queue(SOUTH_IN, 11);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
    assertThat(decide(controller("extendMargin", 11), o)).isEqualTo(WEST_EAST);
  }

  @Test
  void theMaximumGreenEndsTheExtension() {
    FakeObservation o =
        new FakeObservation().at(100, WEST_EAST, 60).vehicle(WEST_IN, 15, 10).queue(SOUTH_IN, 3);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
    assertThat(decide(controller("maxGreenSeconds", 61), o)).isEqualTo(WEST_EAST);
  }

  @Test
  void aStandingQueueExtendsTheGreenOnlyWhileItStartsUp() {
    FakeObservation starting = new FakeObservation().at(100, WEST_EAST, 2).queue(WEST_IN, 2).queue(SOUTH_IN, 4);
    assertThat(decide(controller(), starting)).isEqualTo(WEST_EAST);
    // after the start-up time a standing queue under green is not discharging (blocked)
    FakeObservation stuck = new FakeObservation().at(100, WEST_EAST, 10).queue(WEST_IN, 2).queue(SOUTH_IN, 4);
    assertThat(decide(controller(), stuck)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void anIdleGreenIsKeptUnlessAnotherPhaseLeadsByTheSwitchMargin() {
    FakeObservation o = new FakeObservation().at(100, WEST_EAST, 20).queue(SOUTH_IN, 2);
    assertThat(decide(controller(), o)).isEqualTo(SOUTH_NORTH);
    assertThat(decide(controller("switchMargin", 2), o)).isEqualTo(WEST_EAST);
  }

  @Test
  void aLaneWaitingLongOutweighsASlightlyLargerFreshQueue() {
    SignalController aged = controller("ageWeight", 0.1);
    SignalController plain = controller();
    // south had green at t = 50; west never had green
    FakeObservation earlier = new FakeObservation().at(50, SOUTH_NORTH, 10);
    aged.decide(layout, earlier);
    plain.decide(layout, earlier);
    // t = 100: south 3 standing (age 50 s → 3 + 5), west 2 standing (age 100 s → 2 + 10)
    FakeObservation now = new FakeObservation().at(100, SOUTH_NORTH, 50).queue(WEST_IN, 2).queue(SOUTH_IN, 3);
    assertThat(decide(aged, now)).isEqualTo(WEST_EAST);
    assertThat(decide(plain, now)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void keepingDefersToTheEngineDefaultHold() {
    FakeObservation o = new FakeObservation().at(100, WEST_EAST, 20).vehicle(WEST_IN, 15, 10);
    PhaseDecision d = controller().decide(layout, o);
    assertThat(d.phase()).isEqualTo(WEST_EAST);
    assertThat(d.holdSeconds()).isNaN();
  }
}

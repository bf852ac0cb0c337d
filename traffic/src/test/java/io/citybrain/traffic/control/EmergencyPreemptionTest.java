package io.citybrain.traffic.control;

import static io.citybrain.traffic.control.TestLayouts.SOUTH_IN;
import static io.citybrain.traffic.control.TestLayouts.SOUTH_NORTH;
import static io.citybrain.traffic.control.TestLayouts.WEST_EAST;
import static io.citybrain.traffic.control.TestLayouts.WEST_IN;
import static io.citybrain.traffic.control.TestLayouts.WEST_RIGHT_IN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pre-emption decisions on hand-set approach notices (range 200 m). */
class EmergencyPreemptionTest {
  private final IntersectionLayout layout = TestLayouts.crossing();

  private SignalController controller(double priority) {
    return TestLayouts.controller(
        "actuated-pressure", layout, EmergencyPreemption.PRIORITY, priority, EmergencyPreemption.RANGE, 200);
  }

  /** West green discharging, nothing from the south but the emergency vehicle's notice. */
  private FakeObservation westBusy() {
    return new FakeObservation().at(100, WEST_EAST, 8).vehicle(WEST_IN, 10, 10);
  }

  @Test
  void aVehicleInRangeOnAMovementTheGreenDoesNotServeInterruptsAndGetsItsPhase() {
    SignalController c = controller(1);
    FakeObservation o = westBusy().notice(SOUTH_IN, 150, "r_n");
    assertThat(c.interrupt(layout, o)).isTrue();
    PhaseDecision d = c.decide(layout, o);
    assertThat(d.phase()).isEqualTo(SOUTH_NORTH);
    assertThat(d.holdSeconds()).isEqualTo(1);
  }

  @Test
  void aVehicleOutOfRangeChangesNothing() {
    SignalController c = controller(1);
    FakeObservation o = westBusy().notice(SOUTH_IN, 250, "r_n");
    assertThat(c.interrupt(layout, o)).isFalse();
    assertThat(c.decide(layout, o)).isEqualTo(controller(0).decide(layout, westBusy()));
  }

  @Test
  void aVehicleBeyondRangeBehindAQueueThatCannotClearInTimePreempts() {
    SignalController c = controller(1);
    // 30 vehicles ahead need 5 s of yellow + 30 x 2 s; at 11.1 m/s the vehicle is 27 s away
    FakeObservation o = westBusy().queue(SOUTH_IN, 30).notice(SOUTH_IN, 300, "r_n");
    assertThat(c.interrupt(layout, o)).isTrue();
    assertThat(c.decide(layout, o).phase()).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void aVehicleBeyondRangeBehindAQueueThatClearsInTimeWaits() {
    SignalController c = controller(1);
    // 3 vehicles ahead need 5 + 6 s; the vehicle is 27 s away
    FakeObservation o = westBusy().queue(SOUTH_IN, 3).notice(SOUTH_IN, 300, "r_n");
    assertThat(c.interrupt(layout, o)).isFalse();
  }

  @Test
  void vehiclesBehindTheEmergencyVehicleDoNotCount() {
    SignalController c = controller(1);
    FakeObservation o = westBusy().notice(SOUTH_IN, 300, "r_n");
    for (int k = 0; k < 30; k++) {
      o.vehicle(SOUTH_IN, 310 + 7.5 * k, 0);
    }
    assertThat(c.interrupt(layout, o)).isFalse();
  }

  @Test
  void maxPressureOffersPreemptionOffByDefault() {
    FakeObservation o = westBusy().notice(SOUTH_IN, 150, "r_n");
    SignalController byDefault = TestLayouts.controller("max-pressure", layout);
    assertThat(byDefault).isNotInstanceOf(EmergencyPreemption.class);
    assertThat(byDefault.interrupt(layout, o)).isFalse();
    SignalController on = TestLayouts.controller("max-pressure", layout, EmergencyPreemption.PRIORITY, 1);
    assertThat(on.interrupt(layout, o)).isTrue();
    assertThat(on.decide(layout, o)).isEqualTo(new PhaseDecision(SOUTH_NORTH, 1));
  }

  @Test
  void aGreenAlreadyServingTheVehicleIsHeldSecondBySecond() {
    SignalController c = controller(1);
    FakeObservation o = new FakeObservation().at(100, SOUTH_NORTH, 40).queue(WEST_IN, 30).notice(SOUTH_IN, 50, "r_n");
    assertThat(c.interrupt(layout, o)).isFalse();
    assertThat(c.decide(layout, o)).isEqualTo(new PhaseDecision(SOUTH_NORTH, 1));
  }

  @Test
  void aMovementGreenInEveryPhaseNeedsNoPreemption() {
    SignalController c = controller(1);
    FakeObservation o = westBusy().notice(WEST_RIGHT_IN, 30, "r_so");
    assertThat(c.interrupt(layout, o)).isFalse();
  }

  @Test
  void aNoticeNamingNoMovementHereIsIgnored() {
    SignalController c = controller(1);
    FakeObservation o = westBusy().notice(SOUTH_IN, 30, "r_elsewhere");
    assertThat(c.interrupt(layout, o)).isFalse();
  }

  @Test
  void priorityOffIgnoresNotices() {
    SignalController c = controller(0);
    FakeObservation o = westBusy().notice(SOUTH_IN, 30, "r_n");
    assertThat(c.interrupt(layout, o)).isFalse();
    assertThat(c.decide(layout, o).phase()).isEqualTo(WEST_EAST);
  }

  @Test
  void theNearestVehicleIsServedFirst() {
    SignalController c = controller(1);
    FakeObservation o = new FakeObservation().at(100, SOUTH_NORTH, 20).notice(WEST_IN, 50, "r_e").notice(SOUTH_IN, 100, "r_n");
    assertThat(c.interrupt(layout, o)).isTrue();
    assertThat(c.decide(layout, o).phase()).isEqualTo(WEST_EAST);
  }

  @Test
  void advancedMpOffersTheSamePreemption() {
    SignalController c = TestLayouts.controller("advanced-mp", layout);
    FakeObservation o = westBusy().notice(SOUTH_IN, 150, "r_n");
    assertThat(c.interrupt(layout, o)).isTrue();
    assertThat(c.decide(layout, o).phase()).isEqualTo(SOUTH_NORTH);
  }
}

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
 * advanced-mp on hand-set observations: pressure = standing vehicles in − mean standing out;
 * the current green is kept while its moving vehicles within 167 m are at least the largest
 * pressure.
 */
class AdvancedMaxPressureTest {
  private final IntersectionLayout layout = TestLayouts.crossing();
  private final SignalController controller = TestLayouts.controller("advanced-mp", layout);

  private int decide(FakeObservation o) {
    return controller.decide(layout, o).phase();
  }

  private static FakeObservation moving(FakeObservation o, int lane, double... distances) {
    for (double d : distances) {
      o.vehicle(lane, d, 10);
    }
    return o;
  }

  @Test
  void keepsTheGreenWhileItsRunningVehiclesMatchTheLargestPressure() {
    FakeObservation o = moving(new FakeObservation().at(100, WEST_EAST, 15), WEST_IN, 20, 50, 80, 110).queue(SOUTH_IN, 3);
    assertThat(decide(o)).isEqualTo(WEST_EAST);
  }

  @Test
  void switchesWhenFewerVehiclesRunTowardsTheGreenThanQueueElsewhere() {
    FakeObservation o = moving(new FakeObservation().at(100, WEST_EAST, 15), WEST_IN, 20, 50).queue(SOUTH_IN, 3);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void runningVehiclesBeyondTheEffectiveRangeAreNotDemand() {
    FakeObservation o =
        moving(new FakeObservation().at(100, WEST_EAST, 15), WEST_IN, 170, 200, 230, 260).queue(SOUTH_IN, 3);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void efficientPressureSubtractsTheMeanQueueDownstream() {
    // west 4 standing − 3 standing on its outgoing lane = 1 < south 2
    FakeObservation o = new FakeObservation().at(0, 0, 0).queue(WEST_IN, 4).queue(EAST_OUT, 3).queue(SOUTH_IN, 2);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void movingVehiclesAreNotPressure() {
    FakeObservation o = moving(new FakeObservation().at(0, 0, 0), WEST_IN, 20, 40, 60).queue(SOUTH_IN, 1);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void keepsTheCurrentGreenOnATie() {
    FakeObservation o = new FakeObservation().at(100, SOUTH_NORTH, 15).queue(WEST_IN, 2).queue(SOUTH_IN, 2);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH);
  }

  @Test
  void rightTurnQueuesAreLeftOut() {
    FakeObservation o = new FakeObservation().at(0, 0, 0).queue(WEST_RIGHT_IN, 9).queue(WEST_IN, 1).queue(SOUTH_IN, 2);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH);
  }
}

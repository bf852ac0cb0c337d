package io.citybrain.traffic.control;

import static io.citybrain.traffic.control.TestLayouts.NORTH_OUT;
import static io.citybrain.traffic.control.TestLayouts.SOUTH_IN;
import static io.citybrain.traffic.control.TestLayouts.SOUTH_NORTH;
import static io.citybrain.traffic.control.TestLayouts.WEST_EAST;
import static io.citybrain.traffic.control.TestLayouts.WEST_IN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed discharges, one decision ahead, every crossing worth 1 (a = 2 m/s², h = 2 s, next
 * decision in 15 s, 5 s yellow). Queued
 * vehicles stand 1, 8.5, 16, 23.5, ... m before the stop line and reach it after √x s.
 * Kept West→East green from 0 s: its 4 vehicles cross at 1, 3, 5, 7 s: 4 served. South→North
 * after the yellow, green from 5 s: crossings at 5, 7, 9, 11, 13, 15, 17 s: at most 6 served.
 */
class DischargePressureTest {
  private static final IntersectionLayout X = TestLayouts.crossing();

  private static int decide(FakeObservation o) {
    return TestLayouts.controller(
            "discharge-pressure", X, "pressureWeight", 0, "earlyWeight", 0, "lookaheadDecisions", 1)
        .decide(X, o)
        .phase();
  }

  @Test
  void aChangeWinsWhenItDischargesMoreDespiteTheYellow() {
    FakeObservation o = new FakeObservation().at(100, WEST_EAST, 15).queue(WEST_IN, 4).queue(SOUTH_IN, 5);
    assertThat(decide(o)).isEqualTo(SOUTH_NORTH); // 5 > 4
  }

  @Test
  void theCurrentGreenIsKeptOnATie() {
    FakeObservation o = new FakeObservation().at(100, WEST_EAST, 15).queue(WEST_IN, 4).queue(SOUTH_IN, 4);
    assertThat(decide(o)).isEqualTo(WEST_EAST); // 4 = 4
  }

  @Test
  void aLongQueueCountsOnlyWhatCanCrossBeforeTheNextDecision() {
    // 20 queued to the south can discharge 6 after the yellow; 7 moving west vehicles all cross
    FakeObservation o = new FakeObservation().at(100, WEST_EAST, 15).queue(SOUTH_IN, 20);
    for (int k = 0; k < 7; k++) {
      o.vehicle(WEST_IN, 10 + 20 * k, 11.111);
    }
    // west: reach times 0.9, 2.7, ..., 11.7 s, two seconds apart at most: 7 served > 6
    assertThat(decide(o)).isEqualTo(WEST_EAST);
  }

  @Test
  void aFullExitServesNothing() {
    FakeObservation o = new FakeObservation().at(100, WEST_EAST, 15).queue(WEST_IN, 1).queue(SOUTH_IN, 8);
    o.queue(NORTH_OUT, 40); // 300 m of standing vehicles: no room behind the last one
    assertThat(decide(o)).isEqualTo(WEST_EAST);
  }
}

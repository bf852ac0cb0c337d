package io.citybrain.bench.meters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.bench.meters.MeterBenchmark.Fault;
import io.citybrain.bench.meters.MeterBenchmark.MeterSeries;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.live.anomaly.AnomalyDetectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterBenchmarkTest {
  @Test
  void streamsFollowTheRtsLoadShapeAndCarryTheirFaults() throws Exception {
    PowerNetwork net = BundledCases.read("case14");
    List<MeterSeries> meters = MeterBenchmark.streams(net, "case14", 7, 1);
    assertThat(meters).hasSize((int) net.loads().stream().filter(l -> l.activePowerMw() > 0).count());
    assertThat(meters).extracting(MeterSeries::fault).startsWith(Fault.NONE, Fault.DRIFT, Fault.STUCK, Fault.OUTAGE);
    MeterSeries clean = meters.get(0);
    double pd = net.loads().stream().filter(l -> l.activePowerMw() > 0).findFirst().orElseThrow().activePowerMw();
    // Tuesday (100 % of the weekly peak) 17:00-18:00 (100 % of the daily peak): Pd MW × 250 kWh per 15 min, ± noise
    int tuesday17 = 96 + 17 * 4;
    assertThat(clean.kilowattHours()[tuesday17]).isCloseTo(pd * 250, within(pd * 250 * 0.1));
    // Sunday (75 %) 03:00 (59 %)
    assertThat(clean.kilowattHours()[6 * 96 + 3 * 4]).isCloseTo(pd * 250 * 0.75 * 0.59, within(pd * 250 * 0.75 * 0.59 * 0.1));
    MeterSeries stuck = meters.get(2);
    double[] s = stuck.kilowattHours();
    for (int i = stuck.faultStart() + 1; i < s.length; i++) {
      assertThat(s[i]).isEqualTo(s[stuck.faultStart()]);
    }
    MeterSeries outage = meters.get(3);
    for (int i = outage.faultStart(); i < outage.faultEnd(); i++) {
      assertThat(outage.kilowattHours()[i]).isZero();
    }
    assertThat(outage.faultEnd() - outage.faultStart()).as("3 hours of 15-minute readings").isEqualTo(12);
    assertThat(outage.kilowattHours()[outage.faultEnd()]).isPositive();
    assertThat(stuck.faultStart()).isBetween(3 * 96, 6 * 96 - 1);
  }

  @Test
  void rangeBreakFindsTheOutagesOfASmallCase() throws Exception {
    var scores = MeterBenchmark.run(List.of("case30"), List.of(AnomalyDetectors.byName("range-break")), Map.of("range-break", 0.5), 7, 1);
    int[] outages = scores.get(0).detectedOfTotal.get(Fault.OUTAGE);
    assertThat(outages[1]).as("case30's feeder outages at seed 1").isEqualTo(5);
    // Golden figure at seed 1: range-break finds 4 of the 5 (all 88 but one on the full bench);
    // a change to the detector or the generator that loses outages shows here.
    assertThat(outages[0]).isEqualTo(4);
  }
}

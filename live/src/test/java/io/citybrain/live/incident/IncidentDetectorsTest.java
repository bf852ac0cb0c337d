package io.citybrain.live.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked decisions of the three incident detectors on tiny series of 30 s intervals. */
class IncidentDetectorsTest {
  private static final double I = 30;

  /** An interval ending at {@code end}: upstream and downstream count, occupancy, speed. */
  private static SectionInterval x(double end, int uc, double uo, double us, int dc, double dOcc, double ds) {
    return new SectionInterval(end, I, uc, uo, us, dc, dOcc, ds);
  }

  private static IncidentDetector create(String name, Map<String, Double> params, double spacing, double limit) {
    IncidentDetectorProvider p = IncidentDetectors.domain().require(name);
    return p.create(p.resolve(params), new SectionGeometry(spacing, limit));
  }

  @Test
  void registryOffersTheThreeDetectorsInTheIncidentDomain() {
    assertThat(IncidentDetectors.domain().names()).containsExactly("section-balance", "california-8", "mcmaster");
    assertThat(IncidentDetectors.domain().require("mcmaster").domain()).isEqualTo(AlgorithmDomain.INCIDENT_DETECTION);
  }

  @Test
  void sectionBalanceRaisesWhenCountedVehiclesFailToArriveInTime() {
    // loops 300 m apart at 10 m/s: 30 s free travel; minSpeedFraction 0.5 and slack 0 give 60 s
    IncidentDetector d =
        create("section-balance", Map.of("minSpeedFraction", 0.5, "slackSeconds", 0.0, "minOverdueVehicles", 2.0), 300, 10);
    assertThat(d.update(x(30, 3, 0.1, 10, 0, 0, Double.NaN))).isFalse(); // 3 up, none due yet
    assertThat(d.update(x(60, 2, 0.1, 10, 1, 0.03, 10))).isFalse(); // U(0)=0 due: 0 overdue
    // at 90 s the 3 of the interval ending at 30 s are due; 1 arrived: 2 overdue, downstream quiet
    assertThat(d.update(x(90, 0, 0, Double.NaN, 0, 0, Double.NaN))).isTrue();
    // the alarm holds while they are overdue (U(60) = 5 due, 1 arrived)
    assertThat(d.update(x(120, 0, 0, Double.NaN, 0, 0, Double.NaN))).isTrue();
    // the blockage clears: 4 arrive, 5 - 5 = 0 overdue
    assertThat(d.update(x(150, 0, 0, Double.NaN, 4, 0.1, 9))).isFalse();
  }

  @Test
  void sectionBalanceWaitsWhileAQueueStandsOverTheDownstreamLoop() {
    IncidentDetector d =
        create("section-balance", Map.of("minSpeedFraction", 0.5, "slackSeconds", 0.0, "minOverdueVehicles", 1.0, "queueMemorySeconds", 60.0), 300, 10);
    assertThat(d.update(x(30, 3, 0.1, 10, 0, 0.9, Double.NaN))).isFalse(); // a queue on the downstream loop
    assertThat(d.update(x(60, 0, 0, Double.NaN, 0, 0, Double.NaN))).isFalse();
    // 3 overdue, but the queue seen 60 s ago may still stand with the loop in a gap
    assertThat(d.update(x(90, 0, 0, Double.NaN, 0, 0, Double.NaN))).isFalse();
    // its memory (60 s) has passed: the overdue vehicles raise the alarm
    assertThat(d.update(x(120, 0, 0, Double.NaN, 0, 0, Double.NaN))).isTrue();
  }

  @Test
  void california8NeedsTheOccupancyPatternTwiceAndIsSuppressedByACompressionWave() {
    IncidentDetector d = create("california-8", Map.of(), 300, 10);
    // OCCDF = 0.4 - 0.05 = 0.35 >= 0.08, OCCRDF = 0.875 >= 0.5, DOCC 0.05 < 0.2: tentative
    assertThat(d.update(x(30, 2, 0.4, 5, 1, 0.05, 10))).isFalse();
    // persistence: OCCRDF still >= 0.5, the alarm is raised
    assertThat(d.update(x(60, 1, 0.5, 3, 0, 0.0, Double.NaN))).isTrue();
    // it holds while OCCRDF >= T2 and clears below
    assertThat(d.update(x(90, 1, 0.6, 3, 0, 0.0, Double.NaN))).isTrue();
    assertThat(d.update(x(120, 5, 0.2, 10, 5, 0.2, 10))).isFalse();

    IncidentDetector wave = create("california-8", Map.of(), 300, 10);
    assertThat(wave.update(x(30, 2, 0.1, 10, 2, 0.05, 10))).isFalse();
    // downstream occupancy rises by 0.35 >= T5: a compression wave; 10 intervals are suppressed
    assertThat(wave.update(x(60, 2, 0.1, 10, 2, 0.4, 5))).isFalse();
    for (int k = 3; k <= 11; k++) {
      assertThat(wave.update(x(30 * k, 0, 0.6, Double.NaN, 0, 0.0, Double.NaN))).as("interval %d", k).isFalse();
    }
    assertThat(wave.update(x(360, 0, 0.6, Double.NaN, 0, 0.0, Double.NaN))).isFalse(); // tentative
    assertThat(wave.update(x(390, 0, 0.6, Double.NaN, 0, 0.0, Double.NaN))).isTrue();
  }

  @Test
  void mcMasterNeedsThreeCongestedUpstreamIntervalsWithAFreeDownstreamStation() {
    IncidentDetector d = create("mcmaster", Map.of(), 300, 10);
    // LUD slope 3600 * 4 / 7 = 2057 veh/h per unit occupancy: 0.3 occupancy > OCmax 0.25 is congested
    assertThat(d.update(x(30, 1, 0.3, 2, 2, 0.05, 10))).isFalse();
    // occupancy 0.2 with 1 vehicle (120 veh/h) lies below the LUD (411 veh/h): congested
    assertThat(d.update(x(60, 1, 0.2, 2, 0, 0, Double.NaN))).isFalse();
    assertThat(d.update(x(90, 0, 0.9, Double.NaN, 0, 0, Double.NaN))).isTrue();
    // congestion downstream too (a bottleneck) would not have counted
    IncidentDetector bottleneck = create("mcmaster", Map.of(), 300, 10);
    for (int k = 1; k <= 5; k++) {
      assertThat(bottleneck.update(x(30 * k, 1, 0.5, 2, 1, 0.5, 2))).isFalse();
    }
    // the alarm clears when the upstream station is uncongested: 10 vehicles (1,200 veh/h) at 0.1
    assertThat(d.update(x(120, 10, 0.1, 10, 10, 0.1, 10))).isFalse();
  }
}

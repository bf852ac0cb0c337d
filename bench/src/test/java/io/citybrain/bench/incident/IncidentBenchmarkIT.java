package io.citybrain.bench.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.incident.IncidentDetectorProvider;
import io.citybrain.live.incident.IncidentDetectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One generated incident in an hour of Jinan (seed 1: lane 1 of road_0_1_0 blocked at 203 m from
 * 1,265 s to 2,023 s): ours raises its alarm on that lane and no other, within two minutes (85 s).
 */
class IncidentBenchmarkIT {
  @Test
  void generatedIncidentIsDetectedOnItsLane() throws Exception {
    IncidentDetectorProvider p = IncidentDetectors.domain().require("section-balance");
    List<String> log = new ArrayList<>();
    List<IncidentBenchmark.Score> scores =
        IncidentBenchmark.run(List.of(new IncidentBenchmark.Entry(p, p.resolve(Map.of()))), 1, 1, 1, 30, log::add);
    System.out.println(log);
    IncidentBenchmark.Score s = scores.get(0);
    assertThat(log.get(0)).contains("seed=1 city=jinan");
    assertThat(s.incidents).isEqualTo(1);
    assertThat(s.unreached).isZero();
    assertThat(s.detected).as("an alarm on a blocked lane of the incident's road").isEqualTo(1);
    assertThat(s.meanTimeToDetectSeconds()).isLessThanOrEqualTo(120);
    assertThat(s.falseAlarms).isZero();
  }
}

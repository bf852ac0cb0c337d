package io.citybrain.live.ngsild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.live.contract.DetectorObservation;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryFilterTest {
  private static final Map<String, Object> LANE = Map.of("type", "TrafficFlowObserved", "occupancy", 0.35, "intensity", 12,
      "congested", true, "laneId", "road_1_0_1_0");

  @Test
  void andBindsTighterThanOr() {
    assertThat(QueryFilter.parse("occupancy>0.3;congested==true").test(LANE)).isTrue();
    assertThat(QueryFilter.parse("occupancy>0.3;intensity<10").test(LANE)).isFalse();
    assertThat(QueryFilter.parse("intensity<10|laneId==\"road_1_0_1_0\"").test(LANE)).isTrue();
    assertThat(QueryFilter.parse("occupancy>=0.35;occupancy<=0.35;intensity!=11").test(LANE)).isTrue();
    assertThat(QueryFilter.parse("averageVehicleSpeed>1").test(LANE)).as("absent attribute").isFalse();
  }

  @Test
  void badTermsNameWhatIsExpected() {
    assertThatThrownBy(() -> QueryFilter.parse("occupancy~0.3")).hasMessageContaining("needs one of");
    assertThatThrownBy(() -> QueryFilter.parse("occupancy>high")).hasMessageContaining("must be a number");
    assertThatThrownBy(() -> QueryFilter.parse("occupancy>0.3;;")).hasMessageContaining("empty term");
  }

  @Test
  void speedsAreConvertedToKilometresPerHourAtTheEdge() {
    DetectorObservation o = new DetectorObservation("d", "road_1_0_1_0", Instant.parse("2026-03-02T08:00:00Z"),
        Instant.parse("2026-03-02T08:01:00Z"), 12, 0.35, 10.0, 4, 3, null, null);
    Map<String, Object> e = SmartDataModels.trafficFlowObserved(o, "road_1_0_1");
    assertThat(e.get("averageVehicleSpeed")).isEqualTo(36.0);
    assertThat(e.get("occupancy")).isEqualTo(0.35);
    assertThat(e.get("intensity")).isEqualTo(12);
    assertThat(e.get("congested")).isEqualTo(true);
    assertThat(e.get("refRoadSegment")).isEqualTo("urn:ngsi-ld:RoadSegment:road_1_0_1");
    @SuppressWarnings("unchecked")
    Map<String, Object> speed = (Map<String, Object>) SmartDataModels.normalized(e).get("averageVehicleSpeed");
    assertThat(speed).containsEntry("unitCode", "KMH").containsEntry("value", 36.0);
  }
}

package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.TestInputs.bundled;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** read → write → read gives an equal model, on every bundled roadnet and flow file and on C01. */
class RoundTripTest {

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("cases/C01/roadnet.json", "cases/C01/flow.json"),
        Arguments.of(bundled("jinan_3_4/roadnet_3_4.json"), bundled("jinan_3_4/anon_3_4_jinan_real.json")),
        Arguments.of(bundled("jinan_3_4/roadnet_3_4.json"), bundled("jinan_3_4/anon_3_4_jinan_real_2000.json")),
        Arguments.of(bundled("jinan_3_4/roadnet_3_4.json"), bundled("jinan_3_4/anon_3_4_jinan_real_2500.json")),
        Arguments.of(bundled("hangzhou_4_4/roadnet_4_4.json"), bundled("hangzhou_4_4/anon_4_4_hangzhou_real.json")),
        Arguments.of(bundled("hangzhou_4_4/roadnet_4_4.json"), bundled("hangzhou_4_4/anon_4_4_hangzhou_real_5734.json")),
        Arguments.of(bundled("hangzhou_4_4/roadnet_4_4.json"), bundled("hangzhou_4_4/anon_4_4_hangzhou_real_5816.json")),
        Arguments.of(bundled("newyork_16_3/roadnet_16_3.json"), bundled("newyork_16_3/anon_16_3_newyork_real.json")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("pairs")
  void roadnetAndFlowsSurviveARoundTrip(String roadnetResource, String flowResource) throws Exception {
    RoadNetwork network = TestInputs.roadnet(roadnetResource);
    Demand demand = TestInputs.flows(flowResource, network);

    ByteArrayOutputStream roadnetOut = new ByteArrayOutputStream();
    CityFlowRoadnetWriter.write(network, roadnetOut);
    RoadNetwork reread = CityFlowRoadnetReader.read(new ByteArrayInputStream(roadnetOut.toByteArray()), "written.json");
    assertThat(reread).isEqualTo(network);

    ByteArrayOutputStream flowOut = new ByteArrayOutputStream();
    CityFlowFlowWriter.write(demand, flowOut);
    Demand rereadDemand =
        CityFlowFlowReader.read(new ByteArrayInputStream(flowOut.toByteArray()), "written_flow.json", reread);
    assertThat(rereadDemand).isEqualTo(demand);
  }

  @Test
  void writtenRoadnetHasEveryMemberCityFlowRequires() throws Exception {
    RoadNetwork network = TestInputs.roadnet(bundled("jinan_3_4/roadnet_3_4.json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CityFlowRoadnetWriter.write(network, out);
    JsonNode root = TestInputs.MAPPER.readTree(out.toByteArray());

    JsonNode virtual = intersection(root, "intersection_0_1");
    assertThat(virtual.get("virtual").booleanValue()).isTrue();
    assertThat(virtual.get("width").isNumber()).isTrue();
    assertThat(virtual.at("/trafficLight/lightphases").isArray()).isTrue();
    JsonNode junction = intersection(root, "intersection_1_1");
    assertThat(junction.get("virtual").booleanValue()).isFalse();
    assertThat(junction.get("width").doubleValue()).isEqualTo(15.0);
    assertThat(junction.at("/trafficLight/roadLinkIndices"))
        .extracting(JsonNode::intValue)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(junction.at("/roadLinks/0/laneLinks/0/startLaneIndex").isInt()).isTrue();
    assertThat(junction.at("/roadLinks/0/laneLinks/0/points")).hasSize(11);
    assertThat(junction.at("/trafficLight/lightphases/1/time").doubleValue()).isEqualTo(30.0);
    JsonNode road = root.at("/roads/0");
    assertThat(road.fieldNames()).toIterable()
        .containsExactly("id", "startIntersection", "endIntersection", "points", "lanes");
    assertThat(road.at("/lanes/0/maxSpeed").doubleValue()).isEqualTo(11.111);
    // one intersection or road per line
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().count()).isEqualTo(2 + 26 + 1 + 1 + 62 + 1 + 1);
  }

  private static JsonNode intersection(JsonNode roadnet, String id) {
    for (JsonNode i : roadnet.get("intersections")) {
      if (i.get("id").textValue().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no intersection " + id);
  }

  @Test
  void writtenFlowsUseIntegerTimesAndMarkOnlyEmergencies(@TempDir Path dir) throws Exception {
    Demand demand =
        new Demand(
            List.of(
                new Flow("a", VehicleType.standardCar(), List.of("W_C", "C_E"), 2.5, 0, -1),
                new Flow("b", VehicleType.standardCar(), List.of("E_C"), 10, 12, 300.5, true)));
    Path file = dir.resolve("flow.json");
    CityFlowFlowWriter.write(demand, file);
    JsonNode root = TestInputs.MAPPER.readTree(file.toFile());

    assertThat(root.at("/0/startTime").isInt()).isTrue();
    assertThat(root.at("/0/endTime").intValue()).isEqualTo(-1);
    assertThat(root.at("/0/interval").doubleValue()).isEqualTo(2.5);
    assertThat(root.at("/0").has("emergency")).isFalse();
    assertThat(root.at("/1/startTime").isInt()).isTrue();
    assertThat(root.at("/1/endTime").doubleValue()).isEqualTo(300.5);
    assertThat(root.at("/1/emergency").booleanValue()).isTrue();
    assertThat(root.at("/1/vehicle").size()).isEqualTo(9);

    RoadNetwork c01 = TestInputs.roadnet("cases/C01/roadnet.json");
    Demand reread = CityFlowFlowReader.read(file, c01);
    assertThat(reread.flows()).extracting(Flow::id).containsExactly("flow_0", "flow_1");
    assertThat(reread.flows().get(1)).isEqualTo(
        new Flow("flow_1", VehicleType.standardCar(), List.of("E_C"), 10, 12, 300.5, true));
  }

  @Test
  void roadnetWrittenToAFileReadsBack(@TempDir Path dir) throws Exception {
    RoadNetwork network = TestInputs.roadnet("cases/C01/roadnet.json");
    Path file = dir.resolve("roadnet.json");
    CityFlowRoadnetWriter.write(network, file);
    assertThat(CityFlowRoadnetReader.read(file)).isEqualTo(network);
  }
}

package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.TestInputs.at;
import static io.citybrain.traffic.io.TestInputs.roadnetProblems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Our two CityFlow roadnet extensions, which CityFlow ignores: a road's declared {@code length}
 * and {@code citybrainUnsignalized} junctions. Both survive a write and a read.
 */
class CityFlowExtensionsTest {
  /** The 1×1 example with its centre unsignalised (flag 0): declared lengths and a priority junction. */
  private static final RoadNetwork UNSIGNALISED =
      CBEngineInputs.roadnet(CBEngineInputs.replaceLine(CBEngineInputs.text("roadnet_1x1.txt"), 2, "30 120 0 0"));

  @Test
  void declaredLengthsAndUnsignalisedJunctionsRoundTrip() throws Exception {
    JsonNode written = written(UNSIGNALISED);
    JsonNode centre = written.get("intersections").get(0);

    assertThat(centre.get("citybrainUnsignalized").booleanValue()).isTrue();
    // CityFlow needs a phase: one with every road link green behaves like no signal at all
    assertThat(centre.get("trafficLight").get("lightphases")).hasSize(1);
    assertThat(centre.get("trafficLight").get("lightphases").get(0).get("availableRoadLinks"))
        .hasSize(centre.get("roadLinks").size());
    assertThat(written.get("intersections").get(1).has("citybrainUnsignalized")).isFalse();
    assertThat(written.get("roads").get(0).get("length").doubleValue()).isEqualTo(30.0);

    RoadNetwork again = CityFlowRoadnetReader.read(TestInputs.stream(TestInputs.json(written)), "roadnet.json");
    // CityFlow files carry no geographic position: the CBEngine network's projection is not kept
    assertThat(UNSIGNALISED.geoReference()).isPresent();
    assertThat(again).isEqualTo(new RoadNetwork(UNSIGNALISED.intersections(), UNSIGNALISED.roads()));
    Intersection c = again.intersection("0").orElseThrow();
    assertThat(c.phases()).isEmpty();
    assertThat(c.roadLinks()).hasSize(12);
  }

  @Test
  void cityFlowRoadsWithoutLengthKeepTheirGeometricLength() throws Exception {
    RoadNetwork jinan = TestInputs.roadnet(TestInputs.bundled("jinan_3_4/roadnet_3_4.json"));
    // geometric lengths only: reading the written file back gives the same network
    JsonNode written = written(jinan);

    assertThat(jinan.roads()).allSatisfy(r -> assertThat(r.hasDeclaredLength()).isFalse());
    assertThat(written.get("roads").get(0).has("length")).isFalse();
    assertThat(written.get("intersections").findValues("citybrainUnsignalized")).isEmpty();
    assertThat(CityFlowRoadnetReader.read(TestInputs.stream(TestInputs.json(written)), "roadnet.json")).isEqualTo(jinan);
  }

  @Test
  void invalidExtensionValuesAreReported() {
    ObjectNode roadnet = (ObjectNode) written(UNSIGNALISED);
    ((ObjectNode) roadnet.get("roads").get(0)).put("length", 0);
    ((ObjectNode) roadnet.get("intersections").get(0)).put("citybrainUnsignalized", "yes");

    var problems = roadnetProblems(roadnet);

    assertThat(problems).hasSize(2);
    assertThat(at(problems, "roads[0].length").message()).contains("length is 0; expected a finite number > 0");
    assertThat(at(problems, "intersections[0].citybrainUnsignalized").message()).contains("expected");
  }

  private static JsonNode written(RoadNetwork network) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CityFlowRoadnetWriter.write(network, out);
      return TestInputs.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.TestInputs.bundled;
import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled real networks and flows (data/traffic, packaged by the citybrain-data module) load
 * without problems, with the counts found in the files themselves.
 */
class BundledDataTest {

  /** roadnet, intersections, of which non-virtual, roads, lanes, road links. */
  static Stream<Arguments> roadnets() {
    return Stream.of(
        Arguments.of("jinan_3_4/roadnet_3_4.json", 26, 12, 62, 186, 144),
        Arguments.of("hangzhou_4_4/roadnet_4_4.json", 32, 16, 80, 240, 192),
        Arguments.of("newyork_16_3/roadnet_16_3.json", 86, 48, 230, 690, 576));
  }

  /** roadnet, flow file, number of flows. */
  static Stream<Arguments> flows() {
    return Stream.of(
        Arguments.of("jinan_3_4/roadnet_3_4.json", "jinan_3_4/anon_3_4_jinan_real.json", 6295),
        Arguments.of("jinan_3_4/roadnet_3_4.json", "jinan_3_4/anon_3_4_jinan_real_2000.json", 4365),
        Arguments.of("jinan_3_4/roadnet_3_4.json", "jinan_3_4/anon_3_4_jinan_real_2500.json", 5494),
        Arguments.of("hangzhou_4_4/roadnet_4_4.json", "hangzhou_4_4/anon_4_4_hangzhou_real.json", 2983),
        Arguments.of("hangzhou_4_4/roadnet_4_4.json", "hangzhou_4_4/anon_4_4_hangzhou_real_5734.json", 6538),
        Arguments.of("hangzhou_4_4/roadnet_4_4.json", "hangzhou_4_4/anon_4_4_hangzhou_real_5816.json", 6984),
        Arguments.of("newyork_16_3/roadnet_16_3.json", "newyork_16_3/anon_16_3_newyork_real.json", 2824));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roadnets")
  void roadnetLoadsWithItsCounts(
      String roadnet, int intersections, int nonVirtual, int roads, int lanes, int roadLinks) {
    RoadNetwork network = TestInputs.roadnet(bundled(roadnet));

    assertThat(network.intersections()).hasSize(intersections);
    assertThat(network.intersections().stream().filter(i -> !i.virtual())).hasSize(nonVirtual);
    assertThat(network.signalizedIntersectionCount()).isEqualTo(nonVirtual);
    assertThat(network.roads()).hasSize(roads);
    assertThat(network.laneCount()).isEqualTo(lanes);
    assertThat(network.intersections().stream().mapToInt(i -> i.roadLinks().size()).sum()).isEqualTo(roadLinks);
    // the research networks' 9-phase plans (phase 0 is the short all-red/yellow phase); virtual
    // intersections carry dummy phases in the files, which are ignored
    for (Intersection i : network.intersections()) {
      assertThat(i.phases()).hasSize(i.virtual() ? 0 : 9);
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("flows")
  void flowFileLoadsAndEveryRouteCanBeDriven(String roadnet, String flowFile, int flowCount) throws Exception {
    RoadNetwork network = TestInputs.roadnet(bundled(roadnet));
    Router router = new Router(network);
    Demand demand;
    try (InputStream in = TestInputs.resource(bundled(flowFile))) {
      demand = CityFlowFlowReader.read(in, flowFile, router);
    }

    assertThat(demand.flows()).hasSize(flowCount);
    assertThat(demand.flows().get(flowCount - 1).id()).isEqualTo("flow_" + (flowCount - 1));
    assertThat(demand.flows()).allSatisfy(f -> {
      assertThat(f.vehicle()).isEqualTo(VehicleType.standardCar());
      assertThat(f.startTimeSeconds()).isEqualTo(f.endTimeSeconds()).isBetween(0.0, 3599.0);
      // the research routes are complete chains: completion leaves them unchanged
      assertThat(router.completeRoute(f.route()).stream().map(r -> r.id()).toList()).isEqualTo(f.route());
    });
    assertThat(demand.flows().stream().noneMatch(Flow::emergency)).isTrue();
  }
}

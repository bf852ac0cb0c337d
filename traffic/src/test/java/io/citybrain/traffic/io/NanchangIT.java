package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputValidationException;
import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled Nanchang network of the City Brain Challenge: import, CityFlow round trip, a short
 * run. An integration test because it is city scale (2,067 intersections, 12,669 flows): about
 * 25 s on 2 cores, most of it the 300-step run and the round trip.
 */
class NanchangIT {
  private static final Scenario NANCHANG = load();

  private static Scenario load() {
    try {
      return ScenarioLoader.loadBundled(BundledCity.NANCHANG, "flow0");
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void importsWithTheFilesCounts() {
    RoadNetwork network = NANCHANG.network();

    assertThat(network.intersections()).hasSize(2_067);
    assertThat(network.roads()).hasSize(6_082);
    assertThat(network.laneCount()).isEqualTo(3 * 6_082);
    assertThat(network.signalizedIntersectionCount()).isEqualTo(1_004);
    // 200 dead ends become virtual boundary nodes; the other 863 unsignalised ones are priority junctions
    assertThat(network.intersections().stream().filter(Intersection::virtual)).hasSize(200);
    assertThat(network.intersections().stream().filter(i -> !i.virtual() && i.phases().isEmpty())).hasSize(863);
    // 497 signal lines name a missing approach (-1): those intersections have 3 approaches or fewer
    assertThat(network.intersections().stream().filter(i -> i.signalized() && i.roadIds().size() < 8)).hasSize(497);
    assertThat(network.intersections().stream().filter(Intersection::signalized))
        .allSatisfy(i -> assertThat(i.phases()).hasSize(9));
    assertThat(NANCHANG.demand().flows()).hasSize(12_669);
    assertThat(NANCHANG.name()).isEqualTo("nanchang/flow0");
    assertThat(BundledCity.require("nanchang").format()).isEqualTo(ScenarioFormat.CBENGINE);
    assertThat(BundledCity.NANCHANG.defaultFlowName()).isEqualTo("flow0");
  }

  @Test
  void cityFlowExportReimportsToAnIdenticalModel() throws Exception {
    RoadNetwork network = NANCHANG.network();
    ByteArrayOutputStream roadnetJson = new ByteArrayOutputStream();
    CityFlowRoadnetWriter.write(network, roadnetJson);
    ByteArrayOutputStream flowJson = new ByteArrayOutputStream();
    CityFlowFlowWriter.write(NANCHANG.demand(), flowJson);

    String text = roadnetJson.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("\"length\":").contains("\"citybrainUnsignalized\":true");
    RoadNetwork again = CityFlowRoadnetReader.read(new ByteArrayInputStream(roadnetJson.toByteArray()), "roadnet.json");
    Demand demandAgain =
        CityFlowFlowReader.read(new ByteArrayInputStream(flowJson.toByteArray()), "flow.json", new Router(again));

    // CityFlow files carry no geographic position: the CBEngine network's projection is not kept
    assertThat(network.geoReference()).isPresent();
    assertThat(again.geoReference()).isEmpty();
    assertThat(again).isEqualTo(new RoadNetwork(network.intersections(), network.roads()));
    assertThat(demandAgain).isEqualTo(NANCHANG.demand());
  }

  @Test
  void aShortMaxPressureRunStartsAndFinishesVehicles() {
    RunResult result = TrafficRunner.run(NANCHANG, "max-pressure", Map.of(), SimulationConfig.defaults(), 300, RunListener.NONE);
    RunSummary summary = result.summary();

    assertThat(summary.vehiclesEntered()).isGreaterThan(1_000);
    assertThat(summary.vehiclesFinished()).isGreaterThan(0);
    assertThat(summary.vehiclesEntered())
        .isEqualTo(summary.vehiclesFinished() + summary.vehiclesInNetwork());
  }
}

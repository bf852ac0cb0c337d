package io.citybrain.traffic.io.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenStreetMap importer on the West Oakland extract (ODbL, © OpenStreetMap contributors; a
 * copy of {@code data/osm/west_oakland}), against what SUMO 1.15's netconvert builds from the same
 * file for passenger cars ({@code --keep-edges.by-vclass passenger}): 4 traffic lights, 11.98 km of
 * car lanes.
 */
class OsmImporterTest {
  static byte[] westOakland() throws Exception {
    try (InputStream in = OsmImporterTest.class.getResourceAsStream("/io/osm/West-Oakland.osm.bz2")) {
      return in.readAllBytes();
    }
  }

  @Test
  void westOaklandImportsWithItsSignalsAndCoordinates() throws Exception {
    OsmImporter.Result r = OsmImporter.read(westOakland(), "West-Oakland.osm.bz2", 2, 3600, 0);
    var net = r.network();
    assertThat(r.signalNodes()).isEqualTo(4);
    assertThat(net.signalizedIntersectionCount()).isEqualTo(4); // netconvert: 4 tlLogic
    double laneMeters = 0;
    for (Road road : net.roads()) {
      for (int k = 0; k < road.lanes().size(); k++) {
        laneMeters += Geometry.laneLengthMeters(net, road, k);
      }
    }
    assertThat(laneMeters / 1000).isCloseTo(11.98, within(0.05 * 11.98));
    // real coordinates: the origin is the centre of the imported nodes (ways reach a little beyond
    // the extract's bbox, 37.806-37.809 N, -122.303 to -122.298 E)
    double[] lonLat = net.geoReference().orElseThrow().toLonLat(new Point(0, 0));
    assertThat(lonLat[0]).isBetween(-122.31, -122.29);
    assertThat(lonLat[1]).isBetween(37.80, 37.82);
    Point first = net.intersections().get(0).point();
    double[] back = net.geoReference().orElseThrow().toLonLat(first);
    assertThat(net.geoReference().orElseThrow().toPoint(back[0], back[1]).distanceTo(first)).isLessThan(1e-6);
    // one trip every 2 s for an hour, each with a route
    assertThat(r.demand().flows()).hasSize(1800);
    assertThat(r.demand().flows()).allSatisfy(f -> assertThat(f.route().size()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void importedNetworkRunsAndConservesVehicles() throws Exception {
    OsmImporter.Result r = OsmImporter.read(westOakland(), "West-Oakland.osm.bz2", 4, 600, 1);
    Scenario s = Scenario.compile("oakland", r.network(), r.demand(), "generated", "", "");
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      for (int k = 0; k < 900; k++) {
        sim.step();
      }
      assertThat(sim.vehiclesSpawned()).isEqualTo(150);
      assertThat(sim.vehiclesFinished() + sim.vehiclesInNetwork() + sim.vehiclesWaitingToEnter()).isEqualTo(150);
      // trips of 100-200 s: most of the 150 (created over 600 s) are done 300 s later
      assertThat(sim.vehiclesFinished()).isGreaterThan(120);
    }
  }

  @Test
  void turnTypesFollowTheAngle() {
    Road in = new Road("a", "x", "c", List.of(new Point(0, -100), new Point(0, 0)), List.of());
    Road north = new Road("n", "c", "y", List.of(new Point(0, 0), new Point(5, 100)), List.of());
    Road west = new Road("w", "c", "y", List.of(new Point(0, 0), new Point(-100, 10)), List.of());
    Road east = new Road("e", "c", "y", List.of(new Point(0, 0), new Point(100, -10)), List.of());
    assertThat(OsmImporter.turn(in, north)).isEqualTo(RoadLinkType.GO_STRAIGHT);
    assertThat(OsmImporter.turn(in, west)).isEqualTo(RoadLinkType.TURN_LEFT);
    assertThat(OsmImporter.turn(in, east)).isEqualTo(RoadLinkType.TURN_RIGHT);
  }

  @Test
  void maxspeedUnits() {
    assertThat(OsmImporter.speed("50", 1)).isCloseTo(13.889, within(0.001));
    assertThat(OsmImporter.speed("30 mph", 1)).isCloseTo(13.411, within(0.001));
    assertThat(OsmImporter.speed("DE:urban", 7)).isEqualTo(7);
    assertThat(OsmImporter.speed(null, 7)).isEqualTo(7);
  }

  @Test
  void notOsmIsAClearError() {
    var e = catchThrowableOfType(() -> OsmImporter.read("<net/>".getBytes(), "x.osm", 2, 60, 0), InputValidationException.class);
    assertThat(e.problems().get(0).message()).contains("expected OpenStreetMap XML <osm>");
  }
}

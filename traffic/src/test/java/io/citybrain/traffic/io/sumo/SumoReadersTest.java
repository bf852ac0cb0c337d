package io.citybrain.traffic.io.sumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.demand.Flow;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.metrics.TripInfoRecorder;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.control.SignalControllers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SUMO readers on a four-arm signalised junction built by SUMO's netconvert 1.15 from
 * {@code n.nod.xml}/{@code n.edg.xml} (test resources): what the model keeps of SUMO's network,
 * how demand is timed and routed, and a short run against figures checked by hand.
 */
class SumoReadersTest {
  static byte[] bytes(String name) {
    try (InputStream in = SumoReadersTest.class.getResourceAsStream("/io/sumo/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path path(String name) {
    try {
      return Path.of(SumoReadersTest.class.getResource("/io/sumo/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void networkKeepsSumosLanesLengthsAndProgram() throws Exception {
    SumoNetwork sumo = SumoNetReader.read(bytes("tiny.net.xml"), "tiny.net.xml");
    var net = sumo.network();
    assertThat(net.roads()).hasSize(8);
    assertThat(net.laneCount()).isEqualTo(12);
    Road nc = net.road("NC").orElseThrow();
    // SUMO's lane length (edge length minus the junction) is the declared length of every lane
    assertThat(nc.lengthMeters()).isEqualTo(192.80);
    assertThat(nc.lanes().get(0).maxSpeedMetersPerSecond()).isEqualTo(13.89);
    Intersection c = net.intersection("C").orElseThrow();
    assertThat(c.signalized()).isTrue();
    assertThat(net.intersection("N").orElseThrow().virtual()).isTrue();
    assertThat(c.phases()).extracting(Phase::timeSeconds).containsExactly(42.0, 3.0, 42.0, 3.0);
    assertThat(c.phases()).extracting(Phase::yellow).containsExactly(false, true, false, true);
    // the left turn NC -> CE is SUMO's lane 1 (leftmost of two), the model's lane 0 (innermost)
    var left = c.roadLinks().stream()
        .filter(rl -> rl.startRoadId().equals("NC") && rl.endRoadId().equals("CE")).findFirst().orElseThrow();
    assertThat(left.type()).isEqualTo(RoadLinkType.TURN_LEFT);
    assertThat(left.laneLinks()).hasSize(1);
    assertThat(left.laneLinks().get(0).startLaneIndex()).isZero();
    // via :C_3_0 then :C_14_0 (the left turn waits inside the junction): both shapes, their speed (8.67 m/s each)
    assertThat(left.laneLinks().get(0).points().size()).isGreaterThan(5);
    assertThat(left.laneLinks().get(0).maxSpeedMetersPerSecond()).isEqualTo(8.67);
    // straight NC -> CS: SUMO's two parallel connections, each also fanned out to the other lane
    var straight = c.roadLinks().stream()
        .filter(rl -> rl.startRoadId().equals("NC") && rl.endRoadId().equals("CS")).findFirst().orElseThrow();
    assertThat(straight.laneLinks()).hasSize(4);
    // green in phase 0 (G), red in phase 2 (r)
    int k = c.roadLinks().indexOf(straight);
    assertThat(c.phases().get(0).availableRoadLinks()).contains(k);
    assertThat(c.phases().get(2).availableRoadLinks()).doesNotContain(k);
  }

  @Test
  void planRotatesToSumosPositionAtBegin() {
    Phase g1 = new Phase(42, List.of(0));
    Phase y1 = new Phase(3, List.of(), true);
    Phase g2 = new Phase(42, List.of(1));
    Phase y2 = new Phase(3, List.of(), true);
    // begin 100, offset 0, cycle 90: 10 s into the first green, which is split 32 + ... + 10
    assertThat(SumoScenarios.rotate(List.of(g1, y1, g2, y2), 90, 100))
        .containsExactly(new Phase(32, List.of(0)), y1, g2, y2, new Phase(10, List.of(0)));
    // 45 s in: exactly at the start of the second green
    assertThat(SumoScenarios.rotate(List.of(g1, y1, g2, y2), 90, 45)).containsExactly(g2, y2, g1, y1);
    assertThat(SumoScenarios.rotate(List.of(g1, y1, g2, y2), 90, 0)).containsExactly(g1, y1, g2, y2);
  }

  @Test
  void demandIsShiftedToBeginRoutedAndTyped() throws Exception {
    SumoScenarios.Loaded loaded = SumoScenarios.loadConfig("tiny", path("tiny.sumocfg"));
    assertThat(loaded.beginSeconds()).isEqualTo(100);
    assertThat(loaded.windowSteps(0)).isEqualTo(300);
    assertThat(loaded.droppedBeforeBegin()).isEqualTo(1); // "early" departs at 50
    List<Flow> flows = loaded.scenario().demand().flows();
    assertThat(flows).extracting(Flow::id).containsExactly("f", "v0", "v1", "t0");
    Flow v0 = flows.get(1);
    assertThat(v0.startTimeSeconds()).isEqualTo(0.5);
    assertThat(v0.route()).containsExactly("NC", "CS");
    assertThat(v0.vehicle().lengthMeters()).isEqualTo(4.5);
    assertThat(v0.vehicle().headwayTimeSeconds()).isEqualTo(1.2);
    assertThat(v0.vehicle().usualNegAccMetersPerSecond2()).isEqualTo(4.0);
    // v1 has no type: SUMO's default passenger car
    assertThat(flows.get(2).vehicle().lengthMeters()).isEqualTo(5.0);
    assertThat(flows.get(2).vehicle().maxPosAccMetersPerSecond2()).isEqualTo(2.6);
    // the trip WC -> CN is routed through the junction: a left turn
    assertThat(flows.get(3).route()).containsExactly("WC", "CN");
    // the flow: 100, 120, 140 s (SUMO's end, 160, is exclusive)
    assertThat(flows.get(0).vehiclesCreatedAtMost(300, 1)).isEqualTo(3);
  }

  @Test
  void fixedPlanRunArrivesEveryVehicleWithSumoStyleFigures() throws Exception {
    SumoScenarios.Loaded loaded = SumoScenarios.loadConfig("tiny", path("tiny.sumocfg"));
    var provider = SignalControllers.require("roadnet-plan");
    var params = provider.resolve(Map.of());
    TripInfoRecorder trips = new TripInfoRecorder();
    try (Simulation sim = loaded.scenario().newSimulation(SimulationConfig.defaults())) {
      SignalTimer timer = new SignalTimer(sim, provider.create(params), provider.timing(params));
      sim.addObserver(trips);
      for (int k = 0; k < loaded.windowSteps(0); k++) {
        timer.beforeStep();
        sim.step();
      }
      var stats = trips.statistics(sim, new double[0]);
      // SUMO 1.15 on the same files: 6 inserted, 6 arrived, mean duration 42.33 s
      assertThat(stats.arrived()).isEqualTo(6);
      assertThat(stats.running()).isZero();
      assertThat(stats.meanDurationSeconds()).isCloseTo(42.33, within(0.15 * 42.33));
      // every arrived trip took at least its free-flow time: 392 m at <= 13.89 m/s
      for (var t : trips.arrived()) {
        assertThat(t.durationSeconds(Double.NaN)).isGreaterThan(385.0 / 13.89);
        assertThat(t.timeLossSeconds()).isGreaterThanOrEqualTo(0).isLessThan(t.durationSeconds(Double.NaN));
      }
    }
  }

  @Test
  void malformedXmlNamesLineAndColumn() {
    var e = problems("<net>\n  <edge id=\"a\" from=\"x\"\n</net>", "bad.net.xml", true);
    assertThat(e.get(0).location()).matches("line 3, column \\d+");
    assertThat(e.get(0).message()).startsWith("malformed XML");
  }

  @Test
  void connectionToAMissingLaneIsAnError() {
    String net = new String(bytes("tiny.net.xml")).replace(
        "<connection from=\"NC\" to=\"CE\" fromLane=\"1\"", "<connection from=\"NC\" to=\"CE\" fromLane=\"5\"");
    var p = problems(net, "tiny.net.xml", true);
    assertThat(p).anySatisfy(x -> {
      assertThat(x.location()).startsWith("line ");
      assertThat(x.message()).contains("fromLane=\"5\"").contains("edge 'NC'").contains("expected 0..1");
    });
  }

  @Test
  void stateLengthMustMatchTheLinks() {
    String net = new String(bytes("tiny.net.xml")).replace("state=\"yyyyrrryyyyrrr\"", "state=\"yyyyrrryyyyrr\"");
    var p = problems(net, "tiny.net.xml", true);
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("<tlLogic id=\"C\"> phase 1 has a state of 13 signals").contains("14 links");
      assertThat(x.location()).startsWith("line ");
    });
  }

  @Test
  void unknownRouteEdgeIsAnError() throws Exception {
    SumoNetwork sumo = SumoNetReader.read(bytes("tiny.net.xml"), "tiny.net.xml");
    var router = new io.citybrain.traffic.demand.Router(sumo.network(), SumoRouteReader.travelTimeCost(sumo.network()));
    String rou = "<routes>\n<vehicle id=\"x\" depart=\"0\">\n<route edges=\"NC nowhere\"/>\n</vehicle>\n</routes>";
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> SumoRouteReader.read(rou.getBytes(), "r.rou.xml", sumo, router, 0), InputValidationException.class);
    assertThat(e.problems()).singleElement().satisfies(x -> {
      assertThat(x.location()).isEqualTo("line 3, column 28");
      assertThat(x.message()).contains("edge 'nowhere'").contains("not in the network");
    });
  }

  private static List<InputProblem> problems(String xml, String name, boolean net) {
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> SumoNetReader.read(xml.getBytes(), name), InputValidationException.class);
    assertThat(e).as("expected a validation error").isNotNull();
    return e.problems();
  }
}

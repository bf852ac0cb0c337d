package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A one-way ring of four unsignalised junctions, overfilled, locks up; the detector says where. */
class GridlockDetectorTest {

  /** Ring A→B→C→D→A of 200 m one-lane roads, with an entry road into A and an exit from C. */
  static RoadNetwork ring() {
    String[] n = {"A", "B", "C", "D"};
    Point[] p = {new Point(0, 0), new Point(200, 0), new Point(200, 200), new Point(0, 200)};
    List<Road> roads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int j = (i + 1) % 4;
      roads.add(new Road(n[i] + n[j], n[i], n[j], List.of(p[i], p[j]), List.of(new Lane(4, 10))));
    }
    roads.add(new Road("inA", "S", "A", List.of(new Point(-200, 0), p[0]), List.of(new Lane(4, 10))));
    List<Intersection> inters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String in = n[(i + 3) % 4] + n[i];
      String out = n[i] + n[(i + 1) % 4];
      List<RoadLink> links = new ArrayList<>();
      links.add(new RoadLink(RoadLinkType.TURN_LEFT, in, out, List.of(new LaneLink(0, 0, List.of()))));
      List<String> ids = new ArrayList<>(List.of(in, out));
      if (i == 0) {
        links.add(new RoadLink(RoadLinkType.GO_STRAIGHT, "inA", out, List.of(new LaneLink(0, 0, List.of()))));
        ids.add("inA");
      }
      inters.add(new Intersection(n[i], p[i], 10, false, ids, links, List.of()));
    }
    inters.add(new Intersection("S", new Point(-200, 0), 0, true, List.of("inA"), List.of(), List.of()));
    return new RoadNetwork(inters, roads);
  }

  @Test
  void anOverfilledRingIsReportedAsGridlockWithItsLanes() {
    List<String> laps = new ArrayList<>(List.of("inA"));
    for (int k = 0; k < 30; k++) {
      laps.addAll(List.of("AB", "BC", "CD", "DA"));
    }
    Demand demand =
        new Demand(List.of(new Flow("flow_0", TestNetworks.car(), laps, 2, 0, 600)));
    Scenario s = TestNetworks.scenario(ring(), demand);
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      GridlockDetector detector = GridlockDetector.standard();
      sim.addObserver(detector);
      for (int k = 0; k < 1500; k++) {
        sim.step();
      }
      assertThat(detector.gridlocks()).isNotEmpty();
      Gridlock g = detector.gridlocks().get(0);
      assertThat(g.laneIds()).containsExactlyInAnyOrder("AB_0", "BC_0", "CD_0", "DA_0");
      assertThat(g.intersectionIds()).containsExactlyInAnyOrder("A", "B", "C", "D");
      assertThat(g.confirmedAtSeconds() - g.detectedAtSeconds()).isGreaterThanOrEqualTo(60);
      assertThat(sim.vehiclesFinished()).isZero();
    }
  }

  @Test
  void freeFlowingTrafficIsNeverGridlock() {
    Scenario s =
        TestNetworks.scenario(TestNetworks.corridor(true), TestNetworks.flow(List.of("r_in", "r_out"), 4, 200));
    try (Simulation sim = s.newSimulation(SimulationConfig.defaults())) {
      GridlockDetector detector = GridlockDetector.standard();
      sim.addObserver(detector);
      for (int k = 0; k < 900; k++) {
        sim.step();
      }
      assertThat(detector.gridlocks()).isEmpty();
      assertThat(sim.vehiclesFinished()).isEqualTo(200);
    }
  }
}

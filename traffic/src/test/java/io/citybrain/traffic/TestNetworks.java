package io.citybrain.traffic;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.sim.Scenario;
import java.util.List;

/** Small hand-built networks with known geometry, for analytic tests. */
public final class TestNetworks {
  private TestNetworks() {}

  /** A vehicle with maxSpeed 10 m/s, accelerations 2 / 4.5 m/s², length 5 m, minGap 2.5 m. */
  public static VehicleType car() {
    return new VehicleType(5, 2, 2, 4.5, 2, 4.5, 2.5, 10, 1.5);
  }

  /** One single-lane road of {@code lengthMeters} between two virtual intersections. */
  public static RoadNetwork singleRoad(double lengthMeters, double laneSpeed) {
    Intersection a = new Intersection("A", new Point(0, 0), 0, true, List.of("r"), List.of(), List.of());
    Intersection b =
        new Intersection("B", new Point(lengthMeters, 0), 0, true, List.of("r"), List.of(), List.of());
    Road r =
        new Road(
            "r",
            "A",
            "B",
            List.of(new Point(0, 0), new Point(lengthMeters, 0)),
            List.of(new Lane(4, laneSpeed)));
    return new RoadNetwork(List.of(a, b), List.of(r));
  }

  /**
   * A corridor: virtual W — 200 m road r_in — signalised C (width 10) — 200 m road r_out — virtual
   * E, one lane each, speed limit 10 m/s; the straight lane link is 20 m long. Phase 0 has the
   * link green when {@code green}, otherwise no link.
   */
  public static RoadNetwork corridor(boolean green) {
    Intersection w = new Intersection("W", new Point(-200, 0), 0, true, List.of("r_in"), List.of(), List.of());
    Intersection e = new Intersection("E", new Point(200, 0), 0, true, List.of("r_out"), List.of(), List.of());
    RoadLink link =
        new RoadLink(
            RoadLinkType.GO_STRAIGHT,
            "r_in",
            "r_out",
            List.of(new LaneLink(0, 0, List.of(new Point(-10, -2), new Point(10, -2)))));
    Intersection c =
        new Intersection(
            "C",
            new Point(0, 0),
            10,
            false,
            List.of("r_in", "r_out"),
            List.of(link),
            List.of(new Phase(30, green ? List.of(0) : List.of())));
    Road in =
        new Road("r_in", "W", "C", List.of(new Point(-200, 0), new Point(0, 0)), List.of(new Lane(4, 10)));
    Road out =
        new Road("r_out", "C", "E", List.of(new Point(0, 0), new Point(200, 0)), List.of(new Lane(4, 10)));
    return new RoadNetwork(List.of(w, c, e), List.of(in, out));
  }

  /**
   * A signalised crossing: virtual W — 300 m road {@code r_w} — signalised C (width 10) — 300 m
   * road {@code r_e} — virtual E, and virtual S — 300 m {@code r_s} — C — 300 m {@code r_n} —
   * virtual N; one lane each, speed limit 10 m/s. Road links: 0 = W→E straight, 1 = S→N straight
   * (they cross in the junction). Phases: 0 = all red (the transition phase, shown between two
   * greens), 1 = W→E green, 2 = S→N green.
   */
  public static RoadNetwork crossing() {
    double l = 300;
    Intersection w = new Intersection("W", new Point(-l, 0), 0, true, List.of("r_w"), List.of(), List.of());
    Intersection e = new Intersection("E", new Point(l, 0), 0, true, List.of("r_e"), List.of(), List.of());
    Intersection s = new Intersection("S", new Point(0, -l), 0, true, List.of("r_s"), List.of(), List.of());
    Intersection n = new Intersection("N", new Point(0, l), 0, true, List.of("r_n"), List.of(), List.of());
    RoadLink we =
        new RoadLink(
            RoadLinkType.GO_STRAIGHT,
            "r_w",
            "r_e",
            List.of(new LaneLink(0, 0, List.of(new Point(-10, -2), new Point(10, -2)))));
    RoadLink sn =
        new RoadLink(
            RoadLinkType.GO_STRAIGHT,
            "r_s",
            "r_n",
            List.of(new LaneLink(0, 0, List.of(new Point(2, -10), new Point(2, 10)))));
    Intersection c =
        new Intersection(
            "C",
            new Point(0, 0),
            10,
            false,
            List.of("r_w", "r_e", "r_s", "r_n"),
            List.of(we, sn),
            List.of(new Phase(5, List.of()), new Phase(30, List.of(0)), new Phase(30, List.of(1))));
    Road rw = new Road("r_w", "W", "C", List.of(new Point(-l, 0), new Point(0, 0)), List.of(new Lane(4, 10)));
    Road re = new Road("r_e", "C", "E", List.of(new Point(0, 0), new Point(l, 0)), List.of(new Lane(4, 10)));
    Road rs = new Road("r_s", "S", "C", List.of(new Point(0, -l), new Point(0, 0)), List.of(new Lane(4, 10)));
    Road rn = new Road("r_n", "C", "N", List.of(new Point(0, 0), new Point(0, l)), List.of(new Lane(4, 10)));
    return new RoadNetwork(List.of(w, e, s, n, c), List.of(rw, re, rs, rn));
  }

  /** One flow of {@code count} vehicles every {@code interval} s from t = 0. */
  public static Demand flow(List<String> route, double interval, int count) {
    return new Demand(
        List.of(new Flow("flow_0", car(), route, interval, 0, interval * (count - 1))));
  }

  /** Compiles a scenario, failing the test on invalid input. */
  public static Scenario scenario(RoadNetwork net, Demand demand) {
    try {
      return Scenario.compile("test", net, demand, "flow.json", "", "");
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}

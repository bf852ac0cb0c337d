package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * CBEngine networks in the simulator: the 1×1 example's travel times computed by hand, and an
 * unsignalised junction behaving as a priority junction.
 */
class CBEngineSimulationTest {
  private static final RoadNetwork ONE_BY_ONE = CBEngineInputs.roadnet(CBEngineInputs.text("roadnet_1x1.txt"));
  private static final Demand ONE_BY_ONE_FLOWS = CBEngineInputs.flows(CBEngineInputs.text("flow_1x1.txt"), ONE_BY_ONE);

  /*
   * Hand computation for the 1×1 example, vehicle CBEngineFlowReader.VEHICLE (accelerates 2 m/s²,
   * top speed 22.22 m/s), roads of 30 m limited to 20 m/s, 1 s steps. A vehicle enters at rest at
   * 0 m in the step it is created (step 0) and moves (v + v')/2 per step; its travel time is the
   * index of the step in which it passes the end of its last road.
   *
   * Going straight (no turn cap; the lane link lane 1 -> lane 1 is the straight 10 m between the
   * stop line and the entry line, 5 m either side of the centre):
   *   step  speed  position
   *   0     2      1         road 2
   *   1     4      4
   *   2     6      9
   *   3     8      16
   *   4     10     25
   *   5     12     36   -> 6 m into the 10 m link
   *   6     14     19   -> 9 m into road 5
   *   7     16     24
   *   8     18     41   -> past 30 m: finished in step 8, travel time 8 s
   *
   * Turning (speed capped at 8.3333 m/s while the next drivable is a turning link: the whole 30 m
   * road is within the approach distance 22.22²/9 + 2·22.22 = 99.3 m; no cap on the link itself):
   *   0..3  as above:        16 m, 8 m/s
   *   4     8.3333  16 + (8 + 8.3333)/2 = 24.1667
   *   5     8.3333  32.5  -> 2.5 m into the link
   *   6     10.3333 2.5 + 9.3333 = 11.8333 into the link
   *   left link (lane 0 -> 0): L = 12.385 m > 11.8333: still on it;
   *   7     12.3333 11.8333 + 11.3333 = 23.1667 -> 10.7818 m into road 3
   *   8     14.3333 24.1151
   *   9     16.3333 39.4484 -> finished in step 9, travel time 9 s
   *   right link (lane 2 -> 2): L = 10.122 m < 11.8333: 1.7112 m into road 7 after step 6;
   *   7     12.3333 13.0446
   *   8     14.3333 26.3779
   *   9     16.3333 41.7112 -> finished in step 9, travel time 9 s
   */
  @Test
  void oneByOneTravelTimesAreTheHandComputedOnes() {
    Intersection centre = ONE_BY_ONE.intersection("0").orElseThrow();
    double straightLink = linkLength(centre, "2", "5", 1, 1);
    double leftLink = linkLength(centre, "2", "3", 0, 0);
    double rightLink = linkLength(centre, "2", "7", 2, 2);
    assertThat(straightLink).isCloseTo(10.0, within(1e-9));
    assertThat(linkLength(centre, "2", "5", 2, 2)).isCloseTo(10.0, within(1e-9));
    // the arithmetic above, checked: positions after the steps, and the link lengths that decide them
    double turnSpeed = Simulation.TURN_SPEED;
    double afterStep4 = 16 + (8 + turnSpeed) / 2;
    double onLinkAfterStep5 = afterStep4 + turnSpeed - 30;
    double onLinkAfterStep6 = onLinkAfterStep5 + (turnSpeed + turnSpeed + 2) / 2;
    assertThat(afterStep4).isCloseTo(24.1667, within(1e-4));
    assertThat(onLinkAfterStep5).isCloseTo(2.5, within(1e-4));
    assertThat(onLinkAfterStep6).isCloseTo(11.8333, within(1e-4));
    assertThat(leftLink).isCloseTo(12.385, within(1e-3)).isGreaterThan(onLinkAfterStep6);
    assertThat(rightLink).isCloseTo(10.122, within(1e-3)).isLessThan(onLinkAfterStep6);
    double leftOnRoad3 = onLinkAfterStep6 + (turnSpeed + 2 + turnSpeed + 4) / 2 - leftLink;
    assertThat(leftOnRoad3 + (turnSpeed + 4 + turnSpeed + 6) / 2).isLessThan(30);
    assertThat(leftOnRoad3 + (turnSpeed + 4 + turnSpeed + 6) / 2 + (turnSpeed + 6 + turnSpeed + 8) / 2).isGreaterThan(30);
    double rightOnRoad7 = onLinkAfterStep6 - rightLink;
    assertThat(rightOnRoad7 + (turnSpeed + 2 + turnSpeed + 4) / 2 + (turnSpeed + 4 + turnSpeed + 6) / 2).isLessThan(30);

    // every flow's first vehicle alone, its movement green (phase 5 + approach: left and through
    // of its approach, with every right turn): the same times from every approach
    Map<String, Double> expected = Map.of("TURN_LEFT", 9.0, "GO_STRAIGHT", 8.0, "TURN_RIGHT", 9.0);
    for (Flow flow : ONE_BY_ONE_FLOWS.flows()) {
      int approach = Integer.parseInt(flow.route().get(0)) / 2 - 1;
      Flow first = new Flow(flow.id(), flow.vehicle(), flow.route(), flow.intervalSeconds(), 0, 0);
      Map<Integer, Double> times = firstTravelTimes(new Demand(List.of(first)), 5 + approach, 30);
      RoadLinkType type = link(centre, flow.route().get(0), flow.route().get(1)).type();
      assertThat(times).as(flow.id() + " " + flow.route()).containsExactly(Map.entry(0, expected.get(type.name())));
    }
    // and the whole flow file under phase 5: the first vehicles of flow 0 (left from the north)
    // and flow 1 (straight from the north) are not held up by the others
    Map<Integer, Double> all = firstTravelTimes(ONE_BY_ONE_FLOWS, 5, 60);
    assertThat(all).containsEntry(0, 9.0).containsEntry(1, 8.0);
  }

  /*
   * An unsignalised cross (flag 0): the centre C with arms N, E, S, W about 100 m away, roads of
   * 13.89 m/s. A vehicle from N turns left onto E (30 m approach); one from S goes straight to N
   * (60 m approach). Alone, the left-turner reaches its exit road first (step 7 against step 8).
   * Together, the straight vehicle keeps its time (it has priority at their conflict point:
   * straight > left) and the left-turner waits for it.
   */
  @Test
  void anUnsignalisedJunctionGivesStraightPriorityOverAConflictingLeft() {
    RoadNetwork cross = CBEngineInputs.roadnet(priorityCross(30, 60));
    Intersection centre = cross.intersection("0").orElseThrow();
    assertThat(centre.signalized()).isFalse();
    assertThat(centre.virtual()).isFalse();
    assertThat(link(centre, "2", "3").type()).isEqualTo(RoadLinkType.TURN_LEFT);
    assertThat(link(centre, "6", "1").type()).isEqualTo(RoadLinkType.GO_STRAIGHT);
    Flow left = new Flow("left", CBEngineFlowReader.VEHICLE, List.of("2", "3"), 10, 0, 0);
    Flow straight = new Flow("straight", CBEngineFlowReader.VEHICLE, List.of("6", "1"), 10, 0, 0);

    int leftAlone = exitSteps(cross, List.of(left), List.of("3"))[0];
    int straightAlone = exitSteps(cross, List.of(straight), List.of("1"))[0];
    int[] together = exitSteps(cross, List.of(left, straight), List.of("3", "1"));

    assertThat(leftAlone).isEqualTo(7);
    assertThat(straightAlone).isEqualTo(8);
    assertThat(together[1]).as("straight, with a left-turner arriving first").isEqualTo(straightAlone);
    assertThat(together[0]).as("left, yielding to the straight vehicle").isGreaterThan(together[1]);
  }

  /** First travel time per flow index with the centre held at {@code phase}. */
  private static Map<Integer, Double> firstTravelTimes(Demand demand, int phase, int steps) {
    Scenario scenario = compile(ONE_BY_ONE, demand);
    Simulation sim = scenario.newSimulation(SimulationConfig.defaults());
    sim.setPhase(0, phase);
    Map<Integer, Double> first = new TreeMap<>();
    sim.addObserver(
        new StepObserver() {
          @Override
          public void afterStep(Simulation simulation) {}

          @Override
          public void vehicleFinished(Simulation simulation, int vehicle, double travelTimeSeconds) {
            first.putIfAbsent(simulation.vehicleFlow(vehicle), travelTimeSeconds);
          }
        });
    for (int k = 0; k < steps; k++) {
      sim.step();
    }
    return first;
  }

  /** The step in which each flow's vehicle is first seen on its exit road. */
  private static int[] exitSteps(RoadNetwork network, List<Flow> flows, List<String> exitRoads) {
    Scenario scenario = compile(network, new Demand(flows));
    Simulation sim = scenario.newSimulation(SimulationConfig.defaults());
    int[] at = new int[flows.size()];
    java.util.Arrays.fill(at, -1);
    for (int k = 0; k < 40; k++) {
      sim.step();
      for (int f = 0; f < flows.size(); f++) {
        for (int lane = 0; lane < 3; lane++) {
          int d = scenario.compiled().lane(exitRoads.get(f), lane);
          for (int q = 0; q < sim.vehicleCount(d); q++) {
            if (sim.vehicleFlow(sim.vehicleAt(d, q)) == f && at[f] < 0) {
              at[f] = k;
            }
          }
        }
      }
    }
    return at;
  }

  private static Scenario compile(RoadNetwork network, Demand demand) {
    try {
      return Scenario.compile("test", network, demand, "flow.txt", "", "");
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A CBEngine cross: centre 0 unsignalised, arms 1 (N), 2 (E), 3 (S), 4 (W) 0.001° away. */
  static String priorityCross(double northLength, double southLength) {
    List<String> lines = new ArrayList<>(List.of(
        "5", "30 120 0 0", "30.001 120 1 0", "30 120.001 2 0", "29.999 120 3 0", "30 119.999 4 0", "4"));
    double[] lengths = {northLength, 100, southLength, 100};
    for (int arm = 1; arm <= 4; arm++) {
      lines.add("0 " + arm + " " + lengths[arm - 1] + " 13.89 3 3 " + (2 * arm - 1) + " " + 2 * arm);
      lines.add("1 0 0 0 1 0 0 0 1");
      lines.add("1 0 0 0 1 0 0 0 1");
    }
    lines.add("0");
    return String.join("\n", lines) + "\n";
  }

  private static RoadLink link(Intersection in, String from, String to) {
    return in.roadLinks().stream()
        .filter(l -> l.startRoadId().equals(from) && l.endRoadId().equals(to))
        .findFirst()
        .orElseThrow();
  }

  private static double linkLength(Intersection in, String from, String to, int startLane, int endLane) {
    RoadLink rl = link(in, from, to);
    LaneLink ll =
        rl.laneLinks().stream()
            .filter(l -> l.startLaneIndex() == startLane && l.endLaneIndex() == endLane)
            .findFirst()
            .orElseThrow();
    return Geometry.polylineLength(Geometry.laneLinkPolyline(ONE_BY_ONE, in, rl, ll));
  }
}

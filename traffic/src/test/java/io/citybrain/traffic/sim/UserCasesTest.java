package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.CaseFiles;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.network.RoadLinkType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The traffic cases from real users' bug reports ({@code ../shared/cases}, README table). */
class UserCasesTest {

  private static SignalTimer timer(Simulation sim, String controller) {
    SignalControllerProvider p = SignalControllers.require(controller);
    ParameterValues params = p.resolve(Map.of());
    return new SignalTimer(sim, p.create(params), p.timing(params));
  }

  /** Collects every finished vehicle's travel time. */
  private static final class TravelTimes implements StepObserver {
    final List<Double> times = new ArrayList<>();

    @Override
    public void afterStep(Simulation simulation) {}

    @Override
    public void vehicleFinished(Simulation simulation, int vehicle, double travelTimeSeconds) {
      times.add(travelTimeSeconds);
    }
  }

  // C01: a three-leg (T) intersection, non-grid, loads and runs under every controller.
  @ParameterizedTest(name = "C01 three-leg intersection under {0}")
  @ValueSource(strings = {"roadnet-plan", "fixed-time", "max-pressure", "sotl"})
  void c01ThreeLegIntersectionRunsAndEveryTripFinishes(String controller) {
    Scenario s = CaseFiles.scenario("C01");
    assertThat(s.network().signalizedIntersectionCount()).isEqualTo(1);
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    TravelTimes tt = new TravelTimes();
    sim.addObserver(tt);
    SignalTimer timer = timer(sim, controller);
    assertThat(timer.layouts()).hasSize(1);
    assertThat(timer.layouts().get(0).movements()).hasSize(6);
    for (int k = 0; k < 600; k++) {
      timer.beforeStep();
      sim.step();
      if (sim.stepCount() == 300) {
        assertThat(sim.vehiclesSpawned()).isEqualTo(60);
      }
      if (sim.stepCount() == 301) {
        assertThat(sim.vehiclesSpawned()).isEqualTo(63);
      }
    }
    assertThat(sim.vehiclesSpawned()).isEqualTo(63);
    assertThat(sim.vehiclesFinished()).isEqualTo(63);
    assertThat(sim.vehiclesInNetwork()).isZero();
    assertThat(sim.vehiclesWaitingToEnter()).isZero();
    // physical lower bound: 140 + 20 + 140 m at <= 10 m/s
    assertThat(tt.times).hasSize(63).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(30.0));
    if (controller.equals("roadnet-plan")) {
      // the case's upper bound is for its own plan: free flow + start-up + the longest red (59 s)
      assertThat(tt.times).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(100.0));
      // CityFlow's own figure on this case: mean 50.95 s, range 32..89 s
      assertThat(sim.averageTravelTimeFinishedSeconds()).isCloseTo(50.95, within(0.5));
    }
  }

  @Test
  void c01EmptyPhaseListIsACleanErrorNamingTheIntersectionAndField() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.load(
                    "C01",
                    CaseFiles.path("C01", "roadnet_empty_phases.json"),
                    CaseFiles.path("C01", "flow.json")))
        .isInstanceOf(InputValidationException.class)
        .hasMessageContaining("'C'")
        .hasMessageContaining("lightphases");
  }

  // C05: an always-red corridor with a growing backlog, reset 20 times.
  @Test
  void c05RepeatedResetsKeepCountsIdenticalAndReleaseMemory() {
    Scenario s = CaseFiles.scenario("C05");
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    int lane = s.compiled().lane("r_in", 0);
    long[] firstCounts = null;
    long heapAfterFirst = 0;
    long heapAfterLast = 0;
    for (int episode = 1; episode <= 20; episode++) {
      sim.reset();
      assertThat(sim.timeSeconds()).isZero();
      assertThat(sim.vehiclesInNetwork()).isZero();
      assertThat(sim.vehiclesWaitingToEnter()).isZero();
      assertThat(sim.vehiclesFinished()).isZero();
      assertThat(sim.vehiclesSpawned()).isZero();
      SignalTimer timer = timer(sim, "roadnet-plan");
      for (int k = 0; k < 3600; k++) {
        timer.beforeStep();
        sim.step();
      }
      assertThat(sim.vehiclesSpawned()).isEqualTo(3600);
      assertThat(sim.vehiclesFinished()).isZero();
      assertThat(sim.vehiclesInNetwork()).isLessThanOrEqualTo((int) Math.floor(190 / 7.5) + 1);
      assertThat(sim.vehicleCount(lane)).isEqualTo(sim.vehiclesInNetwork());
      assertThat(sim.vehiclesSpawned()).isEqualTo(sim.vehiclesInNetwork() + sim.vehiclesWaitingToEnter());
      long[] counts = {sim.vehiclesSpawned(), sim.vehiclesInNetwork(), sim.vehiclesWaitingToEnter(), sim.vehicleSteps()};
      if (firstCounts == null) {
        firstCounts = counts;
        heapAfterFirst = retainedHeap();
      } else {
        assertThat(counts).as("episode %d", episode).containsExactly(firstCounts);
      }
      if (episode == 20) {
        heapAfterLast = retainedHeap();
      }
    }
    sim.reset();
    assertThat(sim.vehiclesWaitingToEnter()).isZero();
    assertThat(sim.entryQueueLength(lane)).isZero();
    System.out.printf("C05 retained heap after episode 1: %d KB, after 20: %d KB%n", heapAfterFirst >> 10, heapAfterLast >> 10);
    assertThat((double) heapAfterLast).isLessThanOrEqualTo(heapAfterFirst * 1.10);
  }

  private static long retainedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // C06: one vehicle on a 400 m path: the whole trip counts, two averages never confused.
  @Test
  void c06TravelTimeCoversTheWholeTripAndBothAveragesAreNamedApart() {
    Scenario s = CaseFiles.scenario("C06");
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    SignalTimer timer = timer(sim, "roadnet-plan");
    for (int k = 0; k < 20; k++) {
      timer.beforeStep();
      sim.step();
    }
    assertThat(sim.vehiclesFinished()).isZero();
    assertThat(sim.averageTravelTimeFinishedSeconds()).isNaN();
    assertThat(sim.averageTravelTimeSeconds()).isCloseTo(20.0, within(1.0));
    for (int k = 20; k < 60; k++) {
      timer.beforeStep();
      sim.step();
    }
    assertThat(sim.vehiclesFinished()).isEqualTo(1);
    // vehicles enter at rest: 400/10 + 10/(2*2) = 42.5 s, +-1 step; never about 21 s
    assertThat(sim.averageTravelTimeFinishedSeconds()).isCloseTo(42.5, within(1.0));
    assertThat(sim.averageTravelTimeSeconds()).isEqualTo(sim.averageTravelTimeFinishedSeconds());
  }

  // C08: a saturated 4-leg intersection with 3 lanes and fast phase switching.
  @Test
  void c08SaturatedIntersectionKeepsInvariantsRoutesAndTurnLanes() {
    Scenario s = CaseFiles.scenario("C08");
    long[] first = runC08(s, true);
    long[] second = runC08(s, false);
    assertThat(second).as("same seed, same per-step counts").containsExactly(first);
  }

  /** Runs C08 for 3600 steps; returns a per-step count trace. */
  private static long[] runC08(Scenario s, boolean checkAll) {
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    SignalTimer timer = timer(sim, "roadnet-plan");
    InvariantChecker checker = new InvariantChecker();
    List<String> wrongExits = new ArrayList<>();
    SimNetwork net = s.compiled();
    if (checkAll) {
      sim.addObserver(checker);
      sim.addObserver(
          new StepObserver() {
            @Override
            public void afterStep(Simulation simulation) {
              for (int d = net.laneCount(); d < net.drivableCount(); d++) {
                if (simulation.vehicleCount(d) == 0) {
                  continue;
                }
                int expectedLane =
                    switch (net.laneLinkType(d)) {
                      case TURN_LEFT -> 0;
                      case GO_STRAIGHT -> 1;
                      case TURN_RIGHT -> 2;
                    };
                assertThat(net.laneIndexInRoad(net.laneLinkStartLane(d)))
                    .as("%s link starts on lane %d", net.laneLinkType(d), expectedLane)
                    .isEqualTo(expectedLane);
                for (int k = 0; k < simulation.vehicleCount(d); k++) {
                  int v = simulation.vehicleAt(d, k);
                  Flow f = simulation.demand().flows().get(simulation.vehicleFlow(v));
                  String exit = net.roadId(net.laneRoad(net.laneLinkEndLane(d)));
                  assertThat(exit).isEqualTo(f.route().get(f.route().size() - 1));
                }
              }
            }

            @Override
            public void vehicleFinished(Simulation simulation, int vehicle, double travelTimeSeconds) {
              Flow f = simulation.demand().flows().get(simulation.vehicleFlow(vehicle));
              String last = net.roadId(simulation.vehicleLastRoad(vehicle));
              if (!last.equals(f.route().get(f.route().size() - 1))) {
                wrongExits.add(simulation.vehicleId(vehicle));
              }
            }
          });
    }
    long[] trace = new long[3600 * 3];
    for (int k = 0; k < 3600; k++) {
      timer.beforeStep();
      sim.step();
      trace[3 * k] = sim.vehiclesFinished();
      trace[3 * k + 1] = sim.vehiclesInNetwork();
      trace[3 * k + 2] = sim.vehiclesWaitingToEnter();
    }
    assertThat(sim.vehiclesSpawned()).isEqualTo(14400);
    assertThat(sim.vehiclesFinished()).isPositive();
    assertThat(wrongExits).isEmpty();
    if (checkAll) {
      assertThat(checker.steps()).isEqualTo(3600);
    }
    assertThat(RoadLinkType.values()).hasSize(3);
    return trace;
  }
}

package io.citybrain.live;

import io.citybrain.live.centre.InProcessLink;
import io.citybrain.live.centre.LiveCentre;
import io.citybrain.live.control.ActuationMode;
import io.citybrain.live.control.ActuationPolicy;
import io.citybrain.live.control.ActuationGate;
import io.citybrain.live.control.CommandSink;
import io.citybrain.live.control.LiveControlLoop;
import io.citybrain.live.control.LoopSettings;
import io.citybrain.live.field.FieldPace;
import io.citybrain.live.field.FieldRunner;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.history.MemoryObservationStore;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.IntersectionLayouts;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared set-ups of the live tests: bundled scenarios, and a centre plus field joined in process. */
public final class LiveFixtures {
  public static final long ORIGIN_MILLIS = 1_772_438_400_000L; // 2026-03-02T08:00:00Z

  private static final Map<String, Scenario> SCENARIOS = new ConcurrentHashMap<>();

  private LiveFixtures() {}

  /** A bundled city with its default flow, loaded once per test JVM. */
  public static Scenario scenario(String city) {
    return SCENARIOS.computeIfAbsent(city, c -> {
      try {
        BundledCity b = BundledCity.require(c);
        return ScenarioLoader.loadBundled(b, b.defaultFlowName());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A centre with in-memory history, a loop running {@code controller}, and a field joined in process. */
  public static final class Loop implements AutoCloseable {
    public final MemoryObservationStore store = new MemoryObservationStore();
    public final LiveCentre centre;
    public final LiveControlLoop loop;
    public final FieldRunner field;
    public final InProcessLink link;

    public Loop(Scenario scenario, String controller, FieldPace pace, LoopSettings settings, HealthLimits limits,
        double graceSeconds, CommandSink commandFilter) {
      centre = new LiveCentre(store, 300, limits, 1 << 15);
      link = new InProcessLink(centre);
      SignalControllerProvider p = SignalControllers.require(controller);
      ParameterValues params = p.resolve(Map.of());
      SignalControllerProvider fixed = SignalControllers.require("fixed-time");
      ParameterValues fixedParams = fixed.resolve(Map.of());
      LaneTable lanes = new LaneTable(scenario.compiled());
      CommandSink out = commandFilter == null ? link : commandFilter;
      loop = new LiveControlLoop(lanes, IntersectionLayouts.of(scenario.compiled()), scenario.compiled().intersectionCount(),
          p.create(params), p.name() + "@" + p.version(), p.timing(params), ORIGIN_MILLIS, settings,
          new ActuationPolicy(ActuationMode.ACTUATING, ActuationGate.OPEN, p.name()), out, c -> {},
          id -> centre.pipeline().operators().status(id));
      centre.deploy(loop);
      field = new FieldRunner(scenario, SimulationConfig.defaults(), link, fixed.create(fixedParams), fixed.timing(fixedParams), p.timing(params),
          ORIGIN_MILLIS, 1, graceSeconds, pace);
    }

    @Override
    public void close() {
      field.close();
      centre.close();
    }
  }
}

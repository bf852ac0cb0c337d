package io.citybrain.platform.live;

import io.citybrain.live.centre.LiveCentre;
import io.citybrain.live.control.ActuationGate;
import io.citybrain.live.control.ActuationPolicy;
import io.citybrain.live.control.LiveControlLoop;
import io.citybrain.live.control.LoopSettings;
import io.citybrain.live.field.FieldSession;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.live.transport.mqtt.EmbeddedMqttBroker;
import io.citybrain.live.transport.mqtt.MqttCentreLink;
import io.citybrain.live.transport.mqtt.MqttEndpoint;
import io.citybrain.platform.storage.Database;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.IntersectionLayouts;
import io.citybrain.traffic.sim.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live operations inside the operations centre: the MQTT broker (embedded unless an external one
 * is given), the centre's MQTT session, the pipeline with history in the platform's database, and
 * the deployed control loop, which starts when a field announces its clock. Also moves the
 * operators' clock, refreshes rollups as windows close and applies the retention.
 */
public final class LiveService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveService.class);

  private final LiveOptions options;
  private final JdbcObservationStore store;
  private final LiveCentre centre;
  private final EmbeddedMqttBroker broker;
  private final MqttCentreLink link;
  private final io.citybrain.live.transport.kafka.KafkaCentreLink kafka;
  private final MqttEndpoint endpoint;
  private final ScheduledExecutorService clock;
  private final Scenario scenario;
  private volatile FieldSession session;
  private final java.util.Map<String, io.citybrain.live.contract.SignalState> signals = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Deque<java.util.Map<String, Object>> alerts = new java.util.concurrent.ConcurrentLinkedDeque<>();
  private final io.citybrain.live.ngsild.SubscriptionManager subscriptions;
  /** Alerts kept for the API, newest last. */
  static final int MAX_ALERTS = 1000;

  private LiveService(LiveOptions options, JdbcObservationStore store, LiveCentre centre, EmbeddedMqttBroker broker,
      MqttEndpoint endpoint, Scenario scenario, io.citybrain.live.ngsild.SubscriptionManager subscriptions) {
    this.options = options;
    this.subscriptions = subscriptions;
    this.store = store;
    this.centre = centre;
    this.broker = broker;
    this.endpoint = endpoint;
    this.scenario = scenario;
    centre.pipeline().operators().onAggregate(a -> store.refreshRollup(a.detectorId(), a.windowStartMillis()));
    // a late observation is stored after its window's rollup was computed: recompute that rollup
    centre.pipeline().onLateObservations(list -> {
      java.util.Set<java.util.Map.Entry<String, Long>> windows = new java.util.LinkedHashSet<>();
      for (io.citybrain.live.contract.DetectorObservation o : list) {
        long start = o.intervalStart().toEpochMilli();
        windows.add(java.util.Map.entry(o.detectorId(), start - Math.floorMod(start, JdbcObservationStore.ROLLUP_MILLIS)));
      }
      // the observations are stored: a failed refresh must not fail (and redeliver) their batch
      try {
        windows.forEach(w -> store.refreshRollup(w.getKey(), w.getValue()));
      } catch (RuntimeException e) {
        LOG.warn("live: recomputing the rollups of late observations failed: {}", e.getMessage());
      }
    });
    centre.pipeline().onSignalState(st -> {
      signals.merge(st.intersectionId(), st, (a, b) -> b.seq() >= a.seq() || b.since().isAfter(a.since()) ? b : a);
      subscriptions.updated(io.citybrain.live.ngsild.SmartDataModels.trafficSignal(st));
    });
    centre.pipeline().onObservations(list -> {
      for (io.citybrain.live.contract.DetectorObservation o : list) {
        subscriptions.updated(io.citybrain.live.ngsild.SmartDataModels.trafficFlowObserved(o, roadOf(o.laneId())));
      }
    });
    centre.pipeline().operators().onHealthChange((id, lane, before, after, at) -> {
      if (after != io.citybrain.live.health.DetectorStatus.OK) {
        java.util.Map<String, Object> alert = io.citybrain.live.ngsild.SmartDataModels.alert(id, after, at);
        alerts.addLast(alert);
        while (alerts.size() > MAX_ALERTS) {
          alerts.pollFirst();
        }
        subscriptions.updated(alert);
      }
    });
    this.link = new MqttCentreLink(endpoint, "citybrain-centre", centre.pipeline(), centre.codec(), 1000);
    link.onFieldSession(this::deploy);
    this.kafka = options.kafkaBootstrap()
        .map(b -> new io.citybrain.live.transport.kafka.KafkaCentreLink(b, "citybrain-centre", centre.pipeline(), Map.of()))
        .orElse(null);
    this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "live-clock");
      t.setDaemon(true);
      return t;
    });
    clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    clock.scheduleAtFixedRate(this::retain, 1, 60, TimeUnit.MINUTES);
  }

  /**
   * Starts live operations.
   *
   * @param options what to run
   * @param db the platform's database (history)
   * @param dataDir the platform's data folder (the embedded broker's files go under {@code mqtt/})
   */
  public static LiveService start(LiveOptions options, Database db, Path dataDir) {
    Scenario scenario = null;
    if (options.city().isPresent()) {
      try {
        BundledCity city = BundledCity.require(options.city().get());
        scenario = ScenarioLoader.loadBundled(city, city.defaultFlowName());
      } catch (Exception e) {
        throw new IllegalArgumentException("cannot load city '" + options.city().get() + "' for live control: " + e.getMessage(), e);
      }
      SignalControllers.require(options.controller());
    }
    EmbeddedMqttBroker broker = null;
    MqttEndpoint endpoint;
    if (options.externalBroker().isPresent()) {
      endpoint = options.externalBroker().get();
    } else {
      broker = EmbeddedMqttBroker.start(options.embeddedMqttPort(), dataDir.resolve("mqtt"), 1000);
      endpoint = broker.endpoint();
    }
    JdbcObservationStore store = new JdbcObservationStore(db);
    LiveCentre centre = new LiveCentre(store, LiveCentre.DEFAULT_WINDOW_SECONDS, HealthLimits.DEFAULTS, 1 << 15);
    try {
      // in the data folder, beside the embedded broker's: subscriptions survive a restart
      return new LiveService(options, store, centre, broker, endpoint, scenario,
          new io.citybrain.live.ngsild.SubscriptionManager(dataDir.resolve("live").resolve("ngsi-ld-subscriptions.json")));
    } catch (RuntimeException e) {
      centre.close();
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /** A field announced its clock: deploy the controller on its junctions. */
  private synchronized void deploy(FieldSession s) {
    if (scenario == null || s.equals(session)) {
      return;
    }
    session = s;
    SignalControllerProvider p = SignalControllers.require(options.controller());
    ParameterValues params = p.resolve(Map.of());
    String deployment = p.name() + "@" + p.version();
    LiveControlLoop loop = new LiveControlLoop(new LaneTable(scenario.compiled()), IntersectionLayouts.of(scenario.compiled()),
        scenario.compiled().intersectionCount(), p.create(params), deployment, p.timing(params), s.originMillis(),
        new LoopSettings(s.intervalSeconds(), 5, 2, Duration.ofMillis(250)),
        new ActuationPolicy(options.actuation(), ActuationGate.OPEN, deployment), link.commands(), link.advice(),
        id -> centre.pipeline().operators().status(id));
    centre.deploy(loop);
    LOG.info("live: {} deployed ({}) on {} for the field started at {}", deployment, options.actuation(), s.city(),
        java.time.Instant.ofEpochMilli(s.originMillis()));
  }

  private void tick() {
    try {
      centre.pipeline().operators().advanceTo(System.currentTimeMillis());
    } catch (RuntimeException e) {
      LOG.warn("live clock tick failed: {}", e.getMessage());
    }
  }

  private void retain() {
    try {
      long deleted = store.deleteBefore(System.currentTimeMillis() - options.retentionDays() * 86_400_000L);
      if (deleted > 0) {
        LOG.info("live history retention: deleted {} rows older than {} days", deleted, options.retentionDays());
      }
    } catch (RuntimeException e) {
      LOG.warn("live history retention failed: {}", e.getMessage());
    }
  }

  /** The road of a lane id ({@code <road>_<index>}). */
  public static String roadOf(String laneId) {
    int cut = laneId.lastIndexOf('_');
    return cut > 0 ? laneId.substring(0, cut) : null;
  }

  /** Latest signal state per junction. */
  public java.util.Map<String, io.citybrain.live.contract.SignalState> signals() {
    return signals;
  }

  /** Recent detector alerts, oldest first. */
  public java.util.List<java.util.Map<String, Object>> alerts() {
    return new java.util.ArrayList<>(alerts);
  }

  /** NGSI-LD subscriptions. */
  public io.citybrain.live.ngsild.SubscriptionManager subscriptions() {
    return subscriptions;
  }

  /** The centre (pipeline, operators, loop). */
  public LiveCentre centre() {
    return centre;
  }

  /** History. */
  public JdbcObservationStore store() {
    return store;
  }

  /** The Kafka ingestion, or null when not configured. */
  public io.citybrain.live.transport.kafka.KafkaCentreLink kafka() {
    return kafka;
  }

  /** The MQTT broker in use. */
  public MqttEndpoint endpoint() {
    return endpoint;
  }

  /** The options. */
  public LiveOptions options() {
    return options;
  }

  /** The field session the loop runs on, or null before a field announced one. */
  public FieldSession session() {
    return session;
  }

  /** The junctions' layout source, or null when no city is configured. */
  public Scenario scenario() {
    return scenario;
  }

  /** Stops the clock, the MQTT session, the pipeline (draining it) and the embedded broker. */
  @Override
  public void close() {
    clock.shutdownNow();
    subscriptions.close();
    link.close();
    if (kafka != null) {
      kafka.close();
    }
    centre.close();
    if (broker != null) {
      broker.close();
    }
  }
}

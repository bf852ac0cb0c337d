package io.citybrain.live.centre;

import io.citybrain.live.aggregate.LaneWindows;
import io.citybrain.live.aggregate.LiveOperators;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.control.LiveControlLoop;
import io.citybrain.live.health.DetectorHealthRules;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.history.ObservationStore;
import io.citybrain.live.ingest.LivePipeline;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The centre's live side assembled: contracts, pipeline, keyed operators, history, and optionally
 * a deployed control loop fed by the pipeline. Transports (MQTT, Kafka, in process) hand messages
 * to {@link #pipeline()}; the loop's commands leave through the sink it was built with. A ticker
 * moves the operators' clock (window emission, silent detectors) and decides rounds that waited
 * their limit.
 */
public final class LiveCentre implements AutoCloseable {
  /** Default aggregation window: 5 minutes, NGSI-LD's usual {@code aggrPeriodDuration=PT5M}. */
  public static final double DEFAULT_WINDOW_SECONDS = 300;

  private final MessageCodec codec;
  private final LivePipeline pipeline;
  private final ScheduledExecutorService ticker;
  private volatile LiveControlLoop loop;

  /**
   * @param store history
   * @param windowSeconds aggregation window, s
   * @param limits detector health limits
   * @param queueCapacity messages the pipeline queues before back-pressure
   */
  public LiveCentre(ObservationStore store, double windowSeconds, HealthLimits limits, int queueCapacity) {
    this.codec = new MessageCodec();
    LiveOperators operators = new LiveOperators(new LaneWindows(windowSeconds), new DetectorHealthRules(limits), 60);
    this.pipeline = new LivePipeline(codec, store, operators, queueCapacity, Duration.ofSeconds(5));
    pipeline.onObservations(list -> {
      LiveControlLoop l = loop;
      if (l != null) {
        l.onObservations(list);
      }
    });
    pipeline.onSignalState(s -> {
      LiveControlLoop l = loop;
      if (l != null) {
        l.onSignalState(s);
      }
    });
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "live-ticker");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      LiveControlLoop l = loop;
      if (l != null) {
        l.tick();
      }
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(LiveCentre.class).error("live control loop tick failed", e);
    }
  }

  /** Deploys a control loop (replacing any): it receives every accepted report and signal state. */
  public void deploy(LiveControlLoop controlLoop) {
    this.loop = controlLoop;
  }

  /** The deployed loop, or null. */
  public LiveControlLoop loop() {
    return loop;
  }

  /** The contracts' codec (shared, thread-safe). */
  public MessageCodec codec() {
    return codec;
  }

  /** The ingestion pipeline. */
  public LivePipeline pipeline() {
    return pipeline;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    pipeline.close();
  }
}

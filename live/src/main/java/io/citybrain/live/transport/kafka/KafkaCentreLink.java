package io.citybrain.live.transport.kafka;

import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.ingest.LivePipeline;
import io.citybrain.live.ingest.RawMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre's Kafka side: a consumer in group {@code groupId} on the topics {@value
 * #DETECTOR_REPORTS}, {@value #METER_READINGS} and {@value #SIGNAL_STATES} (values: the contracts'
 * JSON; keys: the station, meter or junction id, so one source's messages stay in order on one
 * partition) hands every record to the same {@link LivePipeline} as MQTT, so the same counters
 * reconcile both. Offsets are committed only up to records the pipeline has stored (the pipeline
 * acknowledges in arrival order, so per partition the committed offset is the last acknowledged
 * record's plus one): a crash loses only uncommitted records, which the group then reads again;
 * the pipeline drops repeated reports and history writes are idempotent. A full pipeline holds the
 * polling thread, so the consumer stops fetching (back-pressure instead of an unbounded queue).
 * Reads committed records only ({@code isolation.level=read_committed}), so a transactional
 * producer's aborted records (the Flink job's, say) never enter.
 */
public final class KafkaCentreLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaCentreLink.class);

  /** Detector reports, {@code citybrain.detector-report/1}. */
  public static final String DETECTOR_REPORTS = "citybrain.detector-reports";

  /** Meter readings, {@code citybrain.meter-reading/1}. */
  public static final String METER_READINGS = "citybrain.meter-readings";

  /** Signal states, {@code citybrain.signal-state/1}. */
  public static final String SIGNAL_STATES = "citybrain.signal-states";

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final LivePipeline pipeline;
  private final Thread thread;
  private final String bootstrap;
  private volatile boolean running = true;
  /** Per partition, the offset after the last record the pipeline acknowledged. */
  private final Map<TopicPartition, Long> acknowledged = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final AtomicLong recordsReceived = new AtomicLong();
  private final AtomicLong recordsAcknowledged = new AtomicLong();

  /**
   * Connects and starts consuming.
   *
   * @param bootstrap Kafka's bootstrap servers, {@code host:port[,host:port...]}
   * @param groupId the consumer group (keep it across restarts to resume from the committed
   *     offsets; a new group starts at the earliest record)
   * @param pipeline where records go
   * @param overrides further consumer settings (security, say), applied last
   */
  public KafkaCentreLink(String bootstrap, String groupId, LivePipeline pipeline, Map<String, Object> overrides) {
    this.bootstrap = bootstrap;
    this.pipeline = pipeline;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    p.putAll(overrides);
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "live-kafka");
    thread.setDaemon(true);
    thread.start();
  }

  /** The contract carried by {@code topic}, or null. */
  public static MessageKind kindOf(String topic) {
    return switch (topic) {
      case DETECTOR_REPORTS -> MessageKind.DETECTOR_REPORT;
      case METER_READINGS -> MessageKind.METER_READING;
      case SIGNAL_STATES -> MessageKind.SIGNAL_STATE;
      default -> null;
    };
  }

  private void run() {
    try {
      consumer.subscribe(List.of(DETECTOR_REPORTS, METER_READINGS, SIGNAL_STATES), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          commit(true);
          partitions.forEach(tp -> {
            acknowledged.remove(tp);
            committed.remove(tp);
          });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
      });
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          long next = r.offset() + 1;
          RawMessage m = new RawMessage(kindOf(r.topic()), r.value() == null ? new byte[0] : r.value(),
              r.topic() + "/" + r.partition() + "@" + r.offset(), Instant.now(), () -> {
                acknowledged.merge(tp, next, Math::max);
                recordsAcknowledged.incrementAndGet();
              });
          recordsReceived.incrementAndGet();
          // a full queue: hold the polling thread (commits continue) until there is room
          while (!pipeline.submit(m)) {
            if (!running) {
              return;
            }
            commit(false);
          }
        }
        commit(false);
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("live: Kafka ingestion from {} stopped: {}", bootstrap, e.getMessage(), e);
    } finally {
      try {
        try {
          commit(true);
        } catch (WakeupException e) {
          commit(true); // the wakeup of close() hit the commit instead of a poll
        }
      } catch (RuntimeException e) {
        LOG.warn("live: last Kafka offset commit failed ({}); those records will be read again", e.getMessage());
      }
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Commits what the pipeline acknowledged since the last commit (on the polling thread). */
  private void commit(boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    acknowledged.forEach((tp, next) -> {
      Long done = committed.get(tp);
      if (done == null || next > done) {
        offsets.put(tp, new OffsetAndMetadata(next));
      }
    });
    if (offsets.isEmpty()) {
      return;
    }
    if (sync) {
      consumer.commitSync(offsets);
      offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    } else {
      offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
      consumer.commitAsync(offsets, (done, e) -> {
        if (e != null) {
          // a later commit carries higher offsets; forget this one so that it is tried again
          LOG.warn("live: Kafka offset commit failed: {}", e.getMessage());
          done.keySet().forEach(committed::remove);
        }
      });
    }
  }

  /** Records handed to the pipeline. */
  public long recordsReceived() {
    return recordsReceived.get();
  }

  /** Records the pipeline stored or refused (and so acknowledged). */
  public long recordsAcknowledged() {
    return recordsAcknowledged.get();
  }

  /** The bootstrap servers. */
  public String bootstrap() {
    return bootstrap;
  }

  /**
   * Stops consuming after the record in hand and commits what was acknowledged. Records the
   * pipeline acknowledges afterwards are committed by the next consumer of the group (it reads
   * them again; the pipeline drops the repeats).
   */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

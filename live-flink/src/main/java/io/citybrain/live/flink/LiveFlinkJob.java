package io.citybrain.live.flink;

import io.citybrain.live.aggregate.LaneAggregate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The live aggregation job for a Flink cluster: detector reports from a Kafka topic (contract JSON),
 * lane windows keyed by detector, aggregates to another Kafka topic exactly once (transactional
 * sink committed with each checkpoint). Submit with {@code flink run
 * live-flink/target/citybrain-live-flink-job.jar --bootstrap host:9092}; see {@code docs/live.md}.
 *
 * <p>Arguments: {@code --bootstrap} (Kafka, required), {@code --input} (default {@code
 * citybrain.detector-reports}), {@code --output} ({@code citybrain.lane-aggregates}), {@code
 * --window-seconds} (300), {@code --out-of-order-seconds} (60), {@code --checkpoint-seconds} (10),
 * {@code --bounded} (false: read up to the input's end offsets at start, emit every window, finish).
 */
public final class LiveFlinkJob {
  private LiveFlinkJob() {}

  public static void main(String[] args) throws Exception {
    ParameterTool p = ParameterTool.fromArgs(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, p.getRequired("bootstrap"), p.get("input", DEFAULT_INPUT), p.get("output", DEFAULT_OUTPUT),
        p.getDouble("window-seconds", 300), Duration.ofSeconds(p.getLong("out-of-order-seconds", 60)),
        p.getLong("checkpoint-seconds", 10) * 1000, p.has("bounded") && !"false".equals(p.get("bounded")));
    env.execute("citybrain live lane aggregates");
  }

  /** Default input topic: the centre's detector reports topic. */
  public static final String DEFAULT_INPUT = "citybrain.detector-reports";

  /** Default output topic. */
  public static final String DEFAULT_OUTPUT = "citybrain.lane-aggregates";

  /**
   * Kafka transaction timeout of the sink, ms: at most the broker's {@code
   * transaction.max.timeout.ms} (15 min by default; the Kafka sink's own default of one hour is
   * refused by a default broker), and longer than a checkpoint interval plus a restart.
   */
  public static final long TRANSACTION_TIMEOUT_MILLIS = 600_000;

  /**
   * Adds the job to {@code env}: Kafka source, contract check, lane windows, Kafka sink exactly
   * once, checkpoints.
   *
   * @param bootstrap Kafka bootstrap servers
   * @param input topic of detector reports (contract JSON)
   * @param output topic of lane aggregates (JSON, see {@link #json})
   * @param windowSeconds window length, s
   * @param outOfOrder how far event time may go back across detectors
   * @param checkpointMillis checkpoint interval, ms (the sink's transactions commit with each)
   * @param bounded read the input up to its end offsets at start, then finish (every window is
   *     emitted and the last transaction committed): a backfill; otherwise run for ever
   */
  public static void build(StreamExecutionEnvironment env, String bootstrap, String input, String output, double windowSeconds,
      Duration outOfOrder, long checkpointMillis, boolean bounded) {
    env.enableCheckpointing(checkpointMillis, CheckpointingMode.EXACTLY_ONCE);
    var sourceBuilder = KafkaSource.<byte[]>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(input)
        .setGroupId("citybrain-live-flink")
        .setStartingOffsets(OffsetsInitializer.earliest())
        // aggregates of records a transactional producer aborted must not exist
        .setProperty("isolation.level", "read_committed")
        .setValueOnlyDeserializer(new AbstractDeserializationSchema<byte[]>() {
          private static final long serialVersionUID = 1L;

          @Override
          public byte[] deserialize(byte[] message) {
            return message;
          }
        });
    if (bounded) {
      sourceBuilder.setBounded(OffsetsInitializer.latest());
    }
    DataStream<LaneAggregate> aggregates = LiveFlinkPipeline.laneAggregates(
        env.fromSource(sourceBuilder.build(), WatermarkStrategy.noWatermarks(), "detector reports").flatMap(new ReportDecoder())
            .name("contract check"),
        windowSeconds, outOfOrder);
    KafkaSink<LaneAggregate> sink = KafkaSink.<LaneAggregate>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(KafkaRecordSerializationSchema.<LaneAggregate>builder()
            .setTopic(output)
            .setValueSerializationSchema(new AggregateJson())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("citybrain-live-aggregates")
        .setProperty("transaction.timeout.ms", Long.toString(TRANSACTION_TIMEOUT_MILLIS))
        .build();
    aggregates.sinkTo(sink).name("lane aggregates");
  }

  /**
   * The sink's value schema. A named class: Flink cannot infer the type of a lambda or method
   * reference as a {@link SerializationSchema} ("InvalidTypes ... could not be inferred").
   */
  static final class AggregateJson implements SerializationSchema<LaneAggregate> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(LaneAggregate a) {
      return json(a);
    }
  }

  /** One aggregate as JSON (units in the names: fractions, m/s, s). */
  static byte[] json(LaneAggregate a) {
    return String.format(Locale.ROOT,
        "{\"detectorId\":\"%s\",\"laneId\":\"%s\",\"windowStartMillis\":%d,\"windowEndMillis\":%d,\"observations\":%d,"
            + "\"count\":%d,\"observedSeconds\":%s,\"occupancyMeanFraction\":%s,\"occupancyMinFraction\":%s,"
            + "\"occupancyMaxFraction\":%s,\"speedMeanMetersPerSecond\":%s,\"speedMinMetersPerSecond\":%s,\"speedMaxMetersPerSecond\":%s}",
        a.detectorId(), a.laneId(), a.windowStartMillis(), a.windowEndMillis(), a.observations(), a.count(), num(a.observedSeconds()),
        num(a.occupancyMeanFraction()), num(a.occupancyMinFraction()), num(a.occupancyMaxFraction()), num(a.speedMeanMetersPerSecond()),
        num(a.speedMinMetersPerSecond()), num(a.speedMaxMetersPerSecond())).getBytes(StandardCharsets.UTF_8);
  }

  private static String num(double x) {
    return Double.isNaN(x) ? "null" : Double.toString(x);
  }
}

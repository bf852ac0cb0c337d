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
 * --window-seconds} (300), {@code --out-of-order-seconds} (60), {@code --checkpoint-seconds} (10).
 */
public final class LiveFlinkJob {
  private LiveFlinkJob() {}

  public static void main(String[] args) throws Exception {
    ParameterTool p = ParameterTool.fromArgs(args);
    String bootstrap = p.getRequired("bootstrap");
    String input = p.get("input", "citybrain.detector-reports");
    String output = p.get("output", "citybrain.lane-aggregates");
    double window = p.getDouble("window-seconds", 300);
    Duration outOfOrder = Duration.ofSeconds(p.getLong("out-of-order-seconds", 60));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(p.getLong("checkpoint-seconds", 10) * 1000, CheckpointingMode.EXACTLY_ONCE);

    KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(input)
        .setGroupId("citybrain-live-flink")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new AbstractDeserializationSchema<byte[]>() {
          private static final long serialVersionUID = 1L;

          @Override
          public byte[] deserialize(byte[] message) {
            return message;
          }
        })
        .build();
    DataStream<LaneAggregate> aggregates = LiveFlinkPipeline.laneAggregates(
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "detector reports").flatMap(new ReportDecoder()).name("contract check"),
        window, outOfOrder);
    KafkaSink<LaneAggregate> sink = KafkaSink.<LaneAggregate>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(KafkaRecordSerializationSchema.<LaneAggregate>builder()
            .setTopic(output)
            .setValueSerializationSchema((SerializationSchema<LaneAggregate>) LiveFlinkJob::json)
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("citybrain-live-aggregates")
        .build();
    aggregates.sinkTo(sink).name("lane aggregates");
    env.execute("citybrain live lane aggregates");
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

package io.citybrain.live.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.aggregate.LaneWindows;
import io.citybrain.live.aggregate.LiveOperators;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.health.DetectorHealthRules;
import io.citybrain.live.health.HealthLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/**
 * The job itself ({@link LiveFlinkJob#build}: Kafka source, contract check, lane windows,
 * transactional Kafka sink, checkpoints) on a local MiniCluster against an in-process KRaft broker,
 * bounded (it reads the input topic to its end and finishes). The committed output
 * ({@code read_committed}) equals the embedded runner's aggregates on the same input, each once;
 * malformed records are refused by the same contract check. Prints the throughput beside the
 * embedded runner's.
 */
class FlinkKafkaIT {
  @Test
  void theJobWritesExactlyTheEmbeddedAggregatesToKafkaOnce() throws Exception {
    long seed = 11;
    List<DetectorObservation> input = FlinkAgreementIT.input(seed);
    MessageCodec codec = new MessageCodec();

    long e0 = System.nanoTime();
    LiveOperators embedded = new LiveOperators(new LaneWindows(300), new DetectorHealthRules(HealthLimits.DEFAULTS), 60);
    List<String> expected = new ArrayList<>();
    embedded.onAggregate(a -> expected.add(new String(LiveFlinkJob.json(a), StandardCharsets.UTF_8)));
    input.forEach(embedded::observe);
    embedded.flushAll();
    double embeddedSeconds = (System.nanoTime() - e0) / 1e9;

    try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(
            new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build()) {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
        // one input partition: event time comes from the decoded reports, after the source, so the
        // watermark is not per partition and partitions read at different speeds would make
        // records late (see docs/live.md)
        admin.createTopics(List.of(new NewTopic(LiveFlinkJob.DEFAULT_INPUT, 1, (short) 1), new NewTopic(LiveFlinkJob.DEFAULT_OUTPUT, 2,
            (short) 1))).all().get();
      }
      // one report per detector and minute (the detector is the station), keyed by station
      Properties pp = new Properties();
      pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      Map<String, Long> seq = new LinkedHashMap<>();
      int malformed = 0;
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
        for (DetectorObservation o : input) {
          long n = seq.merge(o.detectorId(), 1L, Long::sum);
          byte[] key = o.detectorId().getBytes(StandardCharsets.UTF_8);
          producer.send(new ProducerRecord<>(LiveFlinkJob.DEFAULT_INPUT, key, codec.encode(new DetectorReport(o.detectorId(), n, List.of(o)))));
          if (n % 100 == 0) {
            producer.send(new ProducerRecord<>(LiveFlinkJob.DEFAULT_INPUT, key, "{\"schema\":\"citybrain.detector-report/1\"}"
                .getBytes(StandardCharsets.UTF_8)));
            malformed++;
          }
        }
        producer.flush();
      }

      // a failure fails the test instead of restarting the job for ever
      org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
      conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "none");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
      long f0 = System.nanoTime();
      LiveFlinkJob.build(env, kafka.bootstrapServers(), LiveFlinkJob.DEFAULT_INPUT, LiveFlinkJob.DEFAULT_OUTPUT, 300,
          Duration.ofSeconds(60), 2_000, true);
      env.execute("citybrain live lane aggregates (test)");
      double flinkSeconds = (System.nanoTime() - f0) / 1e9;

      Properties cp = new Properties();
      cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      cp.put(ConsumerConfig.GROUP_ID_CONFIG, "verifier");
      cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      List<String> actual = new ArrayList<>();
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer.subscribe(List.of(LiveFlinkJob.DEFAULT_OUTPUT));
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int idlePolls = 0;
        while (System.nanoTime() < end && (actual.size() < expected.size() || idlePolls < 10)) {
          int before = actual.size();
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            actual.add(new String(r.value(), StandardCharsets.UTF_8));
          }
          idlePolls = actual.size() == before ? idlePolls + 1 : 0;
        }
      }
      expected.sort(null);
      actual.sort(null);
      // 200 detectors x 24 five-minute windows, each once (a duplicate would make the list longer)
      assertThat(expected).hasSize(200 * 24);
      assertThat(actual).as("seed %d", seed).hasSize(expected.size()).isEqualTo(expected);
      assertThat(malformed).isPositive();
      System.out.printf("Kafka -> Flink job -> Kafka, %d observations in %d reports (+%d malformed): embedded lane windows %.0f obs/s;"
          + " the bounded job on a local MiniCluster (2 slots, start-up and checkpoints included) %.0f obs/s%n",
          input.size(), input.size(), malformed, input.size() / embeddedSeconds, input.size() / flinkSeconds);
    }
  }
}

package io.citybrain.live.transport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.centre.LiveCentre;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.history.MemoryObservationStore;
import io.citybrain.live.ingest.Reconciliation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/**
 * Kafka into the centre, on an in-process KRaft broker (one combined node): detector reports on
 * three partitions, a malformed record flood and repeated reports, with the centre's consumer
 * stopped half-way and a new one started in the same group. Every observation is stored once, the
 * malformed records are dead letters, the counters reconcile, and the group's committed offsets
 * reach the end of every partition (nothing acknowledged is read again, nothing unread is skipped).
 */
class KafkaIngestIT {
  static final int STATIONS = 30;
  static final int REPORTS_PER_STATION = 40;
  static final int LANES = 4;
  static final int MALFORMED = 200;

  static KafkaClusterTestKit startBroker() throws Exception {
    KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(
        new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        // one broker: Kafka's internal topics cannot have the default three replicas
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    return kafka;
  }

  static void await(String what, Duration max, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
      Thread.sleep(20);
    }
  }

  static boolean committedToEnd(Admin admin) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("centre").partitionsToOffsetAndMetadata().get();
      for (int p = 0; p < 3; p++) {
        TopicPartition tp = new TopicPartition(KafkaCentreLink.DETECTOR_REPORTS, p);
        long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        if (committed.get(tp) == null || committed.get(tp).offset() != end) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyRecordIsStoredOnceAcrossAConsumerRestartAndTheCountersReconcile() throws Exception {
    MessageCodec codec = new MessageCodec();
    Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
    try (KafkaClusterTestKit kafka = startBroker();
        Admin admin = kafka.admin()) {
      admin.createTopics(List.of(new NewTopic(KafkaCentreLink.DETECTOR_REPORTS, 3, (short) 1),
          new NewTopic(KafkaCentreLink.METER_READINGS, 1, (short) 1), new NewTopic(KafkaCentreLink.SIGNAL_STATES, 1, (short) 1)))
          .all().get();
      Properties pp = new Properties();
      pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      pp.put(ProducerConfig.ACKS_CONFIG, "all");
      int records = 0;
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
        for (int k = 0; k < REPORTS_PER_STATION; k++) {
          for (int s = 0; s < STATIONS; s++) {
            String station = "st" + s;
            List<DetectorObservation> obs = new ArrayList<>();
            for (int l = 0; l < LANES; l++) {
              obs.add(DetectorObservation.loop(station + "-d" + l, station + "_" + l, t0.plusSeconds(60L * k), t0.plusSeconds(60L * k + 60),
                  l + 1, 0.1, 8));
            }
            byte[] report = codec.encode(new DetectorReport(station, k, obs));
            producer.send(new ProducerRecord<>(KafkaCentreLink.DETECTOR_REPORTS, station.getBytes(StandardCharsets.UTF_8), report));
            records++;
            if (s == 0 && k % 4 == 0) {
              // a publisher's retry: the same report again
              producer.send(new ProducerRecord<>(KafkaCentreLink.DETECTOR_REPORTS, station.getBytes(StandardCharsets.UTF_8), report));
              records++;
            }
          }
          for (int b = 0; b < MALFORMED / REPORTS_PER_STATION; b++) {
            byte[] junk = (b % 2 == 0 ? "{\"schema\":\"citybrain.detector-report/1\",\"stationId\":7}" : "not json " + k)
                .getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(KafkaCentreLink.DETECTOR_REPORTS, ("junk" + b).getBytes(StandardCharsets.UTF_8), junk));
            records++;
          }
        }
        producer.flush();
      }
      int total = records;
      int repeats = REPORTS_PER_STATION / 4;
      long observations = (long) STATIONS * REPORTS_PER_STATION * LANES;
      MemoryObservationStore store = new MemoryObservationStore();
      // a small queue, so that the consumer meets back-pressure
      try (LiveCentre centre = new LiveCentre(store, 300, HealthLimits.DEFAULTS, 64)) {
        KafkaCentreLink first = new KafkaCentreLink(kafka.bootstrapServers(), "centre", centre.pipeline(), Map.of());
        await("half the records acknowledged", Duration.ofSeconds(60), () -> first.recordsAcknowledged() >= total / 2);
        first.close(); // mid-stream: what it acknowledged after its last commit is read again
        long firstReceived = first.recordsReceived();
        try (KafkaCentreLink second = new KafkaCentreLink(kafka.bootstrapServers(), "centre", centre.pipeline(), Map.of())) {
          await("every observation stored", Duration.ofSeconds(60),
              () -> centre.pipeline().reconciliation().observationsStored() >= observations);
          assertThat(centre.pipeline().awaitDrained(Duration.ofSeconds(30))).isTrue();
          // the group commits up to the end of every partition: nothing left unread or unacknowledged
          await("offsets committed to the end of every partition", Duration.ofSeconds(60), () -> committedToEnd(admin));
          long reread = firstReceived + second.recordsReceived() - total;
          System.out.printf("kafka ingest: %d records, %d read by the first consumer, %d read again after the restart%n", total,
              firstReceived, reread);
          assertThat(reread).as("records read again").isGreaterThanOrEqualTo(0);
        }
        Reconciliation r = centre.pipeline().reconciliation();
        assertThat(store.observationCount()).as("distinct observations stored").isEqualTo(observations);
        assertThat(r.observationsStored()).isEqualTo(observations);
        assertThat(r.reportsMissing()).isZero();
        assertThat(r.reportsRepeated()).as("retries and rereads").isGreaterThanOrEqualTo(repeats);
        assertThat(r.messagesRefused()).as("the malformed flood").isGreaterThanOrEqualTo(MALFORMED);
        assertThat(r.balanced()).isTrue();
        centre.pipeline().operators().flushAll();
        Set<String> reasons = new HashSet<>();
        store.deadLetters().forEach(d -> reasons.add(d.field()));
        assertThat(store.deadLetters().size()).isGreaterThanOrEqualTo(MALFORMED);
        assertThat(reasons).as("dead letters name the field").isNotEmpty();
      }
    }
  }
}

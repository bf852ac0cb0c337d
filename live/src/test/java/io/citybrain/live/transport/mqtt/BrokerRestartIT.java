package io.citybrain.live.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.centre.LiveCentre;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.history.MemoryObservationStore;
import io.citybrain.live.ingest.Reconciliation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the MQTT broker restarts mid-stream. The publisher's QoS 1 messages in flight are resent
 * after it reconnects, the centre's persistent session resumes with what the broker queued, and
 * every observation published is stored and aggregated exactly once.
 */
class BrokerRestartIT {
  @Test
  void nothingAcknowledgedIsLostWhenTheBrokerRestarts(@TempDir Path dir) throws Exception {
    int port = MqttLiveLoopIT.freePort();
    Path brokerDir = dir.resolve("broker");
    MessageCodec codec = new MessageCodec();
    MemoryObservationStore store = new MemoryObservationStore();
    Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
    int reports = 3000;
    int lanes = 4;
    EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(port, brokerDir, 100);
    try (LiveCentre centre = new LiveCentre(store, 300, HealthLimits.DEFAULTS, 1 << 12);
        MqttCentreLink centreLink = new MqttCentreLink(broker.endpoint(), "centre-restart", centre.pipeline(), codec, 100);
        MqttSession publisher = new MqttSession(broker.endpoint(), "publisher-restart", 100, null)) {
      for (int k = 0; k < reports; k++) {
        if (k == reports / 2) {
          broker.close(); // mid-stream
          broker = EmbeddedMqttBroker.start(port, brokerDir, 100);
        }
        List<DetectorObservation> obs = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
          obs.add(DetectorObservation.loop("s" + (k % 10) + "-d" + l, "r" + (k % 10) + "_" + l, t0.plusSeconds(60L * (k / 10)),
              t0.plusSeconds(60L * (k / 10) + 60), l, 0.1, 8));
        }
        publisher.publish(MqttTopics.detectors("s" + (k % 10)), codec.encode(new DetectorReport("s" + (k % 10), k / 10, obs)));
      }
      publisher.flush(Duration.ofMinutes(2));
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (centre.pipeline().reconciliation().observationsStored() < (long) reports * lanes && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(centre.pipeline().awaitDrained(Duration.ofSeconds(30))).isTrue();
      Reconciliation r = centre.pipeline().reconciliation();
      assertThat(publisher.publishFailures()).isZero();
      assertThat(store.observationCount()).as("distinct observations stored").isEqualTo(reports * lanes);
      assertThat(r.observationsStored()).isEqualTo((long) reports * lanes);
      assertThat(r.observationsAggregated() + r.observationsLate()).isEqualTo(r.observationsStored());
      assertThat(r.balanced()).isTrue();
      assertThat(r.reportsMissing()).isZero();
    } finally {
      broker.close();
    }
  }
}

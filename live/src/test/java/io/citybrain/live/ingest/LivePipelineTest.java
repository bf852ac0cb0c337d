package io.citybrain.live.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.aggregate.LaneWindows;
import io.citybrain.live.aggregate.LiveOperators;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.contract.MeterReading;
import io.citybrain.live.contract.Rejection;
import io.citybrain.live.health.DetectorHealthRules;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.history.MemoryObservationStore;
import io.citybrain.live.history.ObservationStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LivePipelineTest {
  private static final MessageCodec CODEC = new MessageCodec();
  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

  private static LiveOperators operators() {
    return new LiveOperators(new LaneWindows(60), new DetectorHealthRules(HealthLimits.DEFAULTS), 0);
  }

  private static byte[] report(String station, long seq, int lanes, int minute) {
    List<DetectorObservation> obs = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      obs.add(DetectorObservation.loop(station + "-d" + l, station + "_" + l, T.plusSeconds(60L * minute),
          T.plusSeconds(60L * minute + 60), l + 1, 0.1, 9.5));
    }
    return CODEC.encode(new DetectorReport(station, seq, obs));
  }

  @Test
  void aMalformedFloodIsRefusedCountedAndStoredAsDeadLettersWhileGoodDataPasses() throws Exception {
    MemoryObservationStore store = new MemoryObservationStore();
    long seed = 20260302L;
    Random random = new Random(seed);
    List<LaneAggregate> aggregates = new CopyOnWriteArrayList<>();
    try (LivePipeline p = new LivePipeline(CODEC, store, operators(), 256, Duration.ofSeconds(5))) {
      p.operators().onAggregate(aggregates::add);
      AtomicInteger acks = new AtomicInteger();
      int good = 0;
      int bad = 0;
      int deadLetters = 0;
      for (int minute = 0; minute < 20; minute++) {
        for (int s = 0; s < 10; s++) {
          byte[] payload = report("st" + s, minute, 4, minute);
          assertThat(p.submit(new RawMessage(MessageKind.DETECTOR_REPORT, payload, "t", Instant.now(), acks::incrementAndGet))).isTrue();
          good++;
          // ten malformed messages of assorted kinds per good one
          for (int k = 0; k < 10; k++) {
            int kind = random.nextInt(4);
            // a report whose four observations all break the schema leaves one dead letter each
            deadLetters += kind == 2 ? 4 : 1;
            byte[] junk = switch (kind) {
              case 0 -> new byte[] {(byte) random.nextInt(256), '{', 0};
              case 1 -> "{\"schema\":\"citybrain.detector-report/1\"}".getBytes(StandardCharsets.UTF_8);
              case 2 -> new String(payload, StandardCharsets.UTF_8).replace("0.1", "10").getBytes(StandardCharsets.UTF_8);
              default -> "[]".getBytes(StandardCharsets.UTF_8);
            };
            assertThat(p.submit(new RawMessage(MessageKind.DETECTOR_REPORT, junk, "t", Instant.now(), acks::incrementAndGet))).isTrue();
            bad++;
          }
        }
      }
      assertThat(p.awaitDrained(Duration.ofSeconds(30))).as("seed %d", seed).isTrue();
      p.operators().flushAll();
      Reconciliation r = p.reconciliation();
      assertThat(r.messagesReceived()).isEqualTo(good + bad);
      assertThat(acks.get()).as("every message is acknowledged once stored or refused").isEqualTo(good + bad);
      assertThat(r.observationsAccepted()).isEqualTo(good * 4L);
      assertThat(r.observationsStored()).isEqualTo(good * 4L);
      assertThat(r.observationsAggregated()).isEqualTo(good * 4L);
      assertThat(r.balanced()).isTrue();
      assertThat(store.observationCount()).isEqualTo(good * 4);
      assertThat(store.deadLetters()).hasSize(deadLetters);
      assertThat(store.deadLetters()).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
      // 40 detectors x 20 one-minute windows, each count the lane number
      assertThat(aggregates).hasSize(800);
      assertThat(aggregates.stream().mapToLong(LaneAggregate::count).sum()).isEqualTo(20L * 10 * (1 + 2 + 3 + 4));
    }
  }

  @Test
  void aLateObservationIsStoredCountedAndHandedToTheLateReceiversOnly() throws Exception {
    MemoryObservationStore store = new MemoryObservationStore();
    try (LivePipeline p = new LivePipeline(CODEC, store, operators(), 16, Duration.ofSeconds(1))) {
      List<DetectorObservation> late = new CopyOnWriteArrayList<>();
      List<LaneAggregate> aggregates = new CopyOnWriteArrayList<>();
      p.onLateObservations(late::addAll);
      p.operators().onAggregate(aggregates::add);
      // one-minute windows: minute 0, then minute 2, which emits minute 0's windows; then the
      // second half of minute 0 for detector a-d0 (not a repeat: another interval start)
      p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, report("a", 0, 2, 0), "t", T));
      p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, report("a", 1, 2, 2), "t", T));
      p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, CODEC.encode(new DetectorReport("a", 2,
          List.of(DetectorObservation.loop("a-d0", "a_0", T.plusSeconds(30), T.plusSeconds(60), 1, 0.1, 9.5)))), "t", T));
      assertThat(p.awaitDrained(Duration.ofSeconds(10))).isTrue();
      Reconciliation r = p.reconciliation();
      assertThat(r.observationsStored()).isEqualTo(5);
      assertThat(r.observationsLate()).isEqualTo(1);
      assertThat(r.observationsAggregated()).isEqualTo(4);
      assertThat(r.balanced()).isTrue();
      assertThat(aggregates).extracting(LaneAggregate::detectorId).containsExactlyInAnyOrder("a-d0", "a-d1");
      assertThat(late).extracting(DetectorObservation::intervalStart).containsExactly(T.plusSeconds(30));
    }
  }

  @Test
  void aRedeliveredReportIsDroppedAsARepeat() throws Exception {
    MemoryObservationStore store = new MemoryObservationStore();
    try (LivePipeline p = new LivePipeline(CODEC, store, operators(), 16, Duration.ofSeconds(1))) {
      byte[] r0 = report("a", 0, 3, 0);
      p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, r0, "t", T));
      p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, r0, "t", T));
      p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, report("a", 2, 3, 2), "t", T));
      assertThat(p.awaitDrained(Duration.ofSeconds(10))).isTrue();
      Reconciliation r = p.reconciliation();
      assertThat(r.reportsRepeated()).isEqualTo(1);
      assertThat(r.observationsRepeated()).isEqualTo(3);
      assertThat(r.reportsMissing()).isEqualTo(1);
      assertThat(r.observationsStored()).isEqualTo(6);
      assertThat(r.balanced()).isTrue();
    }
  }

  /** A store that fails its first writes, as a database restarting would. */
  private static final class FlakyStore implements ObservationStore {
    final MemoryObservationStore inner = new MemoryObservationStore();
    final AtomicInteger failuresLeft = new AtomicInteger(3);

    @Override
    public void appendObservations(List<DetectorObservation> o) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("database unavailable");
      }
      inner.appendObservations(o);
    }

    @Override
    public void appendMeterReadings(List<MeterReading> r) {
      inner.appendMeterReadings(r);
    }

    @Override
    public void appendDeadLetters(List<Rejection> r) {
      inner.appendDeadLetters(r);
    }
  }

  @Test
  void nothingIsAcknowledgedBeforeItIsStoredAndFailedWritesAreRetried() throws Exception {
    FlakyStore store = new FlakyStore();
    try (LivePipeline p = new LivePipeline(CODEC, store, operators(), 16, Duration.ofSeconds(1))) {
      AtomicInteger acks = new AtomicInteger();
      List<Integer> storedAtAck = new CopyOnWriteArrayList<>();
      p.submit(new RawMessage(MessageKind.DETECTOR_REPORT, report("a", 0, 2, 0), "t", T, () -> {
        acks.incrementAndGet();
        storedAtAck.add(store.inner.observationCount());
      }));
      assertThat(p.awaitDrained(Duration.ofSeconds(10))).isTrue();
      assertThat(acks.get()).isEqualTo(1);
      assertThat(storedAtAck).containsExactly(2);
      assertThat(p.reconciliation().storeRetries()).isEqualTo(3);
    }
  }

  @Test
  void aFullQueueRefusesInsteadOfGrowing() throws Exception {
    MemoryObservationStore inner = new MemoryObservationStore();
    ObservationStore slow = new ObservationStore() {
      @Override
      public void appendObservations(List<DetectorObservation> o) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inner.appendObservations(o);
      }

      @Override
      public void appendMeterReadings(List<MeterReading> r) {
        inner.appendMeterReadings(r);
      }

      @Override
      public void appendDeadLetters(List<Rejection> r) {
        inner.appendDeadLetters(r);
      }
    };
    try (LivePipeline p = new LivePipeline(CODEC, slow, operators(), 4, Duration.ofMillis(20))) {
      int refused = 0;
      for (int k = 0; k < 50; k++) {
        if (!p.submit(RawMessage.of(MessageKind.DETECTOR_REPORT, report("a", k, 1, k), "t", T))) {
          refused++;
        }
      }
      assertThat(refused).isPositive();
      assertThat(p.reconciliation().backPressureWaits()).isPositive();
      assertThat(p.awaitDrained(Duration.ofSeconds(30))).isTrue();
      // what was refused was never counted as received: the transport still holds it
      assertThat(p.reconciliation().observationsStored()).isEqualTo(50 - refused);
      assertThat(p.reconciliation().balanced()).isTrue();
    }
  }
}

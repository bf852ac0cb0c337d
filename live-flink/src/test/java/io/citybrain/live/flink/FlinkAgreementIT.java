package io.citybrain.live.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.aggregate.LaneWindows;
import io.citybrain.live.aggregate.LiveOperators;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.health.DetectorHealthRules;
import io.citybrain.live.health.HealthLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The Flink job's operators give exactly the embedded runner's aggregates on the same input (a
 * local MiniCluster, 2 slots), and both throughputs are printed.
 */
class FlinkAgreementIT {
  private static final Comparator<LaneAggregate> ORDER =
      Comparator.comparing(LaneAggregate::detectorId).thenComparingLong(LaneAggregate::windowStartMillis);

  /** 200 detectors x 2 hours of 1-minute observations, detectors interleaved, each in time order. */
  static List<DetectorObservation> input(long seed) {
    Random r = new Random(seed);
    long t0 = Instant.parse("2026-03-02T06:00:00Z").toEpochMilli();
    List<DetectorObservation> list = new ArrayList<>();
    for (int minute = 0; minute < 120; minute++) {
      for (int d = 0; d < 200; d++) {
        if (r.nextInt(50) == 0) {
          continue; // a missed report now and then
        }
        int count = r.nextInt(40);
        list.add(DetectorObservation.loop("det-" + d, "road_" + d + "_0", Instant.ofEpochMilli(t0 + minute * 60_000L),
            Instant.ofEpochMilli(t0 + (minute + 1) * 60_000L), count, r.nextDouble() * 0.6, count == 0 ? Double.NaN : 3 + 12 * r.nextDouble()));
      }
    }
    return list;
  }

  @Test
  void flinkAggregatesEqualTheEmbeddedRunners() throws Exception {
    long seed = 7;
    List<DetectorObservation> input = input(seed);

    long e0 = System.nanoTime();
    LiveOperators embedded = new LiveOperators(new LaneWindows(300), new DetectorHealthRules(HealthLimits.DEFAULTS), 60);
    List<LaneAggregate> expected = new ArrayList<>();
    embedded.onAggregate(expected::add);
    input.forEach(embedded::observe);
    embedded.flushAll();
    double embeddedSeconds = (System.nanoTime() - e0) / 1e9;

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<LaneAggregate> actual = new ArrayList<>();
    long f0 = System.nanoTime();
    try (CloseableIterator<LaneAggregate> it = LiveFlinkPipeline.laneAggregates(env.fromData(input).setParallelism(1), 300,
        Duration.ofSeconds(60)).executeAndCollect()) {
      it.forEachRemaining(actual::add);
    }
    double flinkSeconds = (System.nanoTime() - f0) / 1e9;

    expected.sort(ORDER);
    actual.sort(ORDER);
    assertThat(actual).as("seed %d", seed).hasSize(expected.size()).isEqualTo(expected);
    // 200 detectors x 24 five-minute windows
    assertThat(expected).hasSize(200 * 24);
    System.out.printf("lane windows, %d observations: embedded %.0f obs/s, Flink MiniCluster (2 slots, including its start-up of tens of seconds) %.0f obs/s%n",
        input.size(), input.size() / embeddedSeconds, input.size() / flinkSeconds);
  }
}

package io.citybrain.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.contract.Rejection;
import io.citybrain.platform.TestDatabases;
import io.citybrain.platform.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live history on each database citybrain stores in: idempotent writes, rollups equal to the rows,
 * retention. {@link JdbcObservationStoreH2Test} runs it on embedded H2 in the fast loop; {@link
 * JdbcObservationStorePostgresIT} on the PostgreSQL test server, an integration test.
 */
abstract class JdbcObservationStoreSuite {
  /** The database kind of {@link TestDatabases#of}: {@code h2} or {@code postgresql}. */
  abstract String kind();

  private static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();

  private static DetectorObservation obs(String det, int minute, int count, double occupancy, double speed) {
    return DetectorObservation.loop(det, det + "_lane", Instant.ofEpochMilli(T0 + minute * 60_000L),
        Instant.ofEpochMilli(T0 + (minute + 1) * 60_000L), count, occupancy, speed);
  }

  @Test
  void storesOnceAndAggregatesByHand(@TempDir Path dir) throws Exception {
    try (TestDatabases.TestDb tdb = TestDatabases.of(kind(), dir.resolve("db")); Database db = Database.open(tdb.settings())) {
      JdbcObservationStore store = new JdbcObservationStore(db);
      List<DetectorObservation> day = new ArrayList<>();
      // 10 minutes of one detector: minute m has m vehicles at occupancy m/100 and 10 m/s (none at minute 0)
      for (int m = 0; m < 10; m++) {
        day.add(obs("d1", m, m, m / 100.0, m == 0 ? Double.NaN : 10));
      }
      store.appendObservations(day);
      store.appendObservations(day.subList(3, 6)); // redelivered: nothing changes
      assertThat(store.observationCount()).isEqualTo(10);

      // before any rollup: from the rows
      List<LaneAggregate> raw = store.aggregates("d1", T0, T0 + 600_000, 300_000);
      assertThat(raw).hasSize(2);
      assertThat(raw.get(0).count()).isEqualTo(0 + 1 + 2 + 3 + 4);
      assertThat(raw.get(0).occupancyMeanFraction()).isCloseTo(0.02, within(1e-12));
      assertThat(raw.get(1).count()).isEqualTo(5 + 6 + 7 + 8 + 9);
      assertThat(raw.get(0).speedMeanMetersPerSecond()).isEqualTo(10.0);
      assertThat(raw.get(0).speedMinMetersPerSecond()).isEqualTo(10.0);

      // after the first window rolls up, the same figures come from the rollup
      store.refreshRollup("d1", T0);
      store.refreshRollup("d1", T0); // idempotent
      List<LaneAggregate> mixed = store.aggregates("d1", T0, T0 + 600_000, 300_000);
      assertThat(mixed).isEqualTo(raw);
      // a 10-minute period straddles rolled-up and open windows
      List<LaneAggregate> ten = store.aggregatesOfAll(T0, T0 + 600_000, 600_000).get("d1");
      assertThat(ten).singleElement().satisfies(a -> {
        assertThat(a.count()).isEqualTo(45);
        assertThat(a.observations()).isEqualTo(10);
        assertThat(a.occupancyMeanFraction()).isCloseTo(0.045, within(1e-12));
        assertThat(a.occupancyMaxFraction()).isEqualTo(0.09);
      });

      store.appendDeadLetters(List.of(new Rejection(MessageKind.DETECTOR_REPORT, "t", "$.seq", "required", 2, "{}", Instant.ofEpochMilli(T0))));
      assertThat(store.deadLetters(10)).hasSize(1);
      assertThat(store.deleteBefore(T0 + 300_000)).isEqualTo(5 + 1 + 1); // five rows, one rollup, one dead letter
      assertThat(store.observationCount()).isEqualTo(5);
    }
  }
}

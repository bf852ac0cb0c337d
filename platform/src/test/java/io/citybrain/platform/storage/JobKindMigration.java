package io.citybrain.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * Jobs of every kind share the runs table: a database written by the traffic-only schema (V1)
 * keeps its runs when migrated (they become traffic runs without a recorded digest), and a grid
 * dispatch and its result document round-trip. Run on H2 ({@link JobKindMigrationH2Test}) and
 * PostgreSQL ({@link JobKindMigrationPostgresIT}).
 */
abstract class JobKindMigration {
  @TempDir Path tmp;

  /** The database kind of {@link TestDatabases#of}: {@code h2} or {@code postgresql}. */
  abstract String kind();

  @Test
  void runsStoredBeforeJobKindsAreKeptAsTrafficRuns() throws Exception {
    try (TestDatabases.TestDb tdb = TestDatabases.of(kind(), tmp)) {
      DatabaseSettings s = tdb.settings();
      var v1 = Flyway.configure()
          .dataSource(s.jdbcUrl(), s.user().orElse(null), s.password().orElse(null))
          .locations("classpath:db/migration")
          .target("1");
      if (s.schema().isPresent()) {
        v1 = v1.schemas(s.schema().get()).defaultSchema(s.schema().get());
      }
      v1.load().migrate();
      try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user().orElse(null), s.password().orElse(null))) {
        if (s.schema().isPresent()) {
          c.setSchema(s.schema().get());
        }
        try (PreparedStatement st = c.prepareStatement(
            "INSERT INTO runs (scenario_id, scenario_name, controller, controller_version, parameters_json, seed, steps,"
                + " interval_seconds, replay, pace_steps_per_second, status, status_detail, steps_done, created_at_ms,"
                + " created_by, summary_json) VALUES ('jinan', 'Jinan (real flow)', 'sotl', '1.0',"
                + " '{\"thresholdVehicleSeconds\":30.0}', 3, 600, 1.0, FALSE, 0.0, 'succeeded', NULL, 600,"
                + " 1700000000000, 'token:alice', '{\"averageTravelTimeSeconds\":123.5}')")) {
          st.executeUpdate();
        }
      }

      try (Database db = Database.open(s)) {
        RunStore runs = new RunStore(db);
        RunRecord old = runs.list(null, null, 10).get(0);

        assertThat(old.run().kind()).isEqualTo(JobKind.TRAFFIC_RUN);
        assertThat(old.run().algorithmDigest()).isNull();
        assertThat(old.run().controller()).isEqualTo("sotl");
        assertThat(old.run().parameters()).containsEntry("thresholdVehicleSeconds", 30.0);
        assertThat(old.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(old.hasResults()).isTrue();
        assertThat(runs.summaryJson(old.id())).contains("{\"averageTravelTimeSeconds\":123.5}");
      }
    }
  }

  @Test
  void aGridDispatchAndItsResultRoundTripApartFromTrafficRuns() throws Exception {
    try (TestDatabases.TestDb tdb = TestDatabases.of(kind(), tmp); Database db = Database.open(tdb.settings())) {
      RunStore runs = new RunStore(db);
      Instant t0 = Instant.ofEpochMilli(1_700_000_000_000L);
      String digest = "ab".repeat(32);
      NewRun dispatch = new NewRun("case5", "case5", "dc-opf", "1.0", Map.of("relativeGap", 1e-9, "maxLpSolves", 200.0),
          0, 1, 1.0, false, 0, "token:bob", JobKind.GRID_DISPATCH, digest);
      long id = db.jdbi().inTransaction(h -> runs.insertQueued(h, dispatch, t0));

      assertThat(runs.list(null, null, 10)).as("traffic runs only").isEmpty();
      assertThat(runs.list(JobKind.GRID_DISPATCH, null, "case5", 10)).extracting(RunRecord::id).containsExactly(id);
      boolean stored = db.jdbi().inTransaction(
          h -> runs.finishDispatch(h, id, RunStatus.SUCCEEDED, null, "{\"case\":\"case5\"}", t0.plusSeconds(1)));
      boolean again = db.jdbi().inTransaction(
          h -> runs.finishDispatch(h, id, RunStatus.FAILED, "late", null, t0.plusSeconds(2)));

      assertThat(stored).isTrue();
      assertThat(again).as("a final job is not finished twice").isFalse();
      RunRecord r = runs.find(id).orElseThrow();
      assertThat(r.run()).isEqualTo(dispatch);
      assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(r.hasResults()).isTrue();
      assertThat(runs.resultJson(id)).contains("{\"case\":\"case5\"}");
      assertThat(runs.summaryJson(id)).isEmpty();
    }
  }
}

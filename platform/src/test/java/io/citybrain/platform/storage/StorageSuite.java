package io.citybrain.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.platform.TestDatabases;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.audit.AuditVerification;
import io.citybrain.platform.auth.TokenService;
import io.citybrain.platform.scenarios.ScenarioCatalog;
import io.citybrain.platform.scenarios.UploadOutcome;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage suite: the same tests against each database citybrain stores in, each test in a
 * fresh database (H2 file) or schema (PostgreSQL, dropped afterwards). {@link StorageSuiteH2Test}
 * runs it on embedded H2 in the fast loop; {@link StorageSuitePostgresIT} on the PostgreSQL server
 * on loopback, an integration test since it needs that server.
 */
abstract class StorageSuite {
  private static RunResult jinanResult;

  @TempDir Path tmp;

  /** The database kind of {@link TestDatabases#of}: {@code h2} or {@code postgresql}. */
  abstract String kind();

  private TestDatabases.TestDb freshDatabase() throws java.io.IOException {
    return TestDatabases.of(kind(), tmp);
  }

  @BeforeAll
  static void simulateOnce() throws Exception {
    Scenario s = ScenarioLoader.loadBundled(BundledCity.JINAN, "real");
    jinanResult = TrafficRunner.run(s, "max-pressure", Map.of(), SimulationConfig.defaults(), 240, RunListener.NONE);
  }

  @AfterAll
  static void forget() {
    jinanResult = null;
  }

  private static NewRun newRun(String actor) {
    return new NewRun("jinan", "Jinan (real flow)", "max-pressure", "1", Map.of("minGreenSeconds", 15.0), 7, 240, 1.0, false, 0, actor,
        JobKind.TRAFFIC_RUN, "00".repeat(32));
  }

  @Test
  void runsAndResultsRoundTripAndSurviveReopening() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase()) {
      long id;
      try (Database db = Database.open(tdb.settings())) {
        RunStore runs = new RunStore(db);
        Instant t0 = Instant.ofEpochMilli(1_700_000_000_000L);
        id = db.jdbi().inTransaction(h -> runs.insertQueued(h, newRun("token:alice"), t0));
        assertThat(runs.find(id)).hasValueSatisfying(r -> {
          assertThat(r.status()).isEqualTo(RunStatus.QUEUED);
          assertThat(r.run().parameters()).containsEntry("minGreenSeconds", 15.0);
          assertThat(r.hasResults()).isFalse();
        });
        assertThat(runs.markRunning(id, t0.plusSeconds(1))).isTrue();
        assertThat(runs.markRunning(id, t0.plusSeconds(1))).as("only a queued run starts").isFalse();
        boolean stored =
            db.jdbi().inTransaction(h -> runs.finish(h, id, RunStatus.SUCCEEDED, null, 240, jinanResult, t0.plusSeconds(5)));
        assertThat(stored).isTrue();
        boolean again =
            db.jdbi().inTransaction(h -> runs.finish(h, id, RunStatus.FAILED, "x", 0, null, t0.plusSeconds(6)));
        assertThat(again).as("a final run is never rewritten").isFalse();
      }
      try (Database db = Database.open(tdb.settings())) {
        RunStore runs = new RunStore(db);
        RunRecord r = runs.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.hasResults()).isTrue();
        assertThat(r.startedAt()).contains(Instant.ofEpochMilli(1_700_000_001_000L));
        assertThat(runs.timeSeries(id)).isEqualTo(jinanResult.timeSeries());
        assertThat(runs.intersections(id)).hasSize(jinanResult.intersections().size());
        for (int i = 0; i < jinanResult.intersections().size(); i++) {
          var a = runs.intersections(id).get(i);
          var b = jinanResult.intersections().get(i);
          assertThat(a.intersectionId()).isEqualTo(b.intersectionId());
          assertThat(a.vehiclesPassed()).isEqualTo(b.vehiclesPassed());
          assertThat(Double.compare(a.meanStoppedDelaySeconds(), b.meanStoppedDelaySeconds())).isZero();
        }
        String summary = runs.summaryJson(id).orElseThrow();
        assertThat(summary).contains("\"averageTravelTimeSeconds\":" + jinanResult.summary().averageTravelTimeSeconds());
        assertThat(summary).contains("\"completed\":true");
        assertThat(runs.list(RunStatus.SUCCEEDED, "jinan", 10)).extracting(RunRecord::id).containsExactly(id);
        assertThat(runs.list(RunStatus.RUNNING, null, 10)).isEmpty();
      }
    }
  }

  @Test
  void auditChainVerifiesAndDetectsTampering() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = new AuditLog(db, Clock.systemUTC());
      assertThat(audit.verify().intact()).isTrue();
      assertThat(audit.verify().lastHash()).isEqualTo(AuditLog.GENESIS);
      for (int i = 1; i <= 5; i++) {
        audit.append(AuditEvent.ofRun("token:alice", "run.start", i, "max-pressure", "1", "seed=" + i));
      }
      AuditVerification ok = audit.verify();
      assertThat(ok.intact()).isTrue();
      assertThat(ok.entries()).isEqualTo(5);
      var entries = audit.list(0, 10);
      assertThat(entries.get(0).prevHash()).isEqualTo(AuditLog.GENESIS);
      for (int i = 1; i < entries.size(); i++) {
        assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
      }
      assertThat(entries.get(2).event().controller()).contains("max-pressure");

      // change who did entry 3
      db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'token:mallory' WHERE seq = 3"));
      AuditVerification broken = audit.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.brokenAtSeq()).contains(3L);
      assertThat(broken.describe()).contains("BROKEN at entry 3");
      db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'token:alice' WHERE seq = 3"));
      assertThat(audit.verify().intact()).isTrue();

      // remove entry 2
      db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = 2"));
      assertThat(audit.verify().brokenAtSeq()).contains(2L);
    }
  }

  @Test
  void aFailedTransactionStoresNeitherTheChangeNorItsAuditEntry() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = new AuditLog(db, Clock.systemUTC());
      RunStore runs = new RunStore(db);
      assertThatThrownBy(
              () ->
                  audit.record(
                      h -> {
                        runs.insertQueued(h, newRun("token:alice"), Instant.now());
                        audit.hashCode();
                        throw new IllegalStateException("boom after the insert");
                      }))
          .hasMessageContaining("boom");
      assertThat(runs.count()).isZero();
      assertThat(audit.count()).isZero();
    }
  }

  @Test
  void tokensAreStoredHashedAndCanBeRevoked() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = new AuditLog(db, Clock.systemUTC());
      TokenService tokens = new TokenService(db, audit, Clock.systemUTC());
      String secret = tokens.create("alice", "cli:test");
      assertThat(secret).startsWith(TokenService.PREFIX).hasSizeGreaterThan(40);
      assertThat(tokens.authenticate(secret)).contains("alice");
      assertThat(tokens.authenticate(secret + "x")).isEmpty();
      assertThat(tokens.authenticate(null)).isEmpty();
      assertThat(tokens.list())
          .singleElement()
          .satisfies(t -> assertThat(t.revokedAt()).as("a live token is not revoked").isEmpty());
      List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_sha256 FROM api_tokens").mapTo(String.class).list());
      assertThat(stored).hasSize(1).doesNotContain(secret).allSatisfy(s -> assertThat(s).hasSize(64));
      assertThatThrownBy(() -> tokens.create("alice", "cli:test")).hasMessageContaining("already exists");
      assertThatThrownBy(() -> tokens.create("bad name!", "cli:test")).hasMessageContaining("invalid");
      assertThat(tokens.revoke("alice", "cli:test")).isTrue();
      assertThat(tokens.authenticate(secret)).isEmpty();
      assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.revokedAt()).isPresent());
      assertThat(audit.list(0, 10)).extracting(e -> e.event().action()).containsExactly("token.create", "access.grant", "access.grant", "token.revoke");
      // a token made the two-argument way is its own principal, operator and auditor of the nation
      assertThat(new io.citybrain.platform.access.AccessService(db, audit, Clock.systemUTC(), io.citybrain.platform.access.TreeJurisdictions.rootOnly())
              .grants("alice"))
          .extracting(io.citybrain.platform.access.AccessGrant::label)
          .containsExactly("operator@CN", "auditor@CN");
      assertThat(audit.verify().intact()).isTrue();
    }
  }

  @Test
  void oneServerLockPerDatabase() throws Exception {
    Path dataDir = tmp.resolve("data");
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database first = Database.open(tdb.settings());
        Database second = Database.open(tdb.settings())) {
      ServerLock held = ServerLock.acquire(first, dataDir);

      assertThatThrownBy(() -> ServerLock.acquire(second, dataDir))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("another citybrain server is using");

      held.close();
      ServerLock.acquire(second, dataDir).close();
    }
  }

  @Test
  void tokenRevokedByAnotherProcessIsRefusedWithinTheRecheckTime() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = new AuditLog(db, Clock.systemUTC());
      long[] now = {1_000_000};
      Clock serverClock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(now[0]);
        }
      };
      TokenService server = new TokenService(db, audit, serverClock);
      TokenService cli = new TokenService(db, audit, Clock.systemUTC()); // citybrain token revoke
      String secret = cli.create("alice", "cli:test");
      assertThat(server.authenticate(secret)).contains("alice");

      assertThat(cli.revoke("alice", "cli:test")).isTrue();
      now[0] += TokenService.RECHECK_MILLIS;

      assertThat(server.authenticate(secret)).as("refused once the server checks again").isEmpty();
    }
  }

  @Test
  void uploadsAreValidatedStoredOnceAndReloaded() throws Exception {
    byte[] roadnet = resource("cases/C03/roadnet.json");
    byte[] flow = resource("cases/C03/flow.json");
    try (TestDatabases.TestDb tdb = freshDatabase()) {
      String id;
      try (Database db = Database.open(tdb.settings())) {
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ScenarioCatalog catalog = new ScenarioCatalog(new ScenarioStore(db), audit, Clock.systemUTC());
        byte[] badFlow = new String(flow, java.nio.charset.StandardCharsets.UTF_8).replace("\"r_out\"", "\"r_nowhere\"").getBytes();
        assertThatThrownBy(() -> catalog.upload("bad", roadnet, "roadnet.json", badFlow, "flow.json", "token:alice"))
            .isInstanceOf(InputValidationException.class)
            .satisfies(e -> assertThat(((InputValidationException) e).problems()).anySatisfy(p -> {
              assertThat(p.file()).isEqualTo("flow.json");
              assertThat(p.location()).startsWith("flow[0].route");
            }));
        assertThat(new ScenarioStore(db).count()).isZero();
        assertThat(audit.count()).isZero();
        UploadOutcome first = catalog.upload("corridor", roadnet, "roadnet.json", flow, "flow.json", "token:alice");
        assertThat(first.created()).isTrue();
        UploadOutcome second = catalog.upload("again", roadnet, "roadnet.json", flow, "flow.json", "token:bob");
        assertThat(second.created()).isFalse();
        assertThat(second.scenario().id()).isEqualTo(first.scenario().id());
        assertThat(audit.count()).isEqualTo(1);
        id = first.scenario().id();
      }
      try (Database db = Database.open(tdb.settings())) {
        ScenarioCatalog catalog = new ScenarioCatalog(new ScenarioStore(db), new AuditLog(db, Clock.systemUTC()), Clock.systemUTC());
        assertThat(catalog.find(id)).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("corridor"));
        Scenario s = catalog.load(id);
        assertThat(s.network().roads()).hasSize(2);
        assertThat(catalog.list()).extracting(x -> x.id()).contains("jinan", "hangzhou-5734", id);
      }
    }
  }

  private static byte[] resource(String name) throws java.io.IOException {
    try (InputStream in = StorageSuite.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}

package io.citybrain.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.governance.checkpoint.Checkpoint;
import io.citybrain.governance.checkpoint.NoteSigner;
import io.citybrain.governance.checkpoint.NoteVerifier;
import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.TestDatabases;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log on its Merkle tree, the same tests on each database ({@link AuditLogH2Test} in the
 * fast loop, {@link AuditLogPostgresIT} on the PostgreSQL server). Roots are checked against an
 * RFC 6962 tree hash written out here from the RFC's recursive definition, not against the
 * governance module's code; the tamper tests edit, delete, insert and truncate stored entries as
 * someone with write access to the database would, and each must be detected.
 */
abstract class AuditLogSuite {
  private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
  private static final NoteSigner KEY = NoteSigner.generate("citybrain.test/audit");

  @TempDir Path tmp;

  /** {@code h2} or {@code postgresql}. */
  abstract String kind();

  private TestDatabases.TestDb freshDatabase() throws java.io.IOException {
    return TestDatabases.of(kind(), tmp.resolve("db"));
  }

  private static AuditLog log(Database db) {
    return new AuditLog(db, Clock.fixed(T0, ZoneOffset.UTC), () -> KEY);
  }

  private static List<AuditEntry> appendSome(AuditLog audit, int n) {
    List<AuditEntry> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          i % 3 == 0
              ? audit.append(AuditEvent.of("token:bob", "token.create", "token/t" + i, ""))
              : audit.append(AuditEvent.ofRun("token:alice", "run.start", i, "max-pressure", "1", "seed=" + i)));
    }
    return out;
  }

  // ----------------------------------------------------------------- an independent RFC 6962 hash

  private static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    for (byte[] p : parts) {
      d.update(p);
    }
    return d.digest();
  }

  /** MTH(D[n]) of RFC 6962 §2.1, straight from the definition. */
  private static byte[] mth(List<byte[]> leaves) throws Exception {
    int n = leaves.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return sha256(new byte[] {0}, leaves.get(0));
    }
    int k = Integer.highestOneBit(n - 1);
    return sha256(new byte[] {1}, mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
  }

  private static String expectedRoot(List<AuditEntry> entries) throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    for (AuditEntry e : entries) {
      leaves.add(AuditLeaf.canonicalJson(e).getBytes(StandardCharsets.UTF_8));
    }
    return Sha256Hash.of(mth(leaves)).hex();
  }

  // ----------------------------------------------------------------- the tree

  @Test
  void theLeafIsTheEntrysCanonicalJson() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = log(db);
      AuditEntry run = audit.append(AuditEvent.ofRun("token:alice", "run.start", 7, "max-pressure", "1", "seed=7 \"x\""));
      AuditEntry token = audit.append(AuditEvent.of("cli:ops", "token.create", "token/ü", ""));
      // RFC 8785: members sorted by name, no spaces, absent controller fields left out
      assertThat(AuditLeaf.canonicalJson(run))
          .isEqualTo(
              "{\"action\":\"run.start\",\"actor\":\"token:alice\",\"at\":1700000000000,\"controller\":\"max-pressure\","
                  + "\"controllerVersion\":\"1\",\"details\":\"seed=7 \\\"x\\\"\",\"hash\":\"" + run.hash()
                  + "\",\"prevHash\":\"" + AuditLog.GENESIS + "\",\"seq\":1,\"target\":\"run/7\"}");
      assertThat(AuditLeaf.canonicalJson(token))
          .isEqualTo(
              "{\"action\":\"token.create\",\"actor\":\"cli:ops\",\"at\":1700000000000,\"details\":\"\",\"hash\":\""
                  + token.hash() + "\",\"prevHash\":\"" + run.hash() + "\",\"seq\":2,\"target\":\"token/ü\"}");
      assertThat(audit.root(2).hex()).isEqualTo(expectedRoot(List.of(run, token)));
    }
  }

  @Test
  void rootsAndProofsMatchTheRfcDefinitionAtEverySize() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = log(db);
      assertThat(audit.root(0).hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      List<AuditEntry> entries = appendSome(audit, 13);
      assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
      for (int size = 1; size <= 13; size++) {
        Sha256Hash root = audit.root(size);
        assertThat(root.hex()).as("root of %d entries", size).isEqualTo(expectedRoot(entries.subList(0, size)));
        for (int seq = 1; seq <= size; seq++) {
          AuditProofs.Inclusion p = audit.inclusion(seq, size);
          assertThat(p.root()).isEqualTo(root);
          assertThat(p.leafJson()).isEqualTo(AuditLeaf.canonicalJson(entries.get(seq - 1)));
          p.proof().verify(p.leafHash(), root);
        }
        for (int from = 1; from <= size; from++) {
          AuditProofs.Consistency c = audit.consistency(from, size);
          assertThat(c.oldRoot().hex()).isEqualTo(expectedRoot(entries.subList(0, from)));
          c.proof().verify(c.oldRoot(), c.newRoot());
        }
      }
      // audit paths are at most ceil(log2 n) long: 4 for 13 entries
      assertThat(audit.inclusion(13, 13).proof().path()).hasSize(2); // leaf 12 pairs with the 8+4 peaks
      assertThat(audit.inclusion(1, 13).proof().path()).hasSize(4);
      assertThatThrownBy(() -> audit.inclusion(14, 13)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("seq");
      assertThatThrownBy(() -> audit.inclusion(1, 14)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("treeSize");
      assertThatThrownBy(() -> audit.consistency(0, 5)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("from");
      assertThatThrownBy(() -> audit.consistency(6, 5)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("from");
    }
  }

  @Test
  void appendsInOneTransactionAndAcrossInstancesExtendOneTree() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog first = log(db);
      AuditLog second = log(db); // as another process would: its cached edge goes stale
      List<AuditEntry> all = new ArrayList<>(appendSome(first, 3));
      all.addAll(second.appendAll(List.of(
          AuditEvent.of("system", "run.finish", "run/1", "a"), AuditEvent.of("system", "run.finish", "run/2", "b"))));
      all.addAll(appendSome(first, 2));
      assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(first.root(7).hex()).isEqualTo(expectedRoot(all));
      AuditVerification v = first.verify();
      assertThat(v.intact()).as(v.describe()).isTrue();
      assertThat(v.treeSize()).isEqualTo(7);
      assertThat(v.rootHex()).isEqualTo(expectedRoot(all));
    }
  }

  // ----------------------------------------------------------------- checkpoints

  @Test
  void checkpointsAreSignedNotesOfSizeAndRootAndAreKept() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = log(db);
      List<AuditEntry> entries = appendSome(audit, 5);
      AuditProofs.SignedCheckpoint cp = audit.checkpoint();
      String root64 = Sha256Hash.fromHex(expectedRoot(entries)).base64();
      assertThat(cp.note()).startsWith("citybrain.test/audit\n5\n" + root64 + "\n\n— citybrain.test/audit ");
      Checkpoint opened = Checkpoint.open(cp.note(), NoteVerifier.parse(cp.verifierKey()));
      assertThat(opened.size()).isEqualTo(5);
      assertThat(audit.checkpoint().note()).as("Ed25519 is deterministic: same size, same note").isEqualTo(cp.note());
      appendSome(audit, 2);
      audit.checkpoint();
      AuditVerification v = audit.verify();
      assertThat(v.intact()).as(v.describe()).isTrue();
      assertThat(v.checkpointsChecked()).isEqualTo(2);

      // a checkpoint row whose note is not signed by the log's key is refused
      NoteSigner other = NoteSigner.generate("citybrain.test/audit");
      String forged = Checkpoint.parse("citybrain.test/audit\n5\n" + root64 + "\n").sign(other).format();
      db.jdbi().useHandle(h -> h.createUpdate("UPDATE audit_checkpoints SET note = :n WHERE tree_size = 5").bind("n", forged).execute());
      AuditVerification forgedV = audit.verify();
      assertThat(forgedV.intact()).isFalse();
      assertThat(forgedV.problem()).hasValueSatisfying(p -> assertThat(p).contains("not signed by the log's key"));
    }
  }

  // ----------------------------------------------------------------- tampering

  /** A log of 8 entries with a checkpoint the regulator kept at 8. */
  private record Kept(AuditLog audit, List<AuditEntry> entries, Checkpoint checkpoint) {}

  private static Kept keptAt8(Database db) throws Exception {
    AuditLog audit = log(db);
    List<AuditEntry> entries = appendSome(audit, 8);
    Checkpoint kept = Checkpoint.open(audit.checkpoint().note(), KEY.verifier());
    assertThat(audit.verify(List.of(kept), List.of(KEY.verifier())).intact()).isTrue();
    return new Kept(audit, entries, kept);
  }

  private static AuditVerification verifyKept(Kept k) {
    return k.audit().verify(List.of(k.checkpoint()), List.of(KEY.verifier()));
  }

  @Test
  void editingAnEntryIsDetected() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      Kept k = keptAt8(db);
      db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'token:mallory' WHERE seq = 3"));
      AuditVerification v = verifyKept(k);
      assertThat(v.intact()).isFalse();
      assertThat(v.brokenAtSeq()).contains(3L);
      assertThat(v.describe()).contains("BROKEN at entry 3");

      // a thorough editor rewrites the chain and the whole tree, and drops the stored checkpoints
      AuditTampering.rewriteChainAndTree(db);
      assertThat(k.audit().verify().intact())
          .as("without a checkpoint held elsewhere, a consistent rewrite cannot be told apart")
          .isTrue();
      AuditVerification held = verifyKept(k);
      assertThat(held.intact()).isFalse();
      assertThat(held.problem()).hasValueSatisfying(p -> assertThat(p).contains("kept checkpoint of 8 entries has root"));
    }
  }

  @Test
  void editingATreeNodeIsDetected() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      Kept k = keptAt8(db);
      // the parent of leaves 4 and 5 (bin 9)
      db.jdbi().useHandle(h -> h.createUpdate("UPDATE audit_tree SET hash = :x WHERE bin = 9").bind("x", new byte[32]).execute());
      AuditVerification v = verifyKept(k);
      assertThat(v.intact()).isFalse();
      assertThat(v.brokenAtSeq()).contains(6L);
      assertThat(v.problem()).hasValueSatisfying(p -> assertThat(p).contains("does not match the entries"));
    }
  }

  @Test
  void deletingAnEntryIsDetected() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      Kept k = keptAt8(db);
      db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = 2"));
      AuditVerification v = verifyKept(k);
      assertThat(v.intact()).isFalse();
      assertThat(v.brokenAtSeq()).contains(2L);

      // renumbered and rewritten to close the gap: the kept checkpoint still tells
      db.jdbi().useHandle(h -> {
        for (long s = 3; s <= 8; s++) {
          h.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", s - 1, s);
        }
      });
      AuditTampering.rewriteChainAndTree(db);
      AuditVerification held = verifyKept(k);
      assertThat(held.intact()).isFalse();
      assertThat(held.problem()).hasValueSatisfying(p -> assertThat(p).contains("covers more entries than the log has (7)"));
    }
  }

  @Test
  void insertingAnEntryIsDetected() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      Kept k = keptAt8(db);
      // make room after entry 2 and slip in an entry that never happened
      db.jdbi().useHandle(h -> {
        for (long s = 8; s >= 3; s--) {
          h.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", s + 1, s);
        }
        h.execute(
            "INSERT INTO audit_log (seq, at_ms, actor, action, target, controller, controller_version, details, prev_hash, hash)"
                + " VALUES (3, 1700000000000, 'token:mallory', 'run.cancel', 'run/1', NULL, NULL, '', 'x', 'x')");
      });
      AuditVerification v = verifyKept(k);
      assertThat(v.intact()).isFalse();
      assertThat(v.brokenAtSeq()).contains(3L);

      AuditTampering.rewriteChainAndTree(db);
      AuditVerification held = verifyKept(k);
      assertThat(held.intact()).isFalse();
      assertThat(held.problem()).hasValueSatisfying(p -> assertThat(p).contains("kept checkpoint of 8 entries has root"));
    }
  }

  @Test
  void truncatingTheLogIsDetected() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      Kept k = keptAt8(db);
      // cut the newest two entries: the stored tree still has their nodes
      db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq > 6"));
      db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_checkpoints"));
      AuditVerification nodesLeft = k.audit().verify();
      assertThat(nodesLeft.intact()).isFalse();
      assertThat(nodesLeft.brokenAtSeq()).contains(7L);
      assertThat(nodesLeft.problem()).hasValueSatisfying(p -> assertThat(p).contains("removed from its end"));

      // and with the nodes removed as well, only the kept checkpoint tells
      db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_tree WHERE bin >= 11"));
      assertThat(k.audit().verify().intact()).isTrue();
      AuditVerification held = verifyKept(k);
      assertThat(held.intact()).isFalse();
      assertThat(held.brokenAtSeq()).contains(7L);
      assertThat(held.describe()).contains("covers more entries than the log has (6)");
    }
  }

  // ----------------------------------------------------------------- migration

  @Test
  void chainedHistoryIsAdoptedIntoTheTreeUnchanged() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase()) {
      DatabaseSettings s = tdb.settings();
      var before = Flyway.configure()
          .dataSource(s.jdbcUrl(), s.user().orElse(null), s.password().orElse(null))
          .locations("classpath:db/migration")
          .target("4");
      if (s.schema().isPresent()) {
        before = before.schemas(s.schema().get()).defaultSchema(s.schema().get());
      }
      before.load().migrate();
      // five entries written by the hash-chained log of schemas V1-V4
      List<AuditEntry> legacy = new ArrayList<>();
      String prev = AuditLog.GENESIS;
      try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user().orElse(null), s.password().orElse(null))) {
        if (s.schema().isPresent()) {
          c.setSchema(s.schema().get());
        }
        for (int seq = 1; seq <= 5; seq++) {
          AuditEvent e = seq == 2
              ? AuditEvent.of("cli:root", "token.create", "token/alice", "")
              : AuditEvent.ofRun("token:alice", "run.start", seq, "sotl", "1.0", "seed=" + seq);
          Instant at = T0.plusSeconds(seq);
          String hash = AuditLog.hash(seq, at, e, prev);
          try (PreparedStatement st = c.prepareStatement(
              "INSERT INTO audit_log (seq, at_ms, actor, action, target, controller, controller_version, details,"
                  + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, seq);
            st.setLong(2, at.toEpochMilli());
            st.setString(3, e.actor());
            st.setString(4, e.action());
            st.setString(5, e.target());
            st.setString(6, e.controller().orElse(null));
            st.setString(7, e.controllerVersion().orElse(null));
            st.setString(8, e.details());
            st.setString(9, prev);
            st.setString(10, hash);
            st.executeUpdate();
          }
          legacy.add(new AuditEntry(seq, at, e, prev, hash));
          prev = hash;
        }
      }

      try (Database db = Database.open(s)) {
        AuditLog audit = log(db);
        assertThat(audit.list(0, 10)).isEqualTo(legacy);
        assertThat(audit.root(5).hex()).isEqualTo(expectedRoot(legacy));
        List<AuditEntry> all = new ArrayList<>(legacy);
        all.addAll(appendSome(audit, 2));
        assertThat(all.get(5).prevHash()).as("the chain continues").isEqualTo(legacy.get(4).hash());
        assertThat(audit.root(7).hex()).isEqualTo(expectedRoot(all));
        audit.consistency(5, 7).proof().verify(audit.root(5), audit.root(7));
        AuditVerification v = audit.verify();
        assertThat(v.intact()).as(v.describe()).isTrue();
        assertThat(v.entries()).isEqualTo(7);
      }
    }
  }

  @Test
  void aFailedTransactionStoresNoEntryAndNoNode() throws Exception {
    try (TestDatabases.TestDb tdb = freshDatabase();
        Database db = Database.open(tdb.settings())) {
      AuditLog audit = log(db);
      appendSome(audit, 3);
      assertThatThrownBy(() -> audit.record(h -> {
        throw new IllegalStateException("boom");
      })).hasMessageContaining("boom");
      long nodes = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_tree").mapTo(Long.class).one());
      assertThat(nodes).as("3 leaves + the node over leaves 0 and 1").isEqualTo(4);
      List<AuditEntry> more = appendSome(audit, 1);
      assertThat(more.get(0).seq()).isEqualTo(4);
      assertThat(audit.verify().intact()).isTrue();
      Optional<AuditEntry> last = audit.last();
      assertThat(last).contains(more.get(0));
      assertThat(Arrays.asList(audit.find(2).isPresent(), audit.find(5).isPresent())).containsExactly(true, false);
    }
  }
}

package io.citybrain.platform.audit;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.governance.checkpoint.Checkpoint;
import io.citybrain.governance.checkpoint.NoteException;
import io.citybrain.governance.checkpoint.NoteSigner;
import io.citybrain.governance.checkpoint.NoteVerifier;
import io.citybrain.governance.merkle.MissingNodeException;
import io.citybrain.governance.merkle.Node;
import io.citybrain.governance.merkle.NodeAddress;
import io.citybrain.governance.merkle.ProofGenerator;
import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.governance.merkle.TreeFrontier;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.Json;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only audit log: entries in table {@code audit_log}, each also a leaf of an RFC 6962
 * Merkle tree (table {@code audit_tree}, see {@link AuditTreeStore}; leaf content {@link
 * AuditLeaf}), with signed checkpoints (C2SP tlog-checkpoint, Ed25519) kept in {@code
 * audit_checkpoints}. Entry {@code seq} is leaf {@code seq - 1}. A verifier that keeps a checkpoint
 * can later ask for a consistency proof to the newest one and so detect any change, removal or
 * truncation of what it covered; an inclusion proof shows one entry is in a checkpointed tree.
 *
 * <p>Each entry also keeps the hash chain of the log's first form ({@code prevHash}, {@code hash},
 * see {@link #hash}); the history written before the tree was adopted into it unchanged.
 *
 * <p>State changes and their audit entries are written in one transaction ({@link #record}):
 * either both are stored, with the entry's tree nodes, or nothing is; a call returns only after
 * the commit, so an acknowledged entry is durable. Appends are serialised within a process by a
 * lock, and across processes by the primary key on {@code seq} (a losing writer retries on top of
 * the winner's entry). The tree's right edge is cached between appends and re-read from the table
 * whenever another process appended.
 */
public final class AuditLog {
  /** The {@code prevHash} of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final int RETRIES = 5;
  private static final int PAGE = 1000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final Database database;
  private final Supplier<NoteSigner> signer;
  private final AuditTreeStore tree;
  private final ReentrantLock lock = new ReentrantLock();
  /** The tree's right edge after the last append this process committed; guarded by {@link #lock}. */
  private Head cached;

  /** The log's tip: last sequence number, last chain hash, tree frontier. Mutable while appending. */
  private static final class Head {
    long lastSeq;
    String lastHash;
    final TreeFrontier frontier;

    Head(long lastSeq, String lastHash, TreeFrontier frontier) {
      this.lastSeq = lastSeq;
      this.lastHash = lastHash;
      this.frontier = frontier;
    }

    Head copy() {
      return new Head(lastSeq, lastHash, frontier.copy());
    }
  }

  /**
   * A log that cannot sign checkpoints (appends, proofs and verification only).
   *
   * @param database where the log lives
   * @param clock time source of entries
   */
  public AuditLog(Database database, Clock clock) {
    this(database, clock, () -> {
      throw new IllegalStateException("this audit log has no signing key");
    });
  }

  /**
   * @param database where the log lives
   * @param clock time source of entries and checkpoints
   * @param signer the checkpoint signing key, asked for on the first checkpoint (see {@link
   *     AuditKeys})
   */
  public AuditLog(Database database, Clock clock, Supplier<NoteSigner> signer) {
    this.database = database;
    this.jdbi = database.jdbi();
    this.clock = clock;
    this.signer = signer;
    this.tree = new AuditTreeStore(jdbi);
  }

  /**
   * What a transaction produced and the events to append for it.
   *
   * @param value returned to the caller
   * @param events appended in order, in the same transaction (may be empty)
   */
  public record Recorded<T>(T value, List<AuditEvent> events) {
    /** One value, one event. */
    public static <T> Recorded<T> of(T value, AuditEvent event) {
      return new Recorded<>(value, List.of(event));
    }
  }

  /**
   * Runs {@code body} in a transaction and appends the events it returns in the same transaction.
   * When {@code body} throws, nothing is stored. Returns after the commit, once the change
   * survives a killed process ({@link Database#makeDurable()}): every acknowledged state change
   * passes here.
   *
   * @return the body's value
   */
  public <T> T record(Function<Handle, Recorded<T>> body) {
    T value = recordEntries(body).value();
    database.makeDurable();
    return value;
  }

  /** A committed transaction's value and the entries it appended. */
  private record Committed<T>(T value, List<AuditEntry> entries) {}

  private <T> Committed<T> recordEntries(Function<Handle, Recorded<T>> body) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      lock.lock();
      try {
        Head[] committed = new Head[1];
        List<AuditEntry> appended = new ArrayList<>();
        T value =
            jdbi.inTransaction(
                h -> {
                  Recorded<T> r = body.apply(h);
                  if (!r.events().isEmpty()) {
                    Head head = currentHead(h);
                    List<Node> nodes = new ArrayList<>(2 * r.events().size() + 2);
                    for (AuditEvent e : r.events()) {
                      appended.add(appendIn(h, e, head, nodes));
                    }
                    AuditTreeStore.insert(h, nodes);
                    committed[0] = head;
                  }
                  return r.value();
                });
        if (committed[0] != null) {
          cached = committed[0];
        }
        return new Committed<>(value, List.copyOf(appended));
      } catch (RuntimeException e) {
        cached = null; // whatever we read may be stale now
        if (!isDuplicateKey(e)) {
          throw e;
        }
        last = e; // another process appended first: try again on top of its entry
      } finally {
        lock.unlock();
      }
    }
    throw last;
  }

  /** Appends one event in its own transaction; returns once it is committed. */
  public AuditEntry append(AuditEvent event) {
    return appendAll(List.of(event)).get(0);
  }

  /**
   * Appends events in one transaction (one commit for all, which is what makes bulk appends fast);
   * returns the stored entries once they are committed.
   */
  public List<AuditEntry> appendAll(List<AuditEvent> events) {
    List<AuditEntry> entries = recordEntries(h -> new Recorded<Void>(null, events)).entries();
    database.makeDurable();
    return entries;
  }

  private Head currentHead(Handle h) {
    List<Object[]> lastRow =
        h.createQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    long lastSeq = lastRow.isEmpty() ? 0 : (Long) lastRow.get(0)[0];
    String lastHash = lastRow.isEmpty() ? GENESIS : (String) lastRow.get(0)[1];
    if (cached != null && cached.lastSeq == lastSeq && cached.lastHash.equals(lastHash)) {
      return cached.copy();
    }
    List<NodeAddress> peaks = TreeFrontier.peakAddresses(lastSeq);
    Map<NodeAddress, Sha256Hash> stored = AuditTreeStore.read(h, peaks);
    List<Sha256Hash> hashes = new ArrayList<>(peaks.size());
    for (NodeAddress a : peaks) {
      Sha256Hash p = stored.get(a);
      if (p == null) {
        throw new IllegalStateException(
            "the audit log's tree has no " + a + " for its " + lastSeq + " entries; the stored log was damaged"
                + " (run 'citybrain audit verify')");
      }
      hashes.add(p);
    }
    return new Head(lastSeq, lastHash, TreeFrontier.of(lastSeq, hashes));
  }

  private AuditEntry appendIn(Handle h, AuditEvent e, Head head, List<Node> nodes) {
    long seq = head.lastSeq + 1;
    String prev = head.lastHash;
    Instant at = Instant.ofEpochMilli(clock.millis());
    String hash = hash(seq, at, e, prev);
    h.createUpdate(
            "INSERT INTO audit_log (seq, at_ms, actor, action, target, controller, controller_version, details,"
                + " prev_hash, hash) VALUES (:seq, :at, :actor, :action, :target, :controller, :version, :details,"
                + " :prev, :hash)")
        .bind("seq", seq)
        .bind("at", at.toEpochMilli())
        .bind("actor", e.actor())
        .bind("action", e.action())
        .bind("target", e.target())
        .bind("controller", e.controller().orElse(null))
        .bind("version", e.controllerVersion().orElse(null))
        .bind("details", e.details())
        .bind("prev", prev)
        .bind("hash", hash)
        .execute();
    AuditEntry entry = new AuditEntry(seq, at, e, prev, hash);
    nodes.addAll(head.frontier.append(AuditLeaf.hash(entry)));
    head.lastSeq = seq;
    head.lastHash = hash;
    return entry;
  }

  /**
   * The chain hash of an entry: SHA-256 (lower-case hex) of the UTF-8 bytes of the JSON array
   * {@code [seq, atEpochMillis, actor, action, target, controller, controllerVersion, details,
   * prevHash]} (absent controller fields as {@code null}), written without spaces.
   */
  public static String hash(long seq, Instant at, AuditEvent e, String prevHash) {
    String canonical =
        Json.write(
            Arrays.asList(
                seq,
                at.toEpochMilli(),
                e.actor(),
                e.action(),
                e.target(),
                e.controller().orElse(null),
                e.controllerVersion().orElse(null),
                e.details(),
                prevHash));
    return Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /** The newest entry, if any. */
  public Optional<AuditEntry> last() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").map((rs, ctx) -> entry(rs)).findOne());
  }

  /** The entry with this sequence number, if any. */
  public Optional<AuditEntry> find(long seq) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM audit_log WHERE seq = :seq").bind("seq", seq).map((rs, ctx) -> entry(rs)).findOne());
  }

  /**
   * Entries in order.
   *
   * @param afterSeq only entries with a larger sequence number (0 for all)
   * @param limit at most this many
   */
  public List<AuditEntry> list(long afterSeq, int limit) {
    return jdbi.withHandle(h -> list(h, afterSeq, limit));
  }

  private static List<AuditEntry> list(Handle h, long afterSeq, int limit) {
    return h.createQuery("SELECT * FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit")
        .bind("after", afterSeq)
        .bind("limit", limit)
        .map((rs, ctx) -> entry(rs))
        .list();
  }

  /** The newest entries, newest first. */
  public List<AuditEntry> newest(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
  }

  /** Number of entries. */
  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
  }

  /** The tree's size: the newest entry's sequence number (0 when empty). */
  public long treeSize() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_log").mapTo(Long.class).one());
  }

  // ------------------------------------------------------------------ proofs and checkpoints

  /**
   * The RFC 6962 root of the first {@code size} entries.
   *
   * @throws InvalidRequestException ({@code treeSize}) unless {@code 0 <= size <= treeSize()}
   * @throws MissingNodeException when the stored tree lacks a node it needs (damaged storage)
   */
  public Sha256Hash root(long size) {
    checkSize("treeSize", size, treeSize());
    return new ProofGenerator(tree).root(size);
  }

  /**
   * The inclusion proof of entry {@code seq} in the tree of the first {@code treeSize} entries.
   *
   * @throws InvalidRequestException naming {@code seq} or {@code treeSize} unless {@code 1 <= seq
   *     <= treeSize <= treeSize()}
   * @throws MissingNodeException when the stored tree lacks a node it needs (damaged storage)
   */
  public AuditProofs.Inclusion inclusion(long seq, long treeSize) {
    checkSize("treeSize", treeSize, treeSize());
    if (seq < 1 || seq > treeSize) {
      throw InvalidRequestException.of("seq", "is " + seq + "; expected an entry of the tree, 1 to " + treeSize);
    }
    AuditEntry e =
        find(seq).orElseThrow(() -> new IllegalStateException("audit entry " + seq + " is missing from the stored log"));
    ProofGenerator g = new ProofGenerator(tree);
    String leaf = AuditLeaf.canonicalJson(e);
    return new AuditProofs.Inclusion(
        e, leaf, AuditLeaf.hash(e), g.inclusion(seq - 1, treeSize), g.root(treeSize));
  }

  /**
   * The consistency proof from the tree of the first {@code from} entries to that of the first
   * {@code to}.
   *
   * @throws InvalidRequestException naming {@code from} or {@code to} unless {@code 1 <= from <= to
   *     <= treeSize()}
   * @throws MissingNodeException when the stored tree lacks a node it needs (damaged storage)
   */
  public AuditProofs.Consistency consistency(long from, long to) {
    checkSize("to", to, treeSize());
    if (from < 1 || from > to) {
      throw InvalidRequestException.of("from", "is " + from + "; expected a tree size from 1 to " + to);
    }
    ProofGenerator g = new ProofGenerator(tree);
    return new AuditProofs.Consistency(g.consistency(from, to), g.root(from), g.root(to));
  }

  private static void checkSize(String field, long size, long current) {
    if (size < 0 || size > current) {
      throw InvalidRequestException.of(field, "is " + size + "; expected a tree size from 0 to " + current + " (the log's size)");
    }
  }

  /**
   * Signs a checkpoint of the log as it is now and keeps it in {@code audit_checkpoints} (one per
   * tree size; Ed25519 signatures are deterministic, so asking again gives the same note).
   *
   * @throws AuditKeys.AuditKeyException when the signing key cannot be loaded or created
   */
  public AuditProofs.SignedCheckpoint checkpoint() {
    NoteSigner s = signer.get();
    long size = treeSize();
    Sha256Hash root = new ProofGenerator(tree).root(size);
    String note = Checkpoint.of(s.name(), size, root).sign(s).format();
    String vkey = s.verifier().verifierKey();
    long now = clock.millis();
    jdbi.useHandle(
        h -> {
          boolean known =
              h.createQuery("SELECT COUNT(*) FROM audit_checkpoints WHERE tree_size = :size")
                      .bind("size", size)
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (!known) {
            try {
              h.createUpdate(
                      "INSERT INTO audit_checkpoints (tree_size, root_hash, signed_at_ms, verifier_key, note)"
                          + " VALUES (:size, :root, :at, :vkey, :note)")
                  .bind("size", size)
                  .bind("root", root.bytes())
                  .bind("at", now)
                  .bind("vkey", vkey)
                  .bind("note", note)
                  .execute();
            } catch (RuntimeException e) {
              if (!isDuplicateKey(e)) {
                throw e;
              }
            }
          }
        });
    return new AuditProofs.SignedCheckpoint(size, root, note, vkey);
  }

  /** The public key that verifies this log's checkpoints (C2SP verifier key text). */
  public String verifierKey() {
    return signer.get().verifier().verifierKey();
  }

  // ------------------------------------------------------------------ verification

  /** A checkpoint to hold the log to, and where it came from (for messages). */
  private record Held(long size, Sha256Hash root, String source) {}

  /**
   * Checks the whole log against the checkpoints it stored, their signatures by this log's key when
   * it has one (never creating one) (see {@link #verify(Collection, Collection)}).
   */
  public AuditVerification verify() {
    List<NoteVerifier> keys = new ArrayList<>();
    if (signer instanceof AuditKeys.Source source) {
      source.existing().ifPresent(k -> keys.add(k.verifier())); // checking must not create a key
    } else {
      try {
        keys.add(signer.get().verifier());
      } catch (IllegalStateException noKey) {
        // a log without a key is checked without signatures
      }
    }
    return verify(List.of(), keys);
  }

  /**
   * Checks the whole log from the first entry, reading in pages so the log may be large:
   *
   * <ol>
   *   <li>sequence numbers 1, 2, 3, ... without gaps;
   *   <li>the hash chain: each {@code prevHash} is the previous entry's hash, each hash matches the
   *       entry's content;
   *   <li>the tree: every stored node equals the one rebuilt from the entries (leaf = {@link
   *       AuditLeaf}), and no node exists beyond the entries (left by entries removed at the end);
   *   <li>checkpoints: every stored one, and every one in {@code kept} (checkpoints a verifier held
   *       on to), has the root of the rebuilt tree at its size, and no checkpoint covers more
   *       entries than the log has. Stored ones must carry a valid signature by one of {@code keys}
   *       when any is given.
   * </ol>
   *
   * @param kept checkpoints held outside the log, already opened (signature checked) by the caller
   * @param keys keys whose signatures on stored checkpoints are checked (empty: not checked)
   */
  public AuditVerification verify(Collection<Checkpoint> kept, Collection<NoteVerifier> keys) {
    return jdbi.withHandle(h -> new Verifier(h, kept, keys).run());
  }

  private final class Verifier {
    private final Handle h;
    private final List<Held> held = new ArrayList<>();
    private int nextHeld = 0;
    private int checked = 0;
    private long expectedSeq = 1;
    private String prev = GENESIS;
    private long entries = 0;
    private final TreeFrontier frontier = TreeFrontier.empty();

    Verifier(Handle h, Collection<Checkpoint> kept, Collection<NoteVerifier> keys) {
      this.h = h;
      for (Checkpoint c : kept) {
        held.add(new Held(c.size(), c.root(), "the kept checkpoint of " + c.size() + " entries"));
      }
      List<StoredCheckpoint> stored =
          h.createQuery("SELECT tree_size, root_hash, signed_at_ms, note FROM audit_checkpoints ORDER BY tree_size")
              .map((rs, ctx) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4)))
              .list();
      for (StoredCheckpoint s : stored) {
        held.add(new Held(s.size, rootOf(s.root), "the checkpoint of " + s.size + " entries signed at " + Instant.ofEpochMilli(s.at)));
        problems.addAll(s.signatureProblems(keys));
      }
      held.sort((a, b) -> Long.compare(a.size(), b.size()));
    }

    private final List<String> problems = new ArrayList<>();

    AuditVerification run() {
      if (!problems.isEmpty()) {
        return broken(0, problems.get(0));
      }
      AuditVerification early = checkHeld();
      if (early != null) {
        return early;
      }
      while (true) {
        List<AuditEntry> page = list(h, expectedSeq - 1, PAGE);
        if (page.isEmpty()) {
          break;
        }
        long firstLeaf = frontier.size();
        Map<Long, byte[]> stored = AuditTreeStore.range(h, firstLeaf, 2 * (firstLeaf + page.size()));
        for (AuditEntry e : page) {
          entries++;
          if (e.seq() != expectedSeq) {
            return broken(expectedSeq, "expected entry " + expectedSeq + " next, found " + e.seq() + " (entries removed or inserted?)");
          }
          if (!e.prevHash().equals(prev)) {
            return broken(expectedSeq, "prev_hash " + e.prevHash() + " does not match the previous entry's hash " + prev);
          }
          String recomputed = hash(e.seq(), e.at(), e.event(), e.prevHash());
          if (!recomputed.equals(e.hash())) {
            return broken(expectedSeq, "content does not match its hash (stored " + e.hash() + ", computed " + recomputed + ")");
          }
          for (Node n : frontier.append(AuditLeaf.hash(e))) {
            byte[] s = stored.get(n.address().binNumber());
            if (s == null) {
              return broken(expectedSeq, "the tree has no " + n.address() + " (bin " + n.address().binNumber() + ")");
            }
            if (!Arrays.equals(s, n.hash().bytes())) {
              return broken(
                  expectedSeq,
                  "the tree's " + n.address() + " does not match the entries (entry or tree changed after it was written)");
            }
          }
          prev = e.hash();
          expectedSeq++;
          AuditVerification atCheckpoint = checkHeld();
          if (atCheckpoint != null) {
            return atCheckpoint;
          }
        }
      }
      long size = frontier.size();
      if (nextHeld < held.size()) {
        Held c = held.get(nextHeld);
        return broken(
            size + 1,
            c.source() + " covers more entries than the log has (" + size + "): entries were removed from its end");
      }
      long extra =
          h.createQuery("SELECT COUNT(*) FROM audit_tree WHERE bin >= :bin")
              .bind("bin", 2 * size - 1)
              .mapTo(Long.class)
              .one();
      if (extra > 0) {
        return broken(
            size + 1,
            "the tree holds " + extra + " node(s) for entries after entry " + size + ": entries were removed from its end");
      }
      return new AuditVerification(true, entries, prev, Optional.empty(), Optional.empty(), size, frontier.root().hex(), checked);
    }

    /** Compares held checkpoints of the current size with the rebuilt root. */
    private AuditVerification checkHeld() {
      while (nextHeld < held.size() && held.get(nextHeld).size() == frontier.size()) {
        Held c = held.get(nextHeld++);
        if (!c.root().equals(frontier.root())) {
          return broken(
              Math.max(1, frontier.size()),
              c.source() + " has root " + c.root().hex() + " but the log's first " + c.size() + " entries have root "
                  + frontier.root().hex() + ": an entry it covered was changed, removed or inserted");
        }
        checked++;
      }
      return null;
    }

    private AuditVerification broken(long seq, String problem) {
      return new AuditVerification(
          false, entries, prev, Optional.of(seq), Optional.of(problem), frontier.size(), frontier.root().hex(), checked);
    }
  }

  private record StoredCheckpoint(long size, byte[] root, long at, String note) {
    List<String> signatureProblems(Collection<NoteVerifier> keys) {
      if (keys.isEmpty()) {
        return List.of();
      }
      NoteException last = null;
      for (NoteVerifier k : keys) {
        try {
          Checkpoint c = Checkpoint.open(note, k);
          if (c.size() != size || !c.root().equals(rootOf(root))) {
            return List.of("the stored checkpoint of " + size + " entries does not say what its signed note says");
          }
          return List.of();
        } catch (NoteException e) {
          last = e;
        }
      }
      return List.of("the stored checkpoint of " + size + " entries is not signed by the log's key: " + last.getMessage());
    }
  }

  private static Sha256Hash rootOf(byte[] b) {
    return b != null && b.length == Sha256Hash.BYTES ? Sha256Hash.of(b) : Sha256Hash.of(new byte[Sha256Hash.BYTES]);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    AuditEvent e =
        new AuditEvent(
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("target"),
            Optional.ofNullable(rs.getString("controller")),
            Optional.ofNullable(rs.getString("controller_version")),
            rs.getString("details"));
    return new AuditEntry(
        rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at_ms")), e, rs.getString("prev_hash"), rs.getString("hash"));
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

package io.citybrain.platform.audit;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.Json;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only, hash-chained audit log (table {@code audit_log}). Each entry stores the
 * SHA-256 of its predecessor and its own hash over a canonical form that includes it, so changing,
 * removing or reordering any entry breaks the chain at that point; {@link #verify()} finds it.
 *
 * <p>State changes and their audit entries are written in one transaction ({@link #record}):
 * either both are stored or neither. Appends are serialised within a process by a lock, and
 * across processes by the primary key on {@code seq} (a losing writer retries).
 */
public final class AuditLog {
  /** The {@code prevHash} of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final int RETRIES = 5;
  private static final int PAGE = 1000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final Database database;
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * @param database where the log lives
   * @param clock time source of entries
   */
  public AuditLog(Database database, Clock clock) {
    this.database = database;
    this.jdbi = database.jdbi();
    this.clock = clock;
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
   * When {@code body} throws, nothing is stored. When it returns, the change survives a killed
   * process ({@link Database#makeDurable()}): every acknowledged state change passes here.
   *
   * @return the body's value
   */
  public <T> T record(Function<Handle, Recorded<T>> body) {
    T value = recordInTransaction(body);
    database.makeDurable();
    return value;
  }

  private <T> T recordInTransaction(Function<Handle, Recorded<T>> body) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      lock.lock();
      try {
        return jdbi.inTransaction(
            h -> {
              Recorded<T> r = body.apply(h);
              for (AuditEvent e : r.events()) {
                appendIn(h, e);
              }
              return r.value();
            });
      } catch (RuntimeException e) {
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

  /** Appends one event in its own transaction. */
  public AuditEntry append(AuditEvent event) {
    return record(h -> new Recorded<>(appendIn(h, event), List.of()));
  }

  private AuditEntry appendIn(Handle h, AuditEvent e) {
    List<Object[]> lastRow =
        h.createQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    long seq = lastRow.isEmpty() ? 1 : (Long) lastRow.get(0)[0] + 1;
    String prev = lastRow.isEmpty() ? GENESIS : (String) lastRow.get(0)[1];
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
    return new AuditEntry(seq, at, e, prev, hash);
  }

  /**
   * The hash of an entry: SHA-256 (lower-case hex) of the UTF-8 bytes of the JSON array {@code
   * [seq, atEpochMillis, actor, action, target, controller, controllerVersion, details, prevHash]}
   * (absent controller fields as {@code null}), written without spaces.
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

  /**
   * Entries in order.
   *
   * @param afterSeq only entries with a larger sequence number (0 for all)
   * @param limit at most this many
   */
  public List<AuditEntry> list(long afterSeq, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
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

  /**
   * Checks the whole chain from the first entry: sequence numbers 1, 2, 3, ... without gaps,
   * each {@code prevHash} equal to the previous entry's hash, each hash equal to the hash of the
   * entry's content. Reads in pages, so the log may be large.
   */
  public AuditVerification verify() {
    long expectedSeq = 1;
    String prev = GENESIS;
    long checked = 0;
    while (true) {
      List<AuditEntry> page = list(expectedSeq - 1, PAGE);
      if (page.isEmpty()) {
        return new AuditVerification(true, checked, prev, Optional.empty(), Optional.empty());
      }
      for (AuditEntry e : page) {
        checked++;
        Optional<String> problem = Optional.empty();
        if (e.seq() != expectedSeq) {
          problem = Optional.of("expected entry " + expectedSeq + " next, found " + e.seq() + " (entries removed?)");
        } else if (!e.prevHash().equals(prev)) {
          problem = Optional.of("prev_hash " + e.prevHash() + " does not match the previous entry's hash " + prev);
        } else {
          String recomputed = hash(e.seq(), e.at(), e.event(), e.prevHash());
          if (!recomputed.equals(e.hash())) {
            problem = Optional.of("content does not match its hash (stored " + e.hash() + ", computed " + recomputed + ")");
          }
        }
        if (problem.isPresent()) {
          return new AuditVerification(false, checked, prev, Optional.of(expectedSeq), problem);
        }
        prev = e.hash();
        expectedSeq++;
      }
    }
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

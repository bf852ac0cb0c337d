package io.citybrain.platform.alarms;

import io.citybrain.live.health.DetectorStatus;
import io.citybrain.platform.ConflictException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Alarms operators act on: raised by incident and anomaly detectors and by detector health,
 * acknowledged, cleared. Table {@code alarms} (migration V7).
 *
 * <ul>
 *   <li>Lifecycle: raised → acknowledged → cleared, or raised → cleared. Acknowledging an
 *       acknowledged alarm changes nothing; acknowledging or clearing a cleared one is a conflict.
 *   <li>De-duplication: raising an alarm whose source, kind and subject match an alarm not yet
 *       cleared counts one more occurrence of that alarm (its last-seen time, message and series
 *       are the new ones, its severity the higher of the two) instead of adding one; after it is
 *       cleared, the next raise is a new alarm.
 *   <li>Audit: a new alarm ({@code alarm.raise}), an acknowledgement ({@code alarm.ack}) and a
 *       clearance ({@code alarm.clear}) are appended to the audit log in the same transaction as
 *       the change; repeats are not (they would flood the log), their count is on the alarm.
 *   <li>Jurisdiction: stored as given, null until alarms are scoped to the governance registry's
 *       jurisdictions; lists filter on it.
 * </ul>
 */
public final class AlarmService {
  private static final int MAX_SERIES_POINTS = 2000;

  private final Jdbi jdbi;
  private final AuditLog audit;
  private final Clock clock;

  public AlarmService(Database database, AuditLog audit, Clock clock) {
    this.jdbi = database.jdbi();
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Raises an alarm, or counts a repeat of the open alarm with the same source, kind and subject.
   *
   * @param actor who raises it ({@code system} for detectors, {@code token:<name>} over the API)
   * @return the stored alarm
   * @throws IllegalArgumentException when a field is empty or the series has more than 2,000 points
   */
  public Alarm raise(String actor, NewAlarm a) {
    for (String[] f : new String[][] {{"source", a.source()}, {"kind", a.kind()}, {"subject", a.subject()}, {"message", a.message()}}) {
      if (f[1] == null || f[1].isBlank()) {
        throw new IllegalArgumentException("alarm " + f[0] + " is empty; expected text");
      }
    }
    if (a.severity() == null) {
      throw new IllegalArgumentException("alarm severity is missing; expected minor, major or critical");
    }
    if (a.series().size() > MAX_SERIES_POINTS) {
      throw new IllegalArgumentException("alarm series has " + a.series().size() + " points; expected at most " + MAX_SERIES_POINTS);
    }
    long now = clock.millis();
    String series = seriesJson(a.series());
    return audit.record(h -> {
      Optional<Alarm> open =
          h.createQuery("SELECT * FROM alarms WHERE dedup_key = :k AND state <> 'cleared' ORDER BY id DESC")
              .bind("k", a.dedupKey())
              .map((rs, ctx) -> alarm(rs))
              .findFirst();
      if (open.isPresent()) {
        Alarm o = open.get();
        AlarmSeverity severity = a.severity().compareTo(o.severity()) > 0 ? a.severity() : o.severity();
        h.createUpdate("UPDATE alarms SET occurrences = occurrences + 1, last_seen_at_ms = :now, message = :m, severity = :s,"
                + " series_json = COALESCE(:series, series_json) WHERE id = :id")
            .bind("now", now).bind("m", a.message()).bind("s", severity.id()).bind("series", series).bind("id", o.id())
            .execute();
        return new AuditLog.Recorded<>(find(h, o.id()).orElseThrow(), List.of());
      }
      long id =
          h.createUpdate("INSERT INTO alarms (dedup_key, source, kind, subject, severity, state, message, jurisdiction, occurrences,"
                  + " raised_at_ms, last_seen_at_ms, series_json) VALUES (:k, :source, :kind, :subject, :s, 'raised', :m, :j, 1,"
                  + " :now, :now, :series)")
              .bind("k", a.dedupKey()).bind("source", a.source()).bind("kind", a.kind()).bind("subject", a.subject())
              .bind("s", a.severity().id()).bind("m", a.message()).bind("j", a.jurisdiction()).bind("now", now).bind("series", series)
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
      return AuditLog.Recorded.of(find(h, id).orElseThrow(),
          AuditEvent.of(actor, "alarm.raise", "alarm/" + id,
              a.severity().id() + " " + a.kind() + " on " + a.subject() + " from " + a.source() + ": " + a.message()));
    });
  }

  /**
   * Acknowledges an alarm: an operator has seen it and acts on it.
   *
   * @throws NotFoundException when there is no alarm {@code id}
   * @throws ConflictException when it is cleared
   */
  public Alarm acknowledge(String actor, long id) {
    long now = clock.millis();
    return audit.record(h -> {
      Alarm a = find(h, id).orElseThrow(() -> new NotFoundException("alarm", Long.toString(id)));
      if (a.state() == AlarmState.CLEARED) {
        throw new ConflictException("alarm " + id + " is cleared; only a raised alarm can be acknowledged");
      }
      if (a.state() == AlarmState.ACKNOWLEDGED) {
        return new AuditLog.Recorded<>(a, List.of());
      }
      h.createUpdate("UPDATE alarms SET state = 'acknowledged', acknowledged_at_ms = :now, acknowledged_by = :by WHERE id = :id")
          .bind("now", now).bind("by", actor).bind("id", id).execute();
      return AuditLog.Recorded.of(find(h, id).orElseThrow(), AuditEvent.of(actor, "alarm.ack", "alarm/" + id, a.kind() + " on " + a.subject()));
    });
  }

  /**
   * Clears an alarm: its cause is over (or it was false).
   *
   * @param note why, may be empty; recorded in the audit log
   * @throws NotFoundException when there is no alarm {@code id}
   * @throws ConflictException when it is cleared already
   */
  public Alarm clear(String actor, long id, String note) {
    long now = clock.millis();
    return audit.record(h -> {
      Alarm a = find(h, id).orElseThrow(() -> new NotFoundException("alarm", Long.toString(id)));
      if (a.state() == AlarmState.CLEARED) {
        throw new ConflictException("alarm " + id + " is cleared already");
      }
      h.createUpdate("UPDATE alarms SET state = 'cleared', cleared_at_ms = :now, cleared_by = :by WHERE id = :id")
          .bind("now", now).bind("by", actor).bind("id", id).execute();
      return AuditLog.Recorded.of(find(h, id).orElseThrow(),
          AuditEvent.of(actor, "alarm.clear", "alarm/" + id, a.kind() + " on " + a.subject() + (note == null || note.isEmpty() ? "" : ": " + note)));
    });
  }

  /**
   * Clears the open alarm of a source, kind and subject, when there is one (a detector saw its
   * cause end).
   */
  public Optional<Alarm> clearOpen(String actor, String source, String kind, String subject, String note) {
    String key = source + "|" + kind + "|" + subject;
    Optional<Long> id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM alarms WHERE dedup_key = :k AND state <> 'cleared'")
        .bind("k", key).mapTo(Long.class).findFirst());
    return id.map(i -> clear(actor, i, note));
  }

  /**
   * The alarm a detector's health status calls for: none for {@code OK}; a silent detector and one
   * stuck on (max presence) are major (the centre stops using the junction's data), no activity and
   * erratic counts (chattering) minor.
   */
  public static Optional<NewAlarm> forDetectorHealth(String detectorId, DetectorStatus status, String jurisdiction) {
    if (status == DetectorStatus.OK) {
      return Optional.empty();
    }
    String kind = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    AlarmSeverity severity =
        status == DetectorStatus.SILENT || status == DetectorStatus.MAX_PRESENCE ? AlarmSeverity.MAJOR : AlarmSeverity.MINOR;
    String message = switch (status) {
      case SILENT -> "detector " + detectorId + " has stopped reporting";
      case MAX_PRESENCE -> "detector " + detectorId + " is stuck on (occupied without pause)";
      case NO_ACTIVITY -> "detector " + detectorId + " has seen no vehicle for too long (stuck off or dead)";
      case ERRATIC_COUNTS -> "detector " + detectorId + " counts more vehicles than a lane can carry (chattering)";
      default -> "detector " + detectorId + " is " + kind;
    };
    return Optional.of(new NewAlarm("detector-health", kind, detectorId, severity, message, jurisdiction, List.of()));
  }

  /**
   * Applies a detector's health status: raises (or repeats) its alarm when faulty, clears its open
   * health alarms when it is OK again.
   */
  public void applyDetectorHealth(String detectorId, DetectorStatus status, String jurisdiction) {
    Optional<NewAlarm> a = forDetectorHealth(detectorId, status, jurisdiction);
    for (DetectorStatus s : DetectorStatus.values()) {
      if (s != DetectorStatus.OK && s != status) {
        clearOpen("system", "detector-health", s.name().toLowerCase(Locale.ROOT).replace('_', '-'), detectorId, "detector is " + status.name().toLowerCase(Locale.ROOT));
      }
    }
    a.ifPresent(x -> raise("system", x));
  }

  /** One alarm. */
  public Optional<Alarm> find(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  /**
   * Alarms, newest first.
   *
   * @param state only in this state, or null for all
   * @param jurisdiction only of this jurisdiction, or null for all
   * @param limit at most this many, 1..1000
   */
  public List<Alarm> list(AlarmState state, String jurisdiction, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM alarms WHERE 1 = 1");
    if (state != null) {
      sql.append(" AND state = :state");
    }
    if (jurisdiction != null) {
      sql.append(" AND jurisdiction = :j");
    }
    sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(1000, limit)));
    return jdbi.withHandle(h -> {
      var q = h.createQuery(sql.toString());
      if (state != null) {
        q.bind("state", state.id());
      }
      if (jurisdiction != null) {
        q.bind("j", jurisdiction);
      }
      return q.map((rs, ctx) -> alarm(rs)).list();
    });
  }

  private static Optional<Alarm> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM alarms WHERE id = :id").bind("id", id).map((rs, ctx) -> alarm(rs)).findFirst();
  }

  private static Alarm alarm(ResultSet rs) throws SQLException {
    return new Alarm(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("kind"),
        rs.getString("subject"),
        AlarmSeverity.ofId(rs.getString("severity")),
        AlarmState.ofId(rs.getString("state")),
        rs.getString("message"),
        rs.getString("jurisdiction"),
        rs.getLong("occurrences"),
        instant(rs, "raised_at_ms"),
        instant(rs, "last_seen_at_ms"),
        instant(rs, "acknowledged_at_ms"),
        rs.getString("acknowledged_by"),
        instant(rs, "cleared_at_ms"),
        rs.getString("cleared_by"),
        rs.getString("series_json"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** [[t, v], ...] with shortest round-trip numbers; null for an empty series. */
  static String seriesJson(List<double[]> series) {
    if (series.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < series.size(); i++) {
      double[] p = series.get(i);
      if (p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
        throw new IllegalArgumentException("alarm series point " + i + " is not [epochMs, value] with finite numbers");
      }
      sb.append(i == 0 ? "" : ",").append('[').append((long) p[0]).append(',').append(number(p[1])).append(']');
    }
    return sb.append(']').toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}

package io.citybrain.platform.access;

import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Access grants (table {@code access_grants}): which principal holds which {@link Role} in which
 * jurisdiction, and the {@link Caller} a request's token stands for. Granting and revoking are
 * recorded in the audit log. Grants are read again at most {@link #RECHECK_MILLIS} after they were
 * last read, so a grant revoked by the command line stops counting on a running server within
 * that time.
 */
public final class AccessService {
  /** How long a server trusts the grants it read before reading them again, ms. */
  public static final long RECHECK_MILLIS = 5_000;

  private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Jdbi jdbi;
  private final AuditLog audit;
  private final Clock clock;
  private final Jurisdictions jurisdictions;

  private record Read(List<AccessGrant> grants, long atMillis) {}

  private final ConcurrentHashMap<String, Read> grantsByPrincipal = new ConcurrentHashMap<>();

  /**
   * @param database where grants are stored
   * @param audit where granting and revoking are recorded
   * @param clock time source (grant validity, cache)
   * @param jurisdictions the jurisdiction tree
   */
  public AccessService(Database database, AuditLog audit, Clock clock, Jurisdictions jurisdictions) {
    this.jdbi = database.jdbi();
    this.audit = audit;
    this.clock = clock;
    this.jurisdictions = jurisdictions;
  }

  /** The jurisdiction tree grants are checked against. */
  public Jurisdictions jurisdictions() {
    return jurisdictions;
  }

  /** Whether {@code name} is a valid principal name (as token names: 1–64 letters, digits, {@code . _ -}). */
  public static boolean validPrincipal(String name) {
    return name != null && PRINCIPAL.matcher(name).matches();
  }

  /**
   * Grants {@code role} in {@code jurisdictionId} (and below) to {@code principal}.
   *
   * @param validUntil when the grant stops counting; empty: no end
   * @param actor who grants it (audit actor)
   * @throws IllegalArgumentException naming the field: an invalid principal name, an unknown
   *     jurisdiction, or an end not after now
   */
  public AccessGrant grant(String principal, Role role, String jurisdictionId, Optional<Instant> validUntil, String actor) {
    if (!validPrincipal(principal)) {
      throw new IllegalArgumentException(
          "principal '" + principal + "' is invalid; expected 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (!jurisdictions.exists(jurisdictionId)) {
      throw new IllegalArgumentException("jurisdiction '" + jurisdictionId + "' does not exist; see 'citybrain gov jurisdictions'");
    }
    Instant now = Instant.ofEpochMilli(clock.millis());
    if (validUntil.isPresent() && !validUntil.get().isAfter(now)) {
      throw new IllegalArgumentException("valid-until " + validUntil.get() + " is not after now (" + now + ")");
    }
    AccessGrant g =
        audit.record(
            h -> {
              long id = insert(h, principal, role, jurisdictionId, actor, now, validUntil);
              AccessGrant made = new AccessGrant(id, principal, role, jurisdictionId, actor, now, validUntil, Optional.empty());
              return AuditLog.Recorded.of(
                  made, AuditEvent.of(actor, "access.grant", "principal/" + principal, made.label() + validUntil.map(u -> " until " + u).orElse("")));
            });
    grantsByPrincipal.remove(principal);
    return g;
  }

  /** Inserts a grant in {@code h}'s transaction (no audit entry: the caller records one). */
  static long insert(Handle h, String principal, Role role, String jurisdictionId, String actor, Instant now, Optional<Instant> validUntil) {
    return h.createUpdate(
            "INSERT INTO access_grants (principal, role, jurisdiction_id, granted_by, granted_at_ms, valid_from_ms, valid_until_ms)"
                + " VALUES (:principal, :role, :jurisdiction, :actor, :now, :now, :until)")
        .bind("principal", principal)
        .bind("role", role.apiName())
        .bind("jurisdiction", jurisdictionId)
        .bind("actor", actor)
        .bind("now", now.toEpochMilli())
        .bind("until", validUntil.map(Instant::toEpochMilli).orElse(null))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /**
   * In {@code h}'s transaction: when {@code principal} has no grant at all, grants it operator and
   * auditor of the nation (what every token could do before jurisdictions existed).
   *
   * @return the audit events to record with it (none when it had grants)
   */
  public static List<AuditEvent> grantNationWideIfUngranted(Handle h, String principal, String actor, Instant now) {
    long had = h.createQuery("SELECT COUNT(*) FROM access_grants WHERE principal = :p").bind("p", principal).mapTo(Long.class).one();
    if (had > 0) {
      return List.of();
    }
    List<AuditEvent> events = new java.util.ArrayList<>();
    for (Role role : List.of(Role.OPERATOR, Role.AUDITOR)) {
      insert(h, principal, role, Jurisdictions.ROOT, actor, now, Optional.empty());
      events.add(AuditEvent.of(actor, "access.grant", "principal/" + principal, role.apiName() + "@" + Jurisdictions.ROOT));
    }
    return events;
  }

  /**
   * Revokes grant {@code id}.
   *
   * @return false when there is no unrevoked grant with that id
   */
  public boolean revoke(long id, String actor) {
    long now = clock.millis();
    boolean done =
        audit.record(
            h -> {
              Optional<AccessGrant> g = find(h, id).filter(x -> x.revokedAt().isEmpty());
              if (g.isEmpty()) {
                return new AuditLog.Recorded<>(false, List.of());
              }
              h.createUpdate("UPDATE access_grants SET revoked_at_ms = :now WHERE id = :id").bind("now", now).bind("id", id).execute();
              return AuditLog.Recorded.of(
                  true, AuditEvent.of(actor, "access.revoke", "principal/" + g.get().principal(), g.get().label() + " (grant " + id + ")"));
            });
    grantsByPrincipal.clear();
    return done;
  }

  /** Every grant of {@code principal}, revoked and expired ones included, oldest first. */
  public List<AccessGrant> grants(String principal) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE principal = :p ORDER BY id").bind("p", principal).map(AccessService::map).list());
  }

  /** Every grant, oldest first. */
  public List<AccessGrant> all() {
    return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY id").map(AccessService::map).list());
  }

  /**
   * The caller that token {@code tokenName} of {@code principal} stands for, with the principal's
   * grants active now.
   */
  public Caller caller(String tokenName, String principal) {
    long now = clock.millis();
    Read r = grantsByPrincipal.get(principal);
    if (r == null || now - r.atMillis() >= RECHECK_MILLIS || now < r.atMillis()) {
      r = new Read(grants(principal), now);
      grantsByPrincipal.put(principal, r);
    }
    Instant at = Instant.ofEpochMilli(now);
    return Caller.principal(tokenName, principal, r.grants().stream().filter(g -> g.activeAt(at)).toList(), jurisdictions);
  }

  private static final String SELECT =
      "SELECT id, principal, role, jurisdiction_id, granted_by, valid_from_ms, valid_until_ms, revoked_at_ms FROM access_grants";

  private static Optional<AccessGrant> find(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(AccessService::map).findOne();
  }

  private static AccessGrant map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    long until = rs.getLong(7);
    Optional<Instant> validUntil = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
    long revoked = rs.getLong(8);
    Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
    return new AccessGrant(
        rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
        Instant.ofEpochMilli(rs.getLong(6)), validUntil, revokedAt);
  }
}

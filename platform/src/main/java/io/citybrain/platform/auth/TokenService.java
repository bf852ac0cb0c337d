package io.citybrain.platform.auth;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.platform.access.AccessService;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens: created with a name, shown once, stored only as the SHA-256 of the secret (the
 * secret has 256 random bits, so a plain hash is enough: there is nothing to guess). A request
 * carries it as {@code Authorization: Bearer <secret>}; the token's name is the audit actor.
 */
public final class TokenService {
  /** Prefix of every secret, so leaked tokens are easy to spot. */
  public static final String PREFIX = "cbt_";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final AuditLog audit;
  private final Clock clock;
  /**
   * How long a server trusts a token it has checked before asking the database again, ms. Tokens
   * are revoked by another process ({@code citybrain token revoke}); with a cache that never
   * expired, a revoked token kept working on a running server until it was restarted.
   */
  public static final long RECHECK_MILLIS = 5_000;

  /** A token found active, its principal, and when. */
  private record Checked(String name, String principal, long atMillis) {}

  /**
   * An authenticated token.
   *
   * @param name the token's name (audit actor {@code token:<name>})
   * @param principal who it was issued to; roles are granted to principals
   */
  public record Identity(String name, String principal) {}

  private final ConcurrentHashMap<String, Checked> checkedByHash = new ConcurrentHashMap<>();

  /**
   * @param database where tokens are stored
   * @param audit where token creation and revocation are recorded
   * @param clock time source
   */
  public TokenService(Database database, AuditLog audit, Clock clock) {
    this.jdbi = database.jdbi();
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a token that is its own principal ({@code principal = name}), as {@link
   * #create(String, String, String)}; a principal without grants yet becomes operator and auditor
   * of the nation, which is what every token could do before jurisdictions existed (and what
   * migration V8 gave existing tokens). Use the three-argument form for a token without grants.
   */
  public String create(String name, String actor) {
    return create(name, name, actor, true);
  }

  /**
   * Creates a token for {@code principal} and records it in the audit log. The token may do what
   * the principal's grants allow ({@link io.citybrain.platform.access.AccessService}).
   *
   * @param name 1–64 characters: letters, digits, {@code . _ -}, starting with a letter or digit
   * @param principal who the token is issued to, same characters as the name
   * @param actor who creates it (audit actor, e.g. {@code cli:alice})
   * @return the secret, to show once; it cannot be recovered later
   * @throws IllegalArgumentException for an invalid name or principal, or a name already in use
   */
  public String create(String name, String principal, String actor) {
    return create(name, principal, actor, false);
  }

  private String create(String name, String principal, String actor, boolean nationWideWhenUngranted) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "token name '" + name + "' is invalid; expected 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (principal == null || !NAME.matcher(principal).matches()) {
      throw new IllegalArgumentException(
          "principal '" + principal + "' is invalid; expected 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String hash = hash(secret);
    long now = clock.millis();
    audit.record(
        h -> {
          boolean taken =
              h.createQuery("SELECT COUNT(*) FROM api_tokens WHERE name = :name").bind("name", name).mapTo(Long.class).one() > 0;
          if (taken) {
            throw new IllegalArgumentException("a token named '" + name + "' already exists; choose another name");
          }
          h.createUpdate(
                  "INSERT INTO api_tokens (name, principal, token_sha256, created_at_ms) VALUES (:name, :principal, :hash, :now)")
              .bind("name", name)
              .bind("principal", principal)
              .bind("hash", hash)
              .bind("now", now)
              .execute();
          List<AuditEvent> events = new java.util.ArrayList<>();
          events.add(AuditEvent.of(actor, "token.create", "token/" + name, "principal " + principal));
          if (nationWideWhenUngranted) {
            events.addAll(AccessService.grantNationWideIfUngranted(h, principal, actor, Instant.ofEpochMilli(now)));
          }
          return new AuditLog.Recorded<>(null, events);
        });
    return secret;
  }

  /**
   * Revokes a token; requests carrying it are refused from then on by this process, and by other
   * processes on the same database within {@link #RECHECK_MILLIS}.
   *
   * @return false when there is no active token with that name
   */
  public boolean revoke(String name, String actor) {
    long now = clock.millis();
    boolean revoked =
        audit.record(
            h -> {
              int n =
                  h.createUpdate("UPDATE api_tokens SET revoked_at_ms = :now WHERE name = :name AND revoked_at_ms IS NULL")
                      .bind("now", now)
                      .bind("name", name)
                      .execute();
              return n == 0
                  ? new AuditLog.Recorded<>(false, List.of())
                  : AuditLog.Recorded.of(true, AuditEvent.of(actor, "token.revoke", "token/" + name, ""));
            });
    checkedByHash.values().removeIf(c -> c.name().equals(name));
    return revoked;
  }

  /**
   * The name of the active token with this secret.
   *
   * @param secret the bearer secret, or null
   * @return empty for null, unknown or revoked secrets
   */
  public Optional<String> authenticate(String secret) {
    return identify(secret).map(Identity::name);
  }

  /**
   * The active token with this secret, with its principal.
   *
   * @param secret the bearer secret, or null
   * @return empty for null, unknown or revoked secrets
   */
  public Optional<Identity> identify(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String hash = hash(secret);
    long now = clock.millis();
    Checked cached = checkedByHash.get(hash);
    if (cached != null && now - cached.atMillis() < RECHECK_MILLIS && now >= cached.atMillis()) {
      return Optional.of(new Identity(cached.name(), cached.principal()));
    }
    Optional<Identity> found =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT name, principal FROM api_tokens WHERE token_sha256 = :hash AND revoked_at_ms IS NULL")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2)))
                    .findOne());
    if (found.isPresent()) {
      checkedByHash.put(hash, new Checked(found.get().name(), found.get().principal(), now));
    } else {
      checkedByHash.remove(hash);
    }
    return found;
  }

  /** All tokens, oldest first (names and dates only). */
  public List<ApiToken> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT name, created_at_ms, revoked_at_ms, principal FROM api_tokens ORDER BY id")
                .map(
                    (rs, ctx) -> {
                      String name = rs.getString(1);
                      Instant created = Instant.ofEpochMilli(rs.getLong(2));
                      long revoked = rs.getLong(3);
                      // wasNull() speaks of the column read last: revoked_at_ms
                      Optional<Instant> revokedAt =
                          rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
                      return new ApiToken(name, rs.getString(4), created, revokedAt);
                    })
                .list());
  }

  private static String hash(String secret) {
    return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
  }
}

package io.citybrain.platform.http;

import io.citybrain.platform.Platform;
import io.citybrain.platform.access.Permission;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * How one route is scoped by jurisdiction (docs/governance.md, "Access by jurisdiction"). Every
 * route the server registers has one in {@link ScopeRules}; a route without one is refused at
 * start-up and fails {@code ScopeRulesTest}.
 *
 * @param kind what is checked
 * @param permission the permission needed: for {@link Kind#ITEM} and {@link Kind#TARGET} in the
 *     object's (target's) jurisdiction, for {@link Kind#LIST} the permission whose scope filters
 *     the list, for {@link Kind#HOLDS} anywhere; null for {@link Kind#PUBLIC} and {@link
 *     Kind#ANY_CALLER}
 * @param noun what the route's object is called in a 404 ({@code run}, {@code scenario}); null
 *     when not {@link Kind#ITEM}
 * @param resolver the jurisdiction of the route's object (ITEM) or target (TARGET); null otherwise
 */
record ScopeRule(Kind kind, Permission permission, String noun, Resolver resolver) {

  /** What a rule checks. */
  enum Kind {
    /** Anyone, without a token, from anywhere (the disclosure, the API description). */
    PUBLIC,
    /** Any token, or a read from this machine: catalogue data that belongs to no jurisdiction. */
    ANY_CALLER,
    /** The caller holds {@code permission} somewhere (e.g. verifying the whole audit log). */
    HOLDS,
    /**
     * A list: the handler returns only what lies in the caller's scope for {@code permission}
     * (never a 403; an empty list when nothing does).
     */
    LIST,
    /**
     * One object: 404, exactly as for an unknown id, when the caller cannot see the object's
     * jurisdiction; 403 when it can see it but lacks {@code permission} there.
     */
    ITEM,
    /**
     * Creates something in, or reads or acts on what belongs as a whole to, the target
     * jurisdiction (a new run, the live data of the installation): 403 unless the caller holds
     * {@code permission} there.
     */
    TARGET
  }

  /** The jurisdiction of a route's object or target. */
  @FunctionalInterface
  interface Resolver {
    /**
     * @return the jurisdiction id; empty when the object does not exist (the handler answers as
     *     for any unknown id)
     */
    Optional<String> jurisdiction(Platform platform, Context ctx);
  }

  ScopeRule {
    Objects.requireNonNull(kind, "kind");
  }

  static ScopeRule publicRoute() {
    return new ScopeRule(Kind.PUBLIC, null, null, null);
  }

  static ScopeRule anyCaller() {
    return new ScopeRule(Kind.ANY_CALLER, null, null, null);
  }

  static ScopeRule holds(Permission p) {
    return new ScopeRule(Kind.HOLDS, p, null, null);
  }

  static ScopeRule list(Permission p) {
    return new ScopeRule(Kind.LIST, p, null, null);
  }

  static ScopeRule item(Permission p, String noun, Resolver resolver) {
    return new ScopeRule(Kind.ITEM, p, noun, resolver);
  }

  static ScopeRule target(Permission p, Resolver resolver) {
    return new ScopeRule(Kind.TARGET, p, null, resolver);
  }

  /** For the route table in docs and tests: {@code item READ}, {@code list READ}, {@code public}. */
  String describe() {
    String k = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return permission == null ? k : k + " " + permission.name().toLowerCase(java.util.Locale.ROOT);
  }
}

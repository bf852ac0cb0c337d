package io.citybrain.platform.http;

import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.access.AccessService;
import io.citybrain.platform.access.Caller;
import io.citybrain.platform.access.Permission;
import io.citybrain.platform.auth.TokenService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may call what. First {@link #identify} tells who calls: an API token ({@code
 * Authorization: Bearer <token>}; browsers' {@code EventSource} cannot send headers, so the live
 * stream, and only it, also accepts {@code ?access_token=}) stands for its principal and the principal's grants; no token on
 * loopback is the local console (reads everything, changes nothing); no token from elsewhere is
 * the public. Then {@link #enforce} applies the matched route's {@link ScopeRule} from {@link
 * ScopeRules}: state-changing requests (POST, PUT, PATCH, DELETE) always need a token, and every
 * route but the public ones needs a token from other machines. The caller is stored on the
 * request as attribute {@link #CALLER}.
 */
final class AccessControl {
  /** Request attribute holding the {@link Caller}. */
  static final String CALLER = "citybrain.caller";

  /** Request attribute holding a {@link ScopeRule.Kind#TARGET} route's checked jurisdiction. */
  static final String TARGET = "citybrain.target";

  private final TokenService tokens;
  private final AccessService access;
  private final Platform platform;

  AccessControl(Platform platform) {
    this.tokens = platform.tokens();
    this.access = platform.access();
    this.platform = platform;
  }

  /**
   * Tells who calls and stores it as {@link #CALLER}.
   *
   * @throws HttpProblem 401 when a given token is unknown or revoked, or the header is malformed
   */
  void identify(Context ctx) {
    if (ctx.attribute(CALLER) != null) {
      return;
    }
    String secret = bearer(ctx).orElse(queryToken(ctx));
    Caller caller;
    if (secret != null) {
      TokenService.Identity id =
          tokens.identify(secret).orElseThrow(() -> HttpProblem.unauthorized("the API token is unknown or revoked"));
      caller = access.caller(id.name(), id.principal());
    } else {
      caller = isLoopback(ctx.req().getRemoteAddr()) ? Caller.local() : Caller.anonymous();
    }
    ctx.attribute(CALLER, caller);
  }

  /**
   * Applies the matched route's scope rule (runs before its handler, after {@link #identify}).
   *
   * @throws HttpProblem 401 when a token is needed, 403 when the caller lacks the permission, 500
   *     when the route has no rule (it would be refused at start-up; kept as a second lock)
   * @throws NotFoundException when an item route's object lies outside what the caller may see
   */
  void enforce(Context ctx) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    if (e == null) {
      return; // a static file of the dashboard (/static, /webjars): public, as the page itself
    }
    String route = e.method.name() + " " + e.path;
    ScopeRule rule =
        ScopeRules.of(route).orElseThrow(() -> new HttpProblem(500, "no_scope_rule", "route " + route + " has no scope rule"));
    if (rule.kind() == ScopeRule.Kind.PUBLIC) {
      return;
    }
    identify(ctx);
    Caller caller = caller(ctx);
    HandlerType m = ctx.method();
    boolean readOnly = m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS;
    if (!caller.authenticated() && !readOnly) {
      throw HttpProblem.unauthorized(
          "this request changes state and needs an API token: 'Authorization: Bearer <token>' (create one with 'citybrain token create --name NAME')");
    }
    if (caller.isPublic()) {
      throw HttpProblem.unauthorized("requests from other machines need an API token");
    }
    switch (rule.kind()) {
      case ANY_CALLER, LIST -> {}
      case HOLDS -> {
        if (!caller.mayAnywhere(rule.permission())) {
          throw forbidden(caller, rule.permission(), "any jurisdiction");
        }
      }
      case ITEM -> {
        Optional<String> j = rule.resolver().jurisdiction(platform, ctx);
        if (j.isEmpty()) {
          return; // unknown: the handler answers 404 as always
        }
        Permission see = rule.permission() == Permission.AUDIT ? Permission.AUDIT : Permission.READ;
        if (!caller.may(see, j.get())) {
          throw new NotFoundException(rule.noun(), e.path.contains("{id}") ? ctx.pathParam("id") : ctx.path());
        }
        if (!caller.may(rule.permission(), j.get())) {
          throw forbidden(caller, rule.permission(), "jurisdiction " + j.get() + " (" + rule.noun() + " " + ctx.pathParam("id") + ")");
        }
      }
      case TARGET -> {
        Optional<String> j = rule.resolver().jurisdiction(platform, ctx);
        if (j.isPresent()) {
          checkTarget(ctx, caller, rule.permission(), j.get());
        }
      }
      default -> throw new IllegalStateException("unhandled rule kind " + rule.kind());
    }
  }

  /**
   * Checks that the caller holds {@code permission} in {@code jurisdictionId} and stores it as
   * {@link #TARGET} (for handlers that learn their target late, such as uploads).
   *
   * @throws HttpProblem 403 otherwise
   */
  static void checkTarget(Context ctx, Caller caller, Permission permission, String jurisdictionId) {
    if (!caller.may(permission, jurisdictionId)) {
      throw forbidden(caller, permission, "jurisdiction " + jurisdictionId);
    }
    ctx.attribute(TARGET, jurisdictionId);
  }

  private static HttpProblem forbidden(Caller caller, Permission p, String where) {
    return new HttpProblem(
        403, "forbidden", caller.describe() + " may not " + p.name().toLowerCase(java.util.Locale.ROOT) + " in " + where
            + "; a grant of a role with that permission on it or an ancestor is needed ('citybrain token grant')");
  }

  /** The caller of a request ({@link #identify} ran). */
  static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    if (c == null) {
      throw new IllegalStateException("the caller was not identified");
    }
    return c;
  }

  /** The actor of an authenticated request. */
  static String actor(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    return Optional.ofNullable(c)
        .flatMap(Caller::actor)
        .orElseThrow(() -> HttpProblem.unauthorized("this request needs an API token"));
  }

  /**
   * {@code ?access_token=}, accepted on the live stream only: a browser's {@code EventSource}
   * cannot send headers, everything else can. A token in a URL lands in logs, histories and
   * {@code Referer}s, so it is refused elsewhere rather than ignored (a client that relied on it
   * learns why its request fails).
   */
  private static String queryToken(Context ctx) {
    String q = ctx.queryParam("access_token");
    if (q == null) {
      return null;
    }
    if (ctx.method() == HandlerType.GET && LIVE_STREAM.matcher(ctx.path()).matches()) {
      return q;
    }
    throw HttpProblem.unauthorized(
        "?access_token= is accepted on the live stream (GET /api/runs/{id}/live) only; send 'Authorization: Bearer <token>'");
  }

  private static final java.util.regex.Pattern LIVE_STREAM = java.util.regex.Pattern.compile("/api/runs/[^/]+/live");

  private static Optional<String> bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null) {
      return Optional.empty();
    }
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw HttpProblem.unauthorized("the Authorization header must be 'Bearer <token>'");
    }
    return Optional.of(h.substring(7).strip());
  }

  static boolean isLoopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

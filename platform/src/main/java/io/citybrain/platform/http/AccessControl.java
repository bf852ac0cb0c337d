package io.citybrain.platform.http;

import io.citybrain.platform.auth.TokenService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may call what. State-changing requests (POST, PUT, PATCH, DELETE) need a valid API token
 * ({@code Authorization: Bearer <token>}); read-only requests need one only when the caller is
 * not on loopback. The token's name becomes the actor, {@code token:<name>}, stored on the
 * request as attribute {@link #ACTOR}. Browsers' {@code EventSource} cannot send headers, so the
 * live stream also accepts {@code ?access_token=}; no other route does.
 */
final class AccessControl {
  /** Request attribute holding the authenticated actor (absent for anonymous loopback reads). */
  static final String ACTOR = "citybrain.actor";

  private final TokenService tokens;

  AccessControl(TokenService tokens) {
    this.tokens = tokens;
  }

  /**
   * Checks the request.
   *
   * @throws HttpProblem 401 when a needed token is missing, or a given one is unknown or revoked
   */
  void check(Context ctx) {
    String secret = bearer(ctx).orElse(queryToken(ctx));
    if (secret != null) {
      String name =
          tokens.authenticate(secret).orElseThrow(() -> HttpProblem.unauthorized("the API token is unknown or revoked"));
      ctx.attribute(ACTOR, "token:" + name);
      return;
    }
    HandlerType m = ctx.method();
    boolean readOnly = m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS;
    if (!readOnly) {
      throw HttpProblem.unauthorized(
          "this request changes state and needs an API token: 'Authorization: Bearer <token>' (create one with 'citybrain token create --name NAME')");
    }
    if (!isLoopback(ctx.req().getRemoteAddr())) {
      throw HttpProblem.unauthorized("read-only requests from other machines need an API token");
    }
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

  /** The actor of an authenticated request. */
  static String actor(Context ctx) {
    String a = ctx.attribute(ACTOR);
    if (a == null) {
      throw HttpProblem.unauthorized("this request needs an API token");
    }
    return a;
  }

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

package io.citybrain.platform.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What protects the API from pages in an operator's browser (issue 15):
 *
 * <ul>
 *   <li><b>Host.</b> A request's {@code Host} must be an IP literal, {@code localhost}, the
 *       listen address, or a name given with {@code --allowed-host}. DNS rebinding points a
 *       hostile name at 127.0.0.1, so that its page's requests become same-origin with the
 *       server; they still carry the hostile name, and are refused with 421.
 *   <li><b>Origin.</b> A request that changes state and carries an {@code Origin} (browsers send
 *       one with every cross-site POST) must come from this server's own origin ({@code Origin}'s
 *       host and port equal to {@code Host}'s); otherwise 403.
 *   <li><b>Headers on every response</b>, the dashboard's and the API's, errors included: a
 *       content security policy that allows scripts, connections and frames from this origin only
 *       ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}: the page cannot be
 *       framed for clickjacking), {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 *       no-referrer}.
 * </ul>
 */
final class BrowserGuards {
  /**
   * The dashboard's policy: its scripts and styles are files of this server (Chart.js from its
   * WebJar); inline {@code style} attributes draw the legends; images may be data URLs (canvas
   * exports).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

  private final Set<String> allowedNames = new TreeSet<>();

  /**
   * @param listenHost the address the server listens on ({@code --host})
   * @param extraNames further host names operators use ({@code --allowed-host}), case-insensitive
   */
  BrowserGuards(String listenHost, List<String> extraNames) {
    allowedNames.add("localhost");
    allowedNames.add(listenHost.toLowerCase(Locale.ROOT));
    extraNames.forEach(n -> allowedNames.add(n.toLowerCase(Locale.ROOT)));
  }

  /** Sets the security headers; call first for every request. */
  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  /**
   * Checks {@code Host} and, for state-changing requests, {@code Origin}.
   *
   * @throws HttpProblem 421 for a host name this server does not answer to, 403 for a foreign
   *     origin
   */
  void check(Context ctx) {
    String host = ctx.header("Host");
    if (host != null && !allowedHost(hostName(host))) {
      throw new HttpProblem(
          421,
          "misdirected_request",
          "this server does not answer to the host name in the Host header; use its IP address or localhost, or start"
              + " it with --allowed-host NAME");
    }
    HandlerType m = ctx.method();
    boolean readOnly = m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS;
    String origin = ctx.header("Origin");
    if (!readOnly && origin != null && host != null && !sameOrigin(origin, host)) {
      throw new HttpProblem(
          403, "forbidden_origin", "state-changing requests from another site's page are refused (Origin differs from Host)");
    }
  }

  private boolean allowedHost(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return isIpLiteral(n) || allowedNames.contains(n);
  }

  /** The name part of a {@code Host} value: {@code [::1]:8080} → {@code ::1}, {@code a.b:80} → {@code a.b}. */
  static String hostName(String hostHeader) {
    String h = hostHeader.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  static boolean isIpLiteral(String name) {
    if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      for (String part : name.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return name.contains(":") && name.matches("[0-9a-f:.%a-z]+") && name.chars().filter(c -> c == ':').count() >= 2;
  }

  private static boolean sameOrigin(String origin, String hostHeader) {
    try {
      URI o = URI.create(origin);
      if (o.getHost() == null) {
        return false; // "null" (sandboxed frames, file: pages)
      }
      int port = o.getPort() >= 0 ? o.getPort() : ("https".equalsIgnoreCase(o.getScheme()) ? 443 : 80);
      String h = hostHeader.strip();
      String hostName = hostName(h);
      int colon = h.lastIndexOf(':');
      int hostPort = colon > h.lastIndexOf(']') && colon >= 0 ? Integer.parseInt(h.substring(colon + 1)) : 80;
      String originHost = o.getHost().startsWith("[") ? o.getHost().substring(1, o.getHost().length() - 1) : o.getHost();
      return originHost.equalsIgnoreCase(hostName) && port == hostPort;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

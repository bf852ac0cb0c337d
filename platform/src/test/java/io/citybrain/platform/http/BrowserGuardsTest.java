package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's browser-side attacks, over raw HTTP (a browser's request as it arrives): DNS
 * rebinding (a hostile name in {@code Host}), a cross-site POST ({@code Origin}), framing and
 * sniffing (headers on every answer), and a token in the query string of routes other than the
 * live stream.
 */
class BrowserGuardsTest {
  @TempDir static Path dir;
  static TestServer api;
  static int port;

  @BeforeAll
  static void start() {
    api = TestServer.embedded(dir);
    port = URI.create(api.base()).getPort();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Sends one HTTP/1.1 request as written and returns the whole answer, head and body. */
  private static String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static String get(String path, String host, String... headers) throws Exception {
    return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + String.join("", headers) + "Connection: close\r\n\r\n");
  }

  @Test
  void rebindingHostNameIsRefusedAndAddressesAndLocalhostAreServed() throws Exception {
    String rebound = get("/api/runs", "attacker.example:" + port);
    assertThat(rebound).startsWith("HTTP/1.1 421").contains("\"misdirected_request\"").contains("--allowed-host");
    assertThat(get("/api/audit", "evil.localhost.attacker.example")).startsWith("HTTP/1.1 421");

    assertThat(get("/api/health", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    assertThat(get("/api/health", "localhost:" + port)).startsWith("HTTP/1.1 200");
    assertThat(get("/api/health", "LOCALHOST")).startsWith("HTTP/1.1 200");
    assertThat(get("/api/health", "[::1]:" + port)).startsWith("HTTP/1.1 200");
  }

  @Test
  void crossSitePostIsRefusedSameSitePostGoesOn() throws Exception {
    String body = "{\"scenario\":\"jinan\",\"controller\":\"fixed-time\",\"steps\":10}";
    String foreign =
        raw("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://attacker.example\r\nAuthorization: Bearer "
            + api.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
            + body);
    assertThat(foreign).startsWith("HTTP/1.1 403").contains("\"forbidden_origin\"");

    String own =
        raw("POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:" + port + "\r\nAuthorization: Bearer "
            + api.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
            + body);
    assertThat(own).startsWith("HTTP/1.1 201");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/", "/static/app.js", "/api/health", "/api/runs/999999", "/no/such/page", "/openapi.json"}) {
      String answer = get(path, "127.0.0.1:" + port).toLowerCase(java.util.Locale.ROOT);
      assertThat(answer)
          .as(path)
          .contains("content-security-policy: default-src 'self'; script-src 'self';")
          .contains("frame-ancestors 'none'")
          .contains("x-frame-options: deny")
          .contains("x-content-type-options: nosniff")
          .contains("referrer-policy: no-referrer");
    }
    assertThat(get("/api/runs", "attacker.example").toLowerCase(java.util.Locale.ROOT))
        .as("refusals too")
        .contains("x-frame-options: deny");
  }

  @Test
  void queryStringTokenOnlyOnTheLiveStream() throws Exception {
    String listed = get("/api/runs?access_token=" + api.token(), "127.0.0.1:" + port);
    assertThat(listed).startsWith("HTTP/1.1 401").contains("live stream");
    String post =
        raw("POST /api/runs/1/cancel?access_token=" + api.token() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assertThat(post).startsWith("HTTP/1.1 401");
  }

  @Test
  void hostNamesAreReadAsBrowsersSendThem() {
    assertThat(BrowserGuards.hostName("[::1]:8080")).isEqualTo("::1");
    assertThat(BrowserGuards.hostName("example.org:80")).isEqualTo("example.org");
    assertThat(BrowserGuards.hostName("example.org")).isEqualTo("example.org");
    assertThat(BrowserGuards.isIpLiteral("127.0.0.1")).isTrue();
    assertThat(BrowserGuards.isIpLiteral("10.1.2.3")).isTrue();
    assertThat(BrowserGuards.isIpLiteral("127.0.0.1.attacker.example")).isFalse();
    assertThat(BrowserGuards.isIpLiteral("999.0.0.1")).isFalse();
    assertThat(BrowserGuards.isIpLiteral("::1")).isTrue();
  }
}

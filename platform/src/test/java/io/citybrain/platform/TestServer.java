package io.citybrain.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.storage.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** A platform server on a random loopback port with an embedded database, and a small HTTP client. */
public final class TestServer implements AutoCloseable {
  private final PlatformServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;

  /** An HTTP answer. */
  public record Answer(int status, String body, HttpResponse<String> raw) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public TestServer(PlatformConfig config) {
    this(config, java.util.Optional.empty());
  }

  /** A server with live operations when {@code live} is given. */
  public TestServer(PlatformConfig config, java.util.Optional<io.citybrain.platform.live.LiveOptions> live) {
    this.server = PlatformServer.start(config.withPort(0), live);
    this.token = server.platform().tokens().create("tester-" + UUID.randomUUID().toString().substring(0, 8), "test");
  }

  /** A server with defaults on an embedded database in {@code dir}. */
  public static TestServer embedded(Path dir) {
    return new TestServer(PlatformConfig.defaults(dir));
  }

  public PlatformServer server() {
    return server;
  }

  public String token() {
    return token;
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  public Answer post(String path, String json) {
    return postAs(path, json, token);
  }

  public Answer postAs(String path, String json, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return send(b);
  }

  /** Sends DELETE with the test token. */
  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).DELETE());
  }

  /** Posts a multipart form: pairs of (part name, file name or null, content). */
  public Answer multipart(String path, String bearer, Object[]... parts) {
    String boundary = "----cb" + UUID.randomUUID();
    var out = new java.io.ByteArrayOutputStream();
    try {
      for (Object[] p : parts) {
        out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
        String disp = "Content-Disposition: form-data; name=\"" + p[0] + "\"" + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"");
        out.write((disp + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (p[1] != null) {
          out.write("Content-Type: application/json\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        out.write(p[2] instanceof byte[] bytes ? bytes : p[2].toString().getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return send(b);
  }

  private Answer send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits until run {@code id} has status {@code status} (or any final status when null). */
  public JsonNode awaitRun(long id, String status, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    JsonNode run = null;
    while (System.nanoTime() < end) {
      run = get("/api/runs/" + id).json();
      String s = run.get("status").asText();
      if (status == null ? s.equals("succeeded") || s.equals("failed") || s.equals("cancelled") : s.equals(status)) {
        return run;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("run " + id + " did not reach " + status + " in " + timeout + "; last: " + run);
  }

  @Override
  public void close() {
    server.close();
  }
}

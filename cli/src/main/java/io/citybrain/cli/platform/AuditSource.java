package io.citybrain.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.platform.Platform;
import io.citybrain.platform.audit.AuditLeaf;
import io.citybrain.platform.audit.AuditProofs;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code citybrain audit} reads the log: a running server over HTTP ({@code --server}), or
 * the database directly (the server's {@code --data-dir} or {@code --db}).
 */
interface AuditSource extends AutoCloseable {
  /** The newest signed checkpoint note. */
  String checkpointNote() throws IOException;

  /** The consistency proof's hashes from {@code from} to {@code to} entries. */
  List<Sha256Hash> consistencyPath(long from, long to) throws IOException;

  /**
   * An inclusion proof as the API shows it: {@code seq}, {@code leafIndex}, {@code treeSize},
   * {@code leaf} (canonical JSON), {@code leafHash}, {@code rootHash}, {@code path}.
   */
  JsonNode inclusion(long seq, long treeSize) throws IOException;

  @Override
  void close();

  ObjectMapper MAPPER = new ObjectMapper();

  /** A local database, through the platform's services. */
  static AuditSource local(Platform p) {
    return new AuditSource() {
      @Override
      public String checkpointNote() {
        return p.audit().checkpoint().note();
      }

      @Override
      public List<Sha256Hash> consistencyPath(long from, long to) {
        return p.audit().consistency(from, to).proof().path();
      }

      @Override
      public JsonNode inclusion(long seq, long treeSize) {
        AuditProofs.Inclusion i = p.audit().inclusion(seq, treeSize);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", i.entry().seq());
        m.put("leafIndex", i.proof().leafIndex());
        m.put("treeSize", i.proof().treeSize());
        m.put("leaf", AuditLeaf.canonicalJson(i.entry()));
        m.put("leafHash", i.leafHash().hex());
        m.put("rootHash", i.root().hex());
        m.put("path", i.proof().path().stream().map(Sha256Hash::hex).toList());
        return MAPPER.valueToTree(m);
      }

      @Override
      public void close() {
        p.close();
      }
    };
  }

  /**
   * A server's HTTP API at {@code base} (e.g. {@code http://127.0.0.1:8080}), with {@code token}
   * as bearer token when not null.
   */
  static AuditSource remote(String base, String token) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    try {
      URI u = URI.create(root);
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--server '" + base + "' is not a server address; expected e.g. http://127.0.0.1:8080");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return new AuditSource() {
      private String get(String pathAndQuery) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (token != null && !token.isBlank()) {
          b.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> r;
        try {
          r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while asking " + root + pathAndQuery, e);
        } catch (IOException e) {
          throw new IOException("cannot reach " + root + pathAndQuery + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        if (r.statusCode() != 200) {
          throw new IOException(root + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
      }

      @Override
      public String checkpointNote() throws IOException {
        return get("/api/audit/checkpoint");
      }

      @Override
      public List<Sha256Hash> consistencyPath(long from, long to) throws IOException {
        JsonNode n = MAPPER.readTree(get("/api/audit/proof/consistency?from=" + from + "&to=" + to));
        List<Sha256Hash> out = new ArrayList<>();
        n.path("path").forEach(h -> out.add(Sha256Hash.fromHex(h.asText())));
        return out;
      }

      @Override
      public JsonNode inclusion(long seq, long treeSize) throws IOException {
        return MAPPER.readTree(
            get("/api/audit/proof/inclusion?seq=" + seq + "&treeSize=" + URLEncoder.encode(Long.toString(treeSize), StandardCharsets.UTF_8)));
      }

      @Override
      public void close() {}
    };
  }
}

package io.citybrain.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §6 checks 6 and 7 with the standalone verifier ({@code tools/verify_audit.py}, Python
 * standard library only, written from the RFCs apart from the server's code) against a live
 * server: it accepts the server's signed checkpoints, consistency proofs between them and
 * inclusion proofs of sampled entries; after someone with database access rewrites an entry (and
 * every hash after it, so the server's own check passes) or cuts entries off the end, it fails
 * against the checkpoint it kept.
 */
class StandaloneVerifierIT {
  @TempDir Path dir;

  record Run(int exitCode, String output) {}

  private static Path script() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path s = d.resolve("tools/verify_audit.py");
      if (Files.isRegularFile(s)) {
        return s;
      }
    }
    throw new AssertionError("tools/verify_audit.py not found above " + Path.of("").toAbsolutePath());
  }

  private Run verifier(String... args) throws IOException, InterruptedException {
    Path python = Prerequisites.executable("CITYBRAIN_PYTHON3", Path.of("/usr/bin/python3"), "Python 3", "python3");
    List<String> cmd = new ArrayList<>(List.of(python.toString(), script().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("verifier finished").isTrue();
    System.err.print(out);
    return new Run(p.exitValue(), out);
  }

  @Test
  void theIndependentVerifierAcceptsTheServersProofsAndCatchesRewritesAndTruncation() throws Exception {
    assertThat(verifier("--self-test").exitCode()).isZero();
    try (TestServer api = new TestServer(PlatformConfig.defaults(dir.resolve("data")))) {
      AuditLog audit = api.server().platform().audit();
      Path key = dir.resolve("audit.vkey");
      Files.writeString(key, api.get("/api/audit/key").body());
      String state = dir.resolve("kept").toString();
      for (int i = 0; i < 300; i++) {
        audit.append(AuditEvent.ofRun("token:alice", "run.start", i, "max-pressure", "1", "seed=" + i + " ü"));
      }

      Run first = verifier("--server", api.base(), "--key", "@" + key, "--state", state, "--sample", "25", "--seed", "1");
      assertThat(first.exitCode()).as(first.output()).isZero();
      assertThat(first.output()).contains("trust on first use").contains("audit log verified");
      long keptSize = audit.treeSize();

      audit.appendAll(List.of(
          AuditEvent.of("token:bob", "token.create", "token/carol", ""), AuditEvent.of("system", "run.finish", "run/3", "")));
      Run second = verifier("--server", api.base(), "--key", "@" + key, "--state", state, "--seq", "1", "--seq", "7");
      assertThat(second.exitCode()).as(second.output()).isZero();
      assertThat(second.output()).contains("consistency: kept checkpoint of " + keptSize + " entries -> " + (keptSize + 2) + " entries verified");

      // rewrite entry 7 and everything after it: the server's own check cannot tell
      var db = api.server().platform().database();
      db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET details = 'seed=999' WHERE seq = 7"));
      AuditTampering.rewriteChainAndTree(db);
      assertThat(audit.verify().intact()).isTrue();
      audit.append(AuditEvent.of("system", "run.finish", "run/4", "")); // and the log goes on
      Run rewritten = verifier("--server", api.base(), "--key", "@" + key, "--state", state);
      assertThat(rewritten.exitCode()).as(rewritten.output()).isEqualTo(3);
      assertThat(rewritten.output()).contains("FAILED").contains("kept root");

      // cut off the newest entries (and their nodes)
      long size = audit.treeSize();
      db.jdbi().useHandle(h -> {
        h.execute("DELETE FROM audit_log WHERE seq > ?", size - 5);
        h.execute("DELETE FROM audit_tree WHERE bin >= ?", 2 * (size - 5) - 1);
        h.execute("DELETE FROM audit_checkpoints");
      });
      Run truncated = verifier("--server", api.base(), "--key", "@" + key, "--state", state);
      assertThat(truncated.exitCode()).as(truncated.output()).isEqualTo(3);
      assertThat(truncated.output()).contains("fewer than the " + (keptSize + 2));

      // a key that is not the log's
      Run wrongKey = verifier("--server", api.base(), "--key", "citybrain.local/audit+00000000+AQ" + "A".repeat(42), "--state", state);
      assertThat(wrongKey.exitCode()).isEqualTo(2);
      assertThat(wrongKey.output()).contains("--key");
    }
  }
}

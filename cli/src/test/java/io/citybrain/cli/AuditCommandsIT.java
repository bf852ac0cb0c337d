package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citybrain audit checkpoint|prove|verify} through the jar on an embedded database: a kept
 * checkpoint verifies and is updated as the log grows, proofs check against it, and an edited entry
 * or a checkpoint signed by another key ends in exit code 3.
 */
class AuditCommandsIT {
  @TempDir Path dir;

  private Result run(String... args) {
    return CitybrainJar.runQuick(dir, args);
  }

  private Result ok(String... args) {
    Result r = run(args);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    return r;
  }

  @Test
  void aKeptCheckpointVerifiesGrowsAndCatchesAnEdit() throws Exception {
    // each token made without roles logs token.create and two access.grant entries
    ok("token", "create", "--name", "alice");
    Result cp = run("audit", "checkpoint", "--out", "kept.checkpoint");
    assertThat(cp.exitCode()).as(cp.describe()).isZero();
    assertThat(cp.stderr()).contains("checkpoint of 3 entries written to kept.checkpoint");
    assertThat(Files.readString(dir.resolve("kept.checkpoint"))).startsWith("citybrain.local/audit\n3\n");
    assertThat(dir.resolve("citybrain-data/audit-signing.key")).exists();

    ok("token", "create", "--name", "bob");
    ok("token", "revoke", "--name", "alice");

    Result ok = run("audit", "verify", "--checkpoint", "kept.checkpoint", "--update");
    assertThat(ok.exitCode()).as(ok.describe()).isZero();
    assertThat(ok.stdout())
        .contains("audit log intact: 7 entries")
        .contains("consistent: the kept checkpoint of 3 entries is a prefix of the log's newest checkpoint of 7 entries")
        .contains("kept checkpoint updated to 7 entries");
    assertThat(Files.readString(dir.resolve("kept.checkpoint"))).startsWith("citybrain.local/audit\n7\n");

    Result prove = run("audit", "prove", "--seq", "4", "--checkpoint", "kept.checkpoint");
    assertThat(prove.exitCode()).as(prove.describe()).isZero();
    assertThat(prove.stdout()).contains("\"leafIndex\" : 3").contains("\"treeSize\" : 7").contains("token/bob");
    assertThat(prove.stderr()).contains("verified against the kept checkpoint");

    // a checkpoint signed by someone else's key: the pinned key is the data folder's
    Result otherKey = CitybrainJar.runQuick(dir, "audit", "checkpoint", "--data-dir", "other", "--out", "foreign.checkpoint");
    assertThat(otherKey.exitCode()).as("no database in 'other' yet: " + otherKey.describe()).isEqualTo(2);
    ok("token", "create", "--name", "x", "--data-dir", "other");
    ok("audit", "checkpoint", "--data-dir", "other", "--out", "foreign.checkpoint");
    Result foreign = run("audit", "verify", "--checkpoint", "foreign.checkpoint");
    assertThat(foreign.exitCode()).as(foreign.describe()).isEqualTo(3);
    assertThat(foreign.stdout()).contains("does not open with key");

    // someone edits who created bob's token
    try (Connection c = DriverManager.getConnection(
            "jdbc:h2:file:" + dir.resolve("citybrain-data/citybrain").toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 4");
    }
    Result broken = run("audit", "verify", "--checkpoint", "kept.checkpoint");
    assertThat(broken.exitCode()).as(broken.describe()).isEqualTo(3);
    assertThat(broken.stdout()).contains("BROKEN at entry 4");
  }

  @Test
  void mistakesInTheOptionsAreUsageErrors() {
    ok("token", "create", "--name", "alice");
    assertThat(run("audit", "prove").assertInvalid().stderr()).contains("exactly one of --seq");
    assertThat(run("audit", "verify", "--update").assertInvalid().stderr()).contains("--update needs --checkpoint");
    assertThat(run("audit", "verify", "--server", "http://127.0.0.1:1").assertInvalid().stderr()).contains("--server needs --checkpoint");
    assertThat(run("audit", "verify", "--checkpoint", "missing.checkpoint").assertInvalid().stderr()).contains("does not exist");
    assertThat(run("audit", "prove", "--seq", "1", "--key", "nonsense").assertInvalid().stderr()).contains("--key");
    assertThat(run("audit", "prove", "--seq", "5").assertInvalid().stderr()).contains("seq");
  }
}

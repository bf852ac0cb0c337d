package io.citybrain.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.governance.checkpoint.Checkpoint;
import io.citybrain.governance.checkpoint.NoteSigner;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGKILL at a random moment while a process appends (single entries and groups, each
 * acknowledged on standard output only after {@link AuditLog#appendAll} returned, i.e. after the
 * commit) loses no acknowledged entry and leaves a log that verifies, against the checkpoint kept
 * before the crash too, and that takes further appends. Three kills at seeded random points; the
 * seeds are printed.
 */
class AuditAppendCrashIT {
  @TempDir Path dir;

  /** The appending process: {@code main(dataDir, keyFile)}; prints {@code acked <seq> <hash>} per committed entry. */
  public static final class Appender {
    public static void main(String[] args) {
      try (Database db = Database.open(DatabaseSettings.embedded(Path.of(args[0])))) {
        AuditLog audit = new AuditLog(db, Clock.systemUTC(), new AuditKeys.Source(Path.of(args[1])));
        System.out.println("ready " + audit.treeSize());
        System.out.flush();
        for (long i = 0; ; i++) {
          int n = (int) (i % 4 == 3 ? 25 : 1); // now and then a group in one transaction
          List<AuditEvent> events = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            events.add(AuditEvent.ofRun("token:crash", "run.start", i, "max-pressure", "1", "k=" + k));
          }
          List<AuditEntry> stored = audit.appendAll(events);
          StringBuilder b = new StringBuilder();
          for (AuditEntry e : stored) {
            b.append("acked ").append(e.seq()).append(' ').append(e.hash()).append('\n');
          }
          System.out.print(b);
          System.out.flush();
        }
      }
    }
  }

  @Test
  void sigkillWhileAppendingLosesNoAcknowledgedEntry() throws Exception {
    Path data = dir.resolve("data");
    Path key = dir.resolve("audit-signing.key");
    NoteSigner signer = AuditKeys.loadOrCreate(key);
    Map<Long, String> acked = new LinkedHashMap<>();
    Checkpoint kept = null;
    long seed = System.nanoTime();
    System.err.println("AuditAppendCrashIT seed " + seed);
    Random rnd = new Random(seed);
    for (int round = 0; round < 3; round++) {
      int killAfter = 200 + rnd.nextInt(800);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
              Appender.class.getName(), data.toString(), key.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      int seen = 0;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("acked ")) {
            String[] f = line.split(" ");
            acked.put(Long.parseLong(f[1]), f[2]);
            if (++seen == killAfter) {
              p.destroyForcibly(); // SIGKILL on Linux: mid-transaction, no shutdown hook
              break;
            }
          }
        }
      }
      p.waitFor();
      assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);

      try (Database db = Database.open(DatabaseSettings.embedded(data))) {
        AuditLog audit = new AuditLog(db, Clock.systemUTC(), () -> signer);
        AuditVerification v = kept == null ? audit.verify() : audit.verify(List.of(kept), List.of(signer.verifier()));
        assertThat(v.intact()).as("round %d: %s", round, v.describe()).isTrue();
        for (Map.Entry<Long, String> e : acked.entrySet()) {
          assertThat(audit.find(e.getKey()))
              .as("acknowledged entry %d", e.getKey())
              .hasValueSatisfying(s -> assertThat(s.hash()).isEqualTo(e.getValue()));
        }
        long last = acked.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(audit.treeSize()).isGreaterThanOrEqualTo(last);
        kept = Checkpoint.open(audit.checkpoint().note(), signer.verifier());
      }
    }
    assertThat(acked).hasSizeGreaterThan(600);
  }
}

package io.citybrain.platform.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.audit.AuditEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several cancels of one run at once: one is applied and audited, the others answer 409, and no
 * run.cancel entry follows the run's run.finish entry.
 */
class ConcurrentCancelTest {
  @TempDir Path dir;

  @Test
  void concurrentCancelsOfOneRunAuditOneCancel() throws Exception {
    try (TestServer api = TestServer.embedded(dir)) {
      long id =
          api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"sotl\",\"steps\":3600,\"paceStepsPerSecond\":20}")
              .json()
              .get("id")
              .asLong();
      api.awaitRun(id, "running", Duration.ofSeconds(60));

      int callers = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.post("/api/runs/" + id + "/cancel", "");
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Answer> a : answers) {
        statuses.add(a.get().status());
      }
      pool.shutdown();
      api.awaitRun(id, "cancelled", Duration.ofSeconds(60));

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(callers - 1);
      List<AuditEntry> entries =
          api.server().platform().audit().list(0, 10_000).stream()
              .filter(e -> e.event().target().equals("run/" + id))
              .toList();
      assertThat(entries).extracting(e -> e.event().action()).containsExactly("run.start", "run.cancel", "run.finish");
      assertThat(api.server().platform().audit().verify().intact()).isTrue();
    }
  }
}

package io.citybrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load benchmark, loopback only and bounded in time: GET /api/runs/{id}/summary at a fixed
 * arrival rate of 1,000 requests/s (open loop: request i is due at t0 + i ms, and its latency
 * is counted from when it was due, so a stalled server cannot hide its queueing). 3 s warm-up,
 * then 10 s measured (10,000 requests). Writes {@code target/load-benchmark.txt}.
 *
 * <p>It asserts only that every request is answered correctly under this load; the latency
 * figures are the result, reported (timing depends on what else the machine runs). An
 * integration test (about 15 s of load). Run it alone with {@code mvn -B -pl platform -am verify
 * -Dtest=none -Dit.test=SummaryLoadBenchmarkIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SummaryLoadBenchmarkIT {
  private static final int RATE_PER_SECOND = 1000;
  private static final int WARMUP_SECONDS = 3;
  private static final int MEASURE_SECONDS = 10;

  @TempDir Path dir;

  @Test
  void summaryLatencyAtOneThousandRequestsPerSecond() throws Exception {
    try (TestServer api = TestServer.embedded(dir)) {
      long id = api.post("/api/runs", "{\"scenario\":\"jinan\",\"controller\":\"max-pressure\",\"steps\":300}").json().get("id").asLong();
      api.awaitRun(id, "succeeded", Duration.ofSeconds(60));
      URI uri = URI.create(api.base() + "/api/runs/" + id + "/summary");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
      try {
        fire(client, uri, WARMUP_SECONDS * RATE_PER_SECOND, null);
        long[] latencyNanos = new long[MEASURE_SECONDS * RATE_PER_SECOND];
        AtomicInteger errors = new AtomicInteger();
        long wall = fire(client, uri, latencyNanos.length, new Sink(latencyNanos, errors));
        Arrays.sort(latencyNanos);
        double achieved = latencyNanos.length / (wall / 1e9);
        String report =
            String.format(
                Locale.ROOT,
                "GET /api/runs/{id}/summary, open loop at %d requests/s, %d requests after %d s warm-up, loopback, embedded H2%n"
                    + "achieved %.0f requests/s, errors %d%n"
                    + "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                RATE_PER_SECOND,
                latencyNanos.length,
                WARMUP_SECONDS,
                achieved,
                errors.get(),
                pct(latencyNanos, 0.50),
                pct(latencyNanos, 0.90),
                pct(latencyNanos, 0.99),
                pct(latencyNanos, 0.999),
                latencyNanos[latencyNanos.length - 1] / 1e6);
        String serverSide =
            api.get("/metrics").body().lines()
                .filter(l -> l.contains("route=\"/api/runs/{id}/summary\"") && (l.contains("quantile") || l.contains("_max")))
                .reduce("", (a, b) -> a + "  " + b + System.lineSeparator());
        report += "server-side (Micrometer, handler only, s):" + System.lineSeparator() + serverSide;
        System.out.print(report);
        Files.writeString(Path.of("target", "load-benchmark.txt"), report);
        // the latency is the benchmark's result, reported above; only correctness is asserted
        assertThat(errors.get()).isZero();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Where measured latencies go. */
  private record Sink(long[] latencyNanos, AtomicInteger errors) {}

  /** Sends {@code n} requests, one due every 1/rate s; returns the wall time until the last answer. */
  private static long fire(HttpClient client, URI uri, int n, Sink sink) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    CompletableFuture<?>[] all = new CompletableFuture<?>[n];
    long interval = TimeUnit.SECONDS.toNanos(1) / RATE_PER_SECOND;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = t0 + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int k = i;
      all[i] =
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .handle(
                  (r, e) -> {
                    if (sink != null) {
                      sink.latencyNanos()[k] = System.nanoTime() - due;
                      if (e != null || r.statusCode() != 200 || !r.body().contains("averageTravelTimeSeconds")) {
                        sink.errors().incrementAndGet();
                      }
                    }
                    return null;
                  });
    }
    CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
    return System.nanoTime() - t0;
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}

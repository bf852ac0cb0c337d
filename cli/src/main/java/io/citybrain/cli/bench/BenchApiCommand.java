package io.citybrain.cli.bench;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.cli.Tables;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.PlatformServer;
import io.citybrain.platform.runs.RunRequest;
import io.citybrain.platform.storage.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain bench api}: latency of the operations centre's read API under a fixed arrival
 * rate, against the target of issue 15 (p99 under 50 ms at 1,000 requests/s on the run list and
 * on a run summary). It starts a server in this process on a fresh embedded database in a
 * temporary folder, on loopback, with one finished run and a token, then sends requests open loop:
 * request i is due at t0 + i/rate and its latency counts from when it was due, so a stalled server
 * cannot hide its queue. Load generator and server share the machine; the machine's load average
 * is printed with the figures, which depend on it.
 */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the operations centre's read API at a fixed request rate (open loop, loopback, embedded database):",
      "GET /api/runs and GET /api/runs/{id}/summary; p50/p90/p99/max against the target p99 < 50 ms."
    },
    footer = {"", "Examples:", "  citybrain bench api", "  citybrain bench api --rate 500 --seconds 5"})
public final class BenchApiCommand implements Callable<Integer> {
  /** Issue 15's target for the 99th percentile, ms. */
  static final double TARGET_P99_MS = 50;

  @Spec CommandSpec spec;

  @Option(names = "--rate", defaultValue = "1000", paramLabel = "N", description = "Requests per second, per endpoint (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--seconds", defaultValue = "10", paramLabel = "S", description = "Measured seconds per endpoint (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "3", paramLabel = "S", description = "Warm-up seconds per endpoint, not measured (default: ${DEFAULT-VALUE}).")
  int warmup;

  /** One endpoint's figures. */
  record Figures(String endpoint, int requests, double achievedPerSecond, int errors, double p50, double p90, double p99, double max) {}

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || rate > 20_000) {
      throw new UsageException("--rate must be in [1, 20000], got " + rate);
    }
    if (seconds < 1 || seconds > 600 || warmup < 0 || warmup > 600) {
      throw new UsageException("--seconds must be in [1, 600] and --warmup in [0, 600]");
    }
    Path dir = Files.createTempDirectory("citybrain-bench-api");
    List<Figures> results = new ArrayList<>();
    try {
      PlatformConfig cfg = PlatformConfig.defaults(dir).withPort(0);
      PlatformServer server = PlatformServer.start(cfg);
      try {
        String token = server.platform().tokens().create("bench", "cli:bench");
        long id = server.platform().runs().start(RunRequest.of("jinan", "max-pressure").withSteps(300), "cli:bench").id();
        awaitSucceeded(server, id);
        String base = "http://127.0.0.1:" + server.port();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
        try {
          results.add(measure(client, token, base, "/api/runs", "\"runs\""));
          results.add(measure(client, token, base, "/api/runs/" + id + "/summary", "averageTravelTimeSeconds"));
        } finally {
          pool.shutdownNow();
        }
      } finally {
        server.close();
      }
    } finally {
      deleteTree(dir);
    }
    PrintWriter o = spec.commandLine().getOut();
    List<String[]> rows = new ArrayList<>();
    for (Figures f : results) {
      rows.add(
          new String[] {
            "GET " + f.endpoint(), Integer.toString(f.requests()), Tables.num(f.achievedPerSecond(), 0), Integer.toString(f.errors()),
            Tables.num(f.p50(), 2), Tables.num(f.p90(), 2), Tables.num(f.p99(), 2), Tables.num(f.max(), 1),
            f.p99() < TARGET_P99_MS && f.errors() == 0 ? "met" : "missed"
          });
    }
    o.printf(Locale.ROOT, "open loop at %d requests/s per endpoint, %d s measured after %d s warm-up, loopback, embedded H2%n", rate, seconds, warmup);
    o.println(
        Tables.render(List.of("endpoint", "requests", "achieved/s", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "p99 < 50 ms"), rows));
    o.printf(
        Locale.ROOT,
        "machine load (1-minute average) at the end: %.2f on %d cores (generator and server on this machine)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    o.flush();
    return 0;
  }

  private static void awaitSucceeded(PlatformServer server, long id) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < end) {
      var r = server.platform().runStore().find(id).orElseThrow();
      if (r.status() == RunStatus.SUCCEEDED) {
        return;
      }
      if (r.status().terminal()) {
        throw new IllegalStateException("the benchmark's run ended " + r.statusText());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the benchmark's run did not finish within 300 s");
  }

  private Figures measure(HttpClient client, String token, String base, String path, String expect) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
    fire(client, request, warmup * rate, null, expect);
    long[] latency = new long[seconds * rate];
    AtomicInteger errors = new AtomicInteger();
    long wall = fire(client, request, latency.length, new Sink(latency, errors), expect);
    Arrays.sort(latency);
    return new Figures(
        path.replaceAll("/\\d+/", "/{id}/"), latency.length, latency.length / (wall / 1e9), errors.get(), pct(latency, 0.50),
        pct(latency, 0.90), pct(latency, 0.99), latency[latency.length - 1] / 1e6);
  }

  private record Sink(long[] latencyNanos, AtomicInteger errors) {}

  /** Sends {@code n} requests, one due every 1/rate s; returns the wall time until the last answer. */
  private long fire(HttpClient client, HttpRequest request, int n, Sink sink, String expect) throws Exception {
    CompletableFuture<?>[] all = new CompletableFuture<?>[n];
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
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
                      if (e != null || r.statusCode() != 200 || !r.body().contains(expect)) {
                        sink.errors().incrementAndGet();
                      }
                    }
                    return null;
                  });
    }
    if (n > 0) {
      CompletableFuture.allOf(all).get(120, TimeUnit.SECONDS);
    }
    return System.nanoTime() - t0;
  }

  private static double pct(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

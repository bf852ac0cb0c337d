package io.citybrain.cli.live;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.live.centre.LiveCentre;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.ingest.Reconciliation;
import io.citybrain.live.transport.mqtt.EmbeddedMqttBroker;
import io.citybrain.live.transport.mqtt.MqttCentreLink;
import io.citybrain.live.transport.mqtt.MqttSession;
import io.citybrain.live.transport.mqtt.MqttTopics;
import io.citybrain.platform.live.JdbcObservationStore;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain bench live}: sustained MQTT ingestion into one process. Publishers on loopback
 * send detector reports (1-minute observations, {@code --lanes} per report) at a fixed rate to the
 * embedded MQTT 5 broker at QoS 1; the centre validates, stores in embedded H2 (or the given
 * database) and aggregates, acknowledging after each commit. Prints published, received, stored
 * and aggregated counts (they must be equal), the rates, and the machine load (the anchor: Orion-LD
 * ≈ 1,800 entity updates/s on one broker CPU plus an 8-CPU MongoDB, FIWARE load tests).
 */
@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    description = {"Sustained MQTT ingestion: observations/s published, stored and aggregated, reconciled."},
    footer = {"", "Examples:", "  citybrain bench live --rate 10000 --seconds 600     the issue's 10 minutes at 10,000 observations/s"})
public final class BenchLiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--rate", defaultValue = "10000", paramLabel = "OBS/S", description = "Observations per second offered (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--seconds", defaultValue = "600", paramLabel = "S", description = "How long to publish (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--lanes", defaultValue = "20", paramLabel = "N", description = "Observations per report (lanes per station; default: ${DEFAULT-VALUE}).")
  int lanes;

  @Option(names = "--publishers", defaultValue = "2", paramLabel = "N", description = "Publishing MQTT clients (default: ${DEFAULT-VALUE}).")
  int publishers;

  @Option(names = "--db", paramLabel = "URL", description = "JDBC URL of the history database (default: embedded H2 in a temporary folder).")
  String db;

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || seconds < 1 || lanes < 1 || lanes > 512 || publishers < 1) {
      throw new UsageException("--rate, --seconds, --publishers must be >= 1 and --lanes in [1, 512]");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("citybrain-bench-live");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    out.printf(Locale.ROOT, "citybrain live ingestion benchmark: %,d observations/s offered for %d s (%d per report, %d publishers),"
        + " QoS 1, embedded MQTT 5 broker, history in %s; %d cores, load average %.1f at start%n", rate, seconds, lanes, publishers,
        db == null ? "embedded H2" : db, Runtime.getRuntime().availableProcessors(), loadBefore);
    out.flush();
    try (Database database = Database.open(db == null ? DatabaseSettings.embedded(dir) : DatabaseSettings.of(db));
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(freePort(), dir.resolve("mqtt"), 1000)) {
      JdbcObservationStore store = new JdbcObservationStore(database);
      long before = store.observationCount();
      try (LiveCentre centre = new LiveCentre(store, LiveCentre.DEFAULT_WINDOW_SECONDS, HealthLimits.DEFAULTS, 1 << 15);
          MqttCentreLink link = new MqttCentreLink(broker.endpoint(), "bench-centre", centre.pipeline(), centre.codec(), 1000)) {
        MessageCodec codec = new MessageCodec();
        double reportsPerSecond = (double) rate / lanes;
        long totalReports = Math.round(reportsPerSecond * seconds);
        AtomicLong published = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<MqttSession> sessions = new ArrayList<>();
        long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long t0 = System.nanoTime();
        for (int p = 0; p < publishers; p++) {
          MqttSession s = new MqttSession(broker.endpoint(), "bench-publisher-" + p, 1000, null);
          sessions.add(s);
          final int me = p;
          Thread t = new Thread(() -> {
            // report r goes to station r % stations; each station's k-th report covers minute k
            int stations = (int) Math.max(1, Math.ceil(reportsPerSecond * 60));
            for (long r = me; r < totalReports; r += publishers) {
              long due = t0 + (long) (r / reportsPerSecond * 1e9);
              long wait = due - System.nanoTime();
              if (wait > 0) {
                LockSupport.parkNanos(wait);
              }
              int station = (int) (r % stations);
              long minute = r / stations;
              List<DetectorObservation> obs = new ArrayList<>(lanes);
              Instant start = Instant.ofEpochMilli(base + minute * 60_000);
              Instant end = start.plusSeconds(60);
              for (int l = 0; l < lanes; l++) {
                obs.add(new DetectorObservation("s" + station + "-d" + l, "road_" + station + "_" + l, start, end, (int) ((r + l) % 30),
                    ((r + l) % 100) / 100.0, 5 + (l % 10), 3, 1, null, null));
              }
              s.publish(MqttTopics.detectors("s" + station), codec.encode(new DetectorReport("s" + station, minute, obs)));
              published.addAndGet(lanes);
            }
          }, "bench-publisher-" + p);
          threads.add(t);
          t.start();
        }
        int every = Math.max(10, seconds / 10);
        for (int k = every; k < seconds; k += every) {
          Thread.sleep(Math.max(0, t0 / 1_000_000 + k * 1000L - System.nanoTime() / 1_000_000));
          Reconciliation r = centre.pipeline().reconciliation();
          out.printf(Locale.ROOT, "  t=%4d s  published %,d  stored %,d  queue %d  load %.1f%n", k, published.get(), r.observationsStored(),
              r.queueDepth(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          out.flush();
        }
        for (Thread t : threads) {
          t.join();
        }
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        sessions.forEach(s -> s.flush(Duration.ofMinutes(5)));
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (centre.pipeline().reconciliation().observationsStored() < published.get() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        centre.pipeline().awaitDrained(Duration.ofMinutes(5));
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        Reconciliation r = centre.pipeline().reconciliation();
        long inDb = store.observationCount() - before;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "published %,d observations in %.1f s (%,.0f/s offered, %,.0f/s achieved by the publishers)%n",
            published.get(), publishSeconds, (double) rate, published.get() / publishSeconds);
        out.printf(Locale.ROOT, "received %,d  stored %,d (in the database %,d)  aggregated %,d  refused %d  repeats %d  late %d%n",
            r.observationsReceived(), r.observationsStored(), inDb, r.observationsAggregated(), r.observationsRefused(),
            r.observationsRepeated(), r.observationsLate());
        out.printf(Locale.ROOT, "stored throughput %,.0f observations/s over %.1f s (last one stored %.1f s after the last publish);"
            + " back-pressure waits %d%n", r.observationsStored() / allSeconds, allSeconds, allSeconds - publishSeconds, r.backPressureWaits());
        boolean exact = published.get() == r.observationsReceived() && published.get() == r.observationsStored()
            && published.get() == r.observationsAggregated() && inDb == published.get();
        out.printf(Locale.ROOT, "published = received = stored = aggregated: %s; ratio to Orion-LD's ~1,800 updates/s (1+8 CPUs): %.1fx;"
            + " load average %.1f at start, %.1f at end (the machine is shared: figures are under that load)%n",
            exact ? "yes" : "NO", r.observationsStored() / allSeconds / 1800.0, loadBefore, loadAfter);
        sessions.forEach(MqttSession::close);
        return exact ? 0 : 1;
      }
    } finally {
      deleteQuietly(dir);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}

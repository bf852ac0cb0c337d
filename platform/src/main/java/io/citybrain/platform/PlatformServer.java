package io.citybrain.platform;

import io.citybrain.platform.http.HttpApi;
import io.citybrain.platform.runs.RunRequest;
import io.citybrain.platform.storage.RunRecord;
import io.citybrain.platform.storage.ServerLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running operations centre: the platform's services plus the HTTP server. Starting it
 * migrates the database, marks runs interrupted by a previous crash as {@code failed
 * (interrupted)}, then serves; with {@code demo}, it starts a paced max-pressure run on Jinan's
 * real flow so the dashboard opens on a live city, and starts the next one when it ends (checked
 * every {@value #DEMO_CHECK_SECONDS} s) until the server stops.
 */
public final class PlatformServer implements AutoCloseable {
  /** The demo run: Jinan, real flow, one hour, ten simulated seconds per wall second. */
  public static final RunRequest DEMO_RUN =
      RunRequest.of("jinan", "max-pressure").withSteps(3600).withPace(10).withReplay(true);

  /** How often the demo loop checks whether its run has ended, s. */
  static final int DEMO_CHECK_SECONDS = 2;

  private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);

  private final java.util.concurrent.ScheduledExecutorService demoLoop;
  private volatile RunRecord currentDemo;

  private final Platform platform;
  private final HttpApi http;
  private final ServerLock lock;
  private final List<Long> interrupted;
  private final Optional<RunRecord> demoRun;
  private final io.citybrain.platform.live.LiveService liveService;

  private PlatformServer(
      Platform platform, HttpApi http, ServerLock lock, List<Long> interrupted, Optional<RunRecord> demoRun,
      io.citybrain.platform.live.LiveService liveService) {
    this.liveService = liveService;
    this.platform = platform;
    this.http = http;
    this.lock = lock;
    this.interrupted = interrupted;
    this.demoRun = demoRun;
    this.currentDemo = demoRun.orElse(null);
    if (demoRun.isPresent()) {
      demoLoop =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "demo-loop");
                t.setDaemon(true);
                return t;
              });
      demoLoop.scheduleWithFixedDelay(this::restartDemoWhenEnded, DEMO_CHECK_SECONDS, DEMO_CHECK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } else {
      demoLoop = null;
    }
  }

  /** Starts the next demo run once the current one has ended, so the dashboard stays live. */
  private void restartDemoWhenEnded() {
    try {
      RunRecord now = platform.runStore().find(currentDemo.id()).orElse(null);
      if (now != null && !now.status().terminal()) {
        return;
      }
      currentDemo = platform.runs().start(DEMO_RUN, "system:demo");
      LOG.info("demo run {} started on Jinan (the previous one ended)", currentDemo.id());
    } catch (RuntimeException e) {
      // the server is stopping (new runs refused) or the queue is full: try again at the next check
      LOG.debug("demo run not restarted: {}", e.toString());
    }
  }

  /** The demo run now live (the first one, or the one started after it ended). */
  public Optional<RunRecord> currentDemoRun() {
    return Optional.ofNullable(currentDemo);
  }

  /**
   * Starts a server.
   *
   * @throws io.citybrain.platform.storage.StorageException when the database cannot be opened
   */
  public static PlatformServer start(PlatformConfig config) {
    return start(config, Optional.empty());
  }

  /**
   * Starts a server, with live operations (MQTT ingestion, history, the deployed controller,
   * NGSI-LD) when {@code live} is given.
   */
  public static PlatformServer start(PlatformConfig config, Optional<io.citybrain.platform.live.LiveOptions> live) {
    // replays (and the embedded database) live there, also with PostgreSQL
    io.citybrain.platform.storage.OwnerOnly.restrictFolder(config.dataDir());
    Platform platform = Platform.open(config, Clock.systemUTC());
    ServerLock lock = null;
    io.citybrain.platform.live.LiveService liveService = null;
    try {
      // before recovery, which would mark a running server's runs interrupted
      lock = ServerLock.acquire(platform.database(), config.dataDir());
      List<Long> interrupted = platform.runs().recoverInterrupted();
      // creates the signing key on first start, and gives verifiers a signed head from the outset
      var head = platform.audit().checkpoint();
      LOG.info("audit log: {} entries, checkpoint signed by {}", head.treeSize(), head.verifierKey());
      if (live.isPresent()) {
        liveService = io.citybrain.platform.live.LiveService.start(live.get(), platform.database(), config.dataDir());
      }
      io.citybrain.platform.live.LiveService service = liveService;
      HttpApi http = service == null
          ? HttpApi.start(platform, config)
          : HttpApi.start(platform, config, service);
      Optional<RunRecord> demo = Optional.empty();
      if (config.demo()) {
        demo = Optional.of(platform.runs().start(DEMO_RUN, "system:demo"));
        LOG.info("demo run {} started on Jinan", demo.get().id());
      }
      return new PlatformServer(platform, http, lock, interrupted, demo, liveService);
    } catch (RuntimeException e) {
      if (liveService != null) {
        liveService.close();
      }
      if (lock != null) {
        lock.close();
      }
      platform.close();
      throw e;
    }
  }

  /**
   * Serves until Ctrl-C or SIGTERM, then stops ({@link #close()}) before the JVM's shutdown hooks
   * run (see {@link StopSignals}) and returns.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void serveUntilStopped() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    StopSignals.install(
        () -> {
          close();
          stopped.countDown();
        });
    stopped.await();
  }

  /** The port being served. */
  public int port() {
    return http.port();
  }

  /** Live operations, when started with them. */
  public Optional<io.citybrain.platform.live.LiveService> live() {
    return Optional.ofNullable(liveService);
  }

  /** The services. */
  public Platform platform() {
    return platform;
  }

  /** The HTTP server. */
  public HttpApi http() {
    return http;
  }

  /** Runs found interrupted at start-up and marked failed. */
  public List<Long> interruptedAtStart() {
    return interrupted;
  }

  /** The demo run, when started with {@code demo}. */
  public Optional<RunRecord> demoRun() {
    return demoRun;
  }

  /**
   * Lets state-changing requests in progress answer (new ones get 503), stops running runs
   * (stored as interrupted, their live streams sent their {@code end} event), then stops serving,
   * then closes the database. In that order: an upload during a shutdown was stored while its
   * client got no answer, and a stream's last event written after Jetty stopped went to a
   * recycled response and flooded the log with Javalin's errors.
   */
  @Override
  public void close() {
    if (demoLoop != null) {
      demoLoop.shutdownNow();
    }
    if (!http.drainWrites(Duration.ofSeconds(10))) {
      LOG.warn("requests still in progress after 10 s; stopping anyway");
    }
    platform.runs().close();
    http.close();
    if (liveService != null) {
      liveService.close(); // after HTTP, before the database: the pipeline drains into it
    }
    try {
      lock.close(); // first: on PostgreSQL it holds a connection of the pool closed next
    } finally {
      platform.close();
    }
  }
}

package io.citybrain.cli.platform;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.PlatformServer;
import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain serve}: the operations centre (HTTP API and dashboard). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the operations centre: the HTTP API, the live dashboard, run storage and the audit log.",
      "Runs until stopped (Ctrl-C); runs still going then are stored as failed (interrupted)."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain serve --demo                       open http://127.0.0.1:8080/ on Jinan running live",
      "  citybrain serve --live jinan                 live operations; then: citybrain field --city jinan",
      "  citybrain serve --port 9000 --db jdbc:postgresql://127.0.0.1:5432/citybrain?user=citybrain",
      "  citybrain token create --name alice          a token to start runs from the dashboard or the API",
      "",
      "API description: http://127.0.0.1:8080/openapi.json; metrics: /metrics (Prometheus)."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}). Callers not on loopback need a token even to read.")
  String host;

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      description = {
        "A host name clients use to reach the server (repeatable). Requests must name an IP address, localhost or one",
        "of these in their Host header: a page whose name was re-pointed at this server (DNS rebinding) is refused."
      })
  java.util.List<String> allowedHosts = new java.util.ArrayList<>();

  @Option(
      names = "--share-embedded-db",
      description = {
        "Let the token and audit commands of this user reach the embedded database while the server runs, through",
        "a port on 127.0.0.1 whose key is in the owner-only data folder (default: off, no database listener)."
      })
  boolean shareEmbeddedDb;

  @Option(names = "--demo", description = "Start a paced max-pressure run on Jinan's real flow at start-up.")
  boolean demo;

  @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "Runs executed at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--queue",
      defaultValue = "16",
      paramLabel = "N",
      description = "Runs that may wait beyond those; more are refused with 429 (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(
      names = "--max-upload-mb",
      defaultValue = "32",
      paramLabel = "MB",
      description = "Largest request body, MiB; larger uploads are refused with 413 (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(
      names = "--max-vehicles-per-run",
      defaultValue = "2000000",
      paramLabel = "N",
      description = {
        "Largest number of vehicles a run's flow may create within its steps; larger runs are refused with 422",
        "(default: ${DEFAULT-VALUE}; each vehicle holds about 130 bytes while it exists)."
      })
  long maxVehiclesPerRun;

  @Option(
      names = "--live",
      paramLabel = "CITY",
      description = {
        "Live operations: an MQTT 5 broker on 127.0.0.1 (--mqtt-port), ingestion with history, NGSI-LD at /ngsi-ld/v1/,",
        "and --live-controller deployed on CITY's junctions when a field announces itself (citybrain field --city CITY)."
      })
  String live;

  @Option(names = "--live-controller", defaultValue = "max-pressure", paramLabel = "NAME",
      description = "Controller deployed by --live (default: ${DEFAULT-VALUE}).")
  String liveController;

  @Option(names = "--actuation", defaultValue = "actuating", paramLabel = "MODE",
      description = "shadow (decide only), advisory (publish advice) or actuating (command the field) (default: ${DEFAULT-VALUE}).")
  String actuation;

  @Option(names = "--mqtt-port", defaultValue = "1883", paramLabel = "PORT",
      description = "Port of the embedded MQTT broker (default: ${DEFAULT-VALUE}).")
  int mqttPort;

  @Option(names = "--mqtt-broker", paramLabel = "URL",
      description = "Use this MQTT broker (e.g. tcp://127.0.0.1:1883, a Mosquitto) instead of the embedded one.")
  String mqttBroker;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = {"With --live, also ingest from this Kafka cluster: topics citybrain.detector-reports,",
        "citybrain.meter-readings and citybrain.signal-states (consumer group citybrain-centre)."})
  String kafka;

  @Option(names = "--retention-days", defaultValue = "30", paramLabel = "DAYS",
      description = "Live history older than this is deleted (default: ${DEFAULT-VALUE}).")
  int retentionDays;

  private java.util.Optional<io.citybrain.platform.live.LiveOptions> liveOptions() {
    if (live == null) {
      if (kafka != null) {
        throw new UsageException("--kafka needs --live CITY");
      }
      return java.util.Optional.empty();
    }
    try {
      io.citybrain.traffic.io.BundledCity.require(live);
      io.citybrain.traffic.control.SignalControllers.require(liveController);
      return java.util.Optional.of(new io.citybrain.platform.live.LiveOptions(
          java.util.Optional.of(live), liveController, io.citybrain.live.control.ActuationMode.parse(actuation), mqttPort,
          java.util.Optional.ofNullable(mqttBroker).map(io.citybrain.live.transport.mqtt.MqttEndpoint::parse), retentionDays,
          java.util.Optional.ofNullable(kafka)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Largest --max-upload-mb: Jetty holds an upload in memory, and Java arrays end below 2 GiB. */
  static final long MAX_UPLOAD_MB = 1024;

  @Override
  public Integer call() throws InterruptedException {
    if (maxUploadMb < 1 || maxUploadMb > MAX_UPLOAD_MB) {
      throw new UsageException("--max-upload-mb must be in [1, " + MAX_UPLOAD_MB + "], got " + maxUploadMb);
    }
    if (maxVehiclesPerRun < 1 || maxVehiclesPerRun > PlatformConfig.MAX_VEHICLES_PER_RUN_LIMIT) {
      throw new UsageException(
          "--max-vehicles-per-run must be in [1, " + PlatformConfig.MAX_VEHICLES_PER_RUN_LIMIT + "], got " + maxVehiclesPerRun);
    }
    if (shareEmbeddedDb && database.url != null) {
      throw new UsageException("--share-embedded-db is for the embedded database; with --db other processes connect to it");
    }
    PlatformConfig cfg =
        new PlatformConfig(
            host, port, database.dataDir(),
            shareEmbeddedDb ? io.citybrain.platform.storage.DatabaseSettings.shared(database.dataDir()) : database.settings(), workers, queue, maxUploadMb * 1024 * 1024,
            maxVehiclesPerRun, demo, allowedHosts);
    PlatformServer server;
    try {
      server = PlatformServer.start(cfg, liveOptions());
    } catch (JavalinBindException e) {
      // Javalin says "Port already in use" for every failure to bind, even an unknown address
      throw new UsageException("cannot listen on " + host + " port " + port + ": " + bindFailure(e));
    }
    PrintWriter out = spec.commandLine().getOut();
    String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
    out.println("citybrain operations centre at " + url + "  (API: " + url + "openapi.json)");
    out.println("storage: " + server.platform().database().kind().name().toLowerCase(java.util.Locale.ROOT)
        + (database.url == null ? " in " + database.dataDir().toAbsolutePath().normalize() : ""));
    if (!server.interruptedAtStart().isEmpty()) {
      out.println("runs interrupted by the last shutdown, now failed (interrupted): " + server.interruptedAtStart());
    }
    server.demoRun().ifPresent(r -> out.println("demo: run " + r.id() + " (max-pressure on Jinan) is live on the dashboard"));
    server.live().ifPresent(l -> out.println("live: MQTT broker " + l.endpoint() + ", " + l.options().controller() + " ("
        + l.options().actuation().name().toLowerCase(java.util.Locale.ROOT) + ") on " + l.options().city().orElse("-")
        + " once a field starts (citybrain field --city " + l.options().city().orElse("CITY") + "); NGSI-LD at " + url + "ngsi-ld/v1/"
        + l.options().kafkaBootstrap().map(b -> "; also ingesting from Kafka at " + b).orElse("")));
    out.println("state-changing requests need a token: citybrain token create --name NAME"
        + (database.url == null && !shareEmbeddedDb
            ? " (while the server is stopped, or start it with --share-embedded-db)"
            : ""));
    out.println("press Ctrl-C to stop");
    out.flush();
    server.serveUntilStopped();
    return ExitCode.OK.code();
  }

  private static String bindFailure(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof java.nio.channels.UnresolvedAddressException) {
      return "--host is not a known address";
    }
    if (root instanceof java.net.BindException && "Address already in use".equals(root.getMessage())) {
      return "the port is in use by another process; choose another --port (0: any free port)";
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}

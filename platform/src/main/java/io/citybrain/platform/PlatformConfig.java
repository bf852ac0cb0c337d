package io.citybrain.platform;

import io.citybrain.platform.storage.DatabaseSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one platform server.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>rule</th></tr>
 *   <tr><td>host</td><td>127.0.0.1</td><td>address to listen on; read-only endpoints are open only to loopback callers</td></tr>
 *   <tr><td>port</td><td>8080</td><td>0–65535; 0 picks a free port</td></tr>
 *   <tr><td>dataDir</td><td>./citybrain-data</td><td>embedded database and replay files</td></tr>
 *   <tr><td>database</td><td>H2 file in dataDir</td><td>or a PostgreSQL JDBC URL</td></tr>
 *   <tr><td>workers</td><td>2</td><td>runs executed at once, 1–64</td></tr>
 *   <tr><td>queueCapacity</td><td>16</td><td>runs waiting beyond those, 0–10 000; more answer 429</td></tr>
 *   <tr><td>maxUploadBytes</td><td>32 MiB</td><td>largest request body (uploads), bytes; more answer 413</td></tr>
 *   <tr><td>maxVehiclesPerRun</td><td>2 000 000</td><td>1–1 000 000 000; a run whose flow would create more
 *     vehicles within its steps answers 422 (each vehicle holds about 130 bytes while it exists)</td></tr>
 *   <tr><td>demo</td><td>false</td><td>start a paced run on Jinan at start-up</td></tr>
 * </table>
 *
 * @param host listen address
 * @param port listen port (0: any free port)
 * @param dataDir folder for the embedded database and replays
 * @param database where runs, scenarios, tokens and the audit log are stored
 * @param workers worker threads for runs
 * @param queueCapacity queued runs allowed beyond the running ones
 * @param maxUploadBytes request size limit, bytes
 * @param maxVehiclesPerRun largest number of vehicles a run's flow may create within its steps
 * @param demo whether to start the demo run
 * @param allowedHosts host names (besides IP literals and {@code localhost}) that requests may
 *     carry in their {@code Host} header: the names operators reach the server by. Any other name
 *     is refused, against DNS rebinding (a hostile page whose name resolves to 127.0.0.1)
 */
public record PlatformConfig(
    String host,
    int port,
    Path dataDir,
    DatabaseSettings database,
    int workers,
    int queueCapacity,
    long maxUploadBytes,
    long maxVehiclesPerRun,
    boolean demo,
    java.util.List<String> allowedHosts) {

  /** Default request size limit: 32 MiB, several times the largest bundled roadnet plus flow. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

  /**
   * Default vehicle limit per run: 2 million, about 27 times the 75,000 vehicles of the largest
   * bundled hour (Nanchang), and about 260 MB of vehicle state if all existed at once.
   */
  public static final long DEFAULT_MAX_VEHICLES_PER_RUN = 2_000_000;

  /** Largest accepted vehicle limit per run. */
  public static final long MAX_VEHICLES_PER_RUN_LIMIT = 1_000_000_000;

  public PlatformConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(database, "database");
    allowedHosts = java.util.List.copyOf(allowedHosts);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers must be in [1, 64], got " + workers);
    }
    if (queueCapacity < 0 || queueCapacity > 10_000) {
      throw new IllegalArgumentException("queueCapacity must be in [0, 10000], got " + queueCapacity);
    }
    if (maxUploadBytes < 1024) {
      throw new IllegalArgumentException("maxUploadBytes must be >= 1024, got " + maxUploadBytes);
    }
    if (maxVehiclesPerRun < 1 || maxVehiclesPerRun > MAX_VEHICLES_PER_RUN_LIMIT) {
      throw new IllegalArgumentException(
          "maxVehiclesPerRun must be in [1, " + MAX_VEHICLES_PER_RUN_LIMIT + "], got " + maxVehiclesPerRun);
    }
  }

  /** Settings without extra host names (only IP literals and {@code localhost} in {@code Host}). */
  public PlatformConfig(
      String host, int port, Path dataDir, DatabaseSettings database, int workers, int queueCapacity, long maxUploadBytes,
      long maxVehiclesPerRun, boolean demo) {
    this(host, port, dataDir, database, workers, queueCapacity, maxUploadBytes, maxVehiclesPerRun, demo, java.util.List.of());
  }

  /** A copy accepting these host names in {@code Host} as well. */
  public PlatformConfig withAllowedHosts(java.util.List<String> names) {
    return new PlatformConfig(host, port, dataDir, database, workers, queueCapacity, maxUploadBytes, maxVehiclesPerRun, demo, names);
  }

  /** Defaults with the embedded database in {@code dataDir}. */
  public static PlatformConfig defaults(Path dataDir) {
    return new PlatformConfig(
        "127.0.0.1", 8080, dataDir, DatabaseSettings.embedded(dataDir), 2, 16, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_VEHICLES_PER_RUN, false, java.util.List.of());
  }

  /** A copy listening on {@code newPort}. */
  public PlatformConfig withPort(int newPort) {
    return new PlatformConfig(host, newPort, dataDir, database, workers, queueCapacity, maxUploadBytes, maxVehiclesPerRun, demo, allowedHosts);
  }

  /** A copy using {@code newDatabase}. */
  public PlatformConfig withDatabase(DatabaseSettings newDatabase) {
    return new PlatformConfig(host, port, dataDir, newDatabase, workers, queueCapacity, maxUploadBytes, maxVehiclesPerRun, demo, allowedHosts);
  }

  /** A copy with other run limits. */
  public PlatformConfig withRunLimits(int newWorkers, int newQueueCapacity) {
    return new PlatformConfig(host, port, dataDir, database, newWorkers, newQueueCapacity, maxUploadBytes, maxVehiclesPerRun, demo, allowedHosts);
  }

  /** A copy with another upload limit. */
  public PlatformConfig withMaxUploadBytes(long bytes) {
    return new PlatformConfig(host, port, dataDir, database, workers, queueCapacity, bytes, maxVehiclesPerRun, demo, allowedHosts);
  }

  /** A copy with another vehicle limit per run. */
  public PlatformConfig withMaxVehiclesPerRun(long vehicles) {
    return new PlatformConfig(host, port, dataDir, database, workers, queueCapacity, maxUploadBytes, vehicles, demo, allowedHosts);
  }

  /** A copy with the demo run on or off. */
  public PlatformConfig withDemo(boolean on) {
    return new PlatformConfig(host, port, dataDir, database, workers, queueCapacity, maxUploadBytes, maxVehiclesPerRun, on, allowedHosts);
  }

  /** A copy listening on {@code newHost}. */
  public PlatformConfig withHost(String newHost) {
    return new PlatformConfig(newHost, port, dataDir, database, workers, queueCapacity, maxUploadBytes, maxVehiclesPerRun, demo, allowedHosts);
  }
}

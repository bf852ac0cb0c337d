package io.citybrain.platform;

import io.citybrain.platform.access.AccessService;
import io.citybrain.platform.access.JdbcJurisdictions;
import io.citybrain.platform.audit.AuditKeys;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.auth.TokenService;
import io.citybrain.platform.gov.GovRegistry;
import io.citybrain.platform.metrics.PlatformMetrics;
import io.citybrain.platform.runs.ReplayStore;
import io.citybrain.platform.grid.GridCases;
import io.citybrain.platform.runs.RunManager;
import io.citybrain.platform.scenarios.ScenarioCatalog;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseSettings;
import io.citybrain.platform.storage.RunStore;
import io.citybrain.platform.storage.ScenarioStore;
import java.time.Clock;

/**
 * The platform's services without HTTP: database, audit log, tokens, scenarios and runs, wired
 * together. The HTTP API ({@link io.citybrain.platform.http.HttpApi}) and the command line use it.
 */
public final class Platform implements AutoCloseable {
  private final Database database;
  private final AuditLog audit;
  private final TokenService tokens;
  private final AccessService access;
  private final RunStore runStore;
  private final ScenarioCatalog scenarios;
  private final ReplayStore replays;
  private final PlatformMetrics metrics;
  private final RunManager runs;
  private final GridCases gridCases;
  private final GovRegistry governance;
  private final io.citybrain.platform.alarms.AlarmService alarms;

  private Platform(PlatformConfig config, Database database, Clock clock) {
    this.database = database;
    this.audit = new AuditLog(database, clock, new AuditKeys.Source(AuditKeys.keyFile(config.dataDir())));
    this.tokens = new TokenService(database, audit, clock);
    this.access = new AccessService(database, audit, clock, new JdbcJurisdictions(database));
    this.runStore = new RunStore(database);
    this.scenarios = new ScenarioCatalog(new ScenarioStore(database), audit, clock);
    this.replays = new ReplayStore(config.dataDir().resolve("replays"));
    this.metrics = new PlatformMetrics();
    this.gridCases = new GridCases();
    this.governance = new GovRegistry(database, audit, clock);
    this.alarms = new io.citybrain.platform.alarms.AlarmService(database, audit, clock);
    this.runs =
        new RunManager(runStore, audit, scenarios, replays, metrics, config.workers(), config.queueCapacity(),
            config.maxVehiclesPerRun(), gridCases, clock);
  }

  /**
   * Opens the database (migrating it) and wires the services. Does not recover interrupted runs:
   * the server does that ({@link RunManager#recoverInterrupted()}) before it serves.
   *
   * @throws io.citybrain.platform.storage.StorageException when the database cannot be opened
   */
  public static Platform open(PlatformConfig config, Clock clock) {
    return new Platform(config, Database.open(config.database()), clock);
  }

  /**
   * Opens only what the command line needs for audit and tokens (no run workers are used). An
   * embedded database held by a running server is reached through that server when it shares it
   * ({@code serve --share-embedded-db}, loopback only); otherwise the error says so.
   *
   * @throws io.citybrain.platform.storage.StorageException when the database cannot be opened,
   *     e.g. held by a server that does not share it
   */
  public static Platform openForAdmin(DatabaseSettings settings, java.nio.file.Path dataDir) {
    try {
      return open(PlatformConfig.defaults(dataDir).withDatabase(settings).withRunLimits(1, 0), Clock.systemUTC());
    } catch (io.citybrain.platform.storage.StorageException e) {
      if (!inUse(e) || settings.embeddedFolder().isEmpty() || settings.sharedEmbedded()) {
        throw e;
      }
    }
    DatabaseSettings shared = DatabaseSettings.shared(settings.embeddedFolder().get());
    try {
      return open(PlatformConfig.defaults(dataDir).withDatabase(shared).withRunLimits(1, 0), Clock.systemUTC());
    } catch (io.citybrain.platform.storage.StorageException e) {
      if (!inUse(e)) {
        throw e;
      }
      throw new io.citybrain.platform.storage.StorageException(
          "a citybrain server holds the embedded database in " + settings.embeddedFolder().get()
              + " and does not share it; stop it first, or start it with --share-embedded-db so that the token and"
              + " audit commands can reach it (through 127.0.0.1, for this user only)",
          e);
    }
  }

  /** H2's "Database may be already in use" (error 90020), anywhere in the causes. */
  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.sql.SQLException s && s.getErrorCode() == 90020) {
        return true;
      }
      if (String.valueOf(t.getMessage()).contains("Database may be already in use")) {
        return true;
      }
    }
    return false;
  }

  /** The bundled MATPOWER cases that grid dispatches use. */
  public GridCases gridCases() {
    return gridCases;
  }

  /** The governance registry: jurisdictions, organisations, filings, approvals, deployments. */
  public GovRegistry governance() {
    return governance;
  }

  /** Alarms: raised, acknowledged, cleared. */
  public io.citybrain.platform.alarms.AlarmService alarms() {
    return alarms;
  }

  /** The database. */
  public Database database() {
    return database;
  }

  /** The audit log. */
  public AuditLog audit() {
    return audit;
  }

  /** API tokens. */
  public TokenService tokens() {
    return tokens;
  }

  /** Access grants: principals' roles per jurisdiction, and the caller a token stands for. */
  public AccessService access() {
    return access;
  }

  /** Stored runs and results. */
  public RunStore runStore() {
    return runStore;
  }

  /** Scenarios. */
  public ScenarioCatalog scenarios() {
    return scenarios;
  }

  /** Replay files. */
  public ReplayStore replays() {
    return replays;
  }

  /** Operators' metrics. */
  public PlatformMetrics metrics() {
    return metrics;
  }

  /** Run orchestration. */
  public RunManager runs() {
    return runs;
  }

  /** Stops the runs (stored as interrupted) and closes the database. */
  @Override
  public void close() {
    runs.close();
    database.close();
  }
}

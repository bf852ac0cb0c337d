package io.citybrain.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citybrain.platform.storage.migration.V5__Audit_merkle_tree;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated, pooled connection to the platform's database: HikariCP for the pool, Flyway for
 * the schema ({@code classpath:db/migration}, the same SQL for H2 and PostgreSQL), Jdbi for
 * queries. Opening it applies any pending migration.
 */
public final class Database implements AutoCloseable {
  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(DatabaseSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Connects, creates the schema if asked for one, and migrates it.
   *
   * @throws StorageException when the database cannot be reached or migrated, naming the URL
   */
  public static Database open(DatabaseSettings settings) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(settings.jdbcUrl());
    settings.user().ifPresent(cfg::setUsername);
    settings.password().ifPresent(cfg::setPassword);
    cfg.setMaximumPoolSize(settings.maxConnections());
    cfg.setMinimumIdle(1);
    cfg.setPoolName("citybrain-db");
    cfg.setInitializationFailTimeout(10_000);
    HikariDataSource ds;
    try {
      if (settings.schema().isPresent()) {
        try (HikariDataSource migrator = plainDataSource(settings)) {
          migrate(migrator, settings);
        }
        cfg.setSchema(settings.schema().get());
      }
      ds = new HikariDataSource(cfg);
    } catch (RuntimeException e) {
      throw new StorageException("cannot open database " + redact(settings.jdbcUrl()) + ": " + rootMessage(e), e);
    }
    try {
      if (settings.schema().isEmpty()) {
        migrate(ds, settings);
      }
    } catch (RuntimeException e) {
      ds.close();
      throw new StorageException("cannot migrate database " + redact(settings.jdbcUrl()) + ": " + rootMessage(e), e);
    }
    return new Database(settings, ds);
  }

  private static HikariDataSource plainDataSource(DatabaseSettings settings) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(settings.jdbcUrl());
    settings.user().ifPresent(cfg::setUsername);
    settings.password().ifPresent(cfg::setPassword);
    cfg.setMaximumPoolSize(3); // Flyway holds a second connection for its lock on PostgreSQL
    cfg.setConnectionTimeout(10_000);
    cfg.setPoolName("citybrain-migrate");
    return new HikariDataSource(cfg);
  }

  private static void migrate(DataSource ds, DatabaseSettings settings) {
    var flyway =
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration")
            // migrations that compute in Java (hashing), listed here rather than found by a class-path scan
            .javaMigrations(new V5__Audit_merkle_tree());
    if (settings.schema().isPresent()) {
      flyway = flyway.schemas(settings.schema().get()).defaultSchema(settings.schema().get());
    }
    flyway.load().migrate();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    if (m.contains("Lock file recently modified")) {
      // H2 refuses while another process is opening the same file (several CLI commands at once
      // with no server running); retrying is not safe in H2's mixed mode, saying so is
      return "another citybrain process is opening this database at the same moment; run the command again"
          + " (commands on one data folder go one at a time unless the server is running) [" + m + "]";
    }
    return m;
  }

  /** The URL without a {@code password=} parameter, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The Jdbi instance over the pool. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** Which database this is. */
  public DatabaseKind kind() {
    return settings.kind();
  }

  /** The settings it was opened with. */
  public DatabaseSettings settings() {
    return settings;
  }

  /** Closes the pool. */
  @Override
  public void close() {
    dataSource.close();
  }
}

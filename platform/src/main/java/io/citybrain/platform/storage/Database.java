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
  private static final String H2_BIND_PROPERTY = "h2.bindAddress";

  static {
    // H2's mixed mode (shared embedded database) listens on every interface unless told where;
    // read once, when H2 first loads, so it is set before any H2 class is used
    if (System.getProperty(H2_BIND_PROPERTY) == null) {
      System.setProperty(H2_BIND_PROPERTY, "127.0.0.1");
    }
  }

  /** Longest wait for a pooled connection; a database that cannot be reached answers in this time. */
  static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  private final DatabaseSettings settings;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(DatabaseSettings settings, HikariDataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Connects, creates the schema if asked for one, and migrates it. An embedded database's folder
   * becomes readable by its owner only (0700, its {@code citybrain.*} files 0600) before H2 opens
   * it. Connections H2 reports broken (a closed database after a failed write, such as a full
   * disk) are evicted from the pool, so the next request reopens the database instead of failing
   * until a restart.
   *
   * @throws StorageException when the database cannot be reached or migrated, naming the URL
   */
  public static Database open(DatabaseSettings settings) {
    if (settings.sharedEmbedded()) {
      checkLoopbackOnly();
    }
    settings.embeddedFolder().ifPresent(OwnerOnly::restrictFolder);
    HikariConfig cfg = new HikariConfig();
    cfg.setExceptionOverrideClassName(BrokenConnections.class.getName());
    cfg.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
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
    settings.embeddedFolder().ifPresent(OwnerOnly::restrictFolder); // H2 created its files with the umask's modes
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
    cfg.setExceptionOverrideClassName(BrokenConnections.class.getName());
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

  /**
   * Refuses H2's mixed mode unless its listener is bound to loopback: {@code h2.bindAddress} is
   * read once, and an application that loaded H2 before this class could have left it unset.
   */
  private static void checkLoopbackOnly() {
    String bound;
    try {
      bound = (String) Class.forName("org.h2.engine.SysProperties").getField("BIND_ADDRESS").get(null);
    } catch (ReflectiveOperationException e) {
      bound = null;
    }
    if (!"127.0.0.1".equals(bound)) {
      throw new StorageException(
          "cannot share the embedded database: H2 would listen on " + (bound == null ? "every interface" : bound)
              + ", expected 127.0.0.1 (system property " + H2_BIND_PROPERTY + ")",
          null);
    }
  }

  /**
   * Whether the database answers a query within {@code timeoutSeconds}: what {@code /api/health}
   * reports.
   *
   * @return empty when it does, else what failed
   */
  public java.util.Optional<String> check(int timeoutSeconds) {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.setQueryTimeout(timeoutSeconds);
      try (java.sql.ResultSet r = s.executeQuery("SELECT 1")) {
        return r.next() ? java.util.Optional.empty() : java.util.Optional.of("SELECT 1 returned no row");
      }
    } catch (java.sql.SQLException | RuntimeException e) {
      // the other pooled connections died with this one (a closed database): let them all go
      var pool = dataSource.getHikariPoolMXBean();
      if (pool != null) {
        pool.softEvictConnections();
      }
      return java.util.Optional.of(rootMessage(e));
    }
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

  /**
   * Makes every transaction committed so far survive a killed process, before a caller is told
   * it succeeded. PostgreSQL did so at commit. H2 (MVStore) writes its commit at once with {@code
   * WRITE_DELAY=0}, but a commit that meets another session's store in progress skips its own
   * write ({@code MVStore.commit()} returns when the store version moved meanwhile), and that other
   * store may have captured the transaction before its commit mark: a run start answered 201 was
   * gone after a SIGKILL in 3 of 13 {@code KillTrialIT} trials. {@code CHECKPOINT} stores again
   * from this thread after the commit, so what it captures includes the mark. It narrows the loss
   * but does not close it: 4 run starts were still lost in 3 of 64 trials (docs/platform.md,
   * "Durability"); PostgreSQL is the durable choice.
   *
   * @throws StorageException when the write fails (e.g. a full disk), naming the database
   */
  public void makeDurable() {
    if (settings.embeddedFolder().isEmpty()) {
      return;
    }
    try {
      jdbi.useHandle(h -> h.execute("CHECKPOINT"));
    } catch (RuntimeException e) {
      throw new StorageException("cannot write the database " + redact(settings.jdbcUrl()) + " to disk: " + rootMessage(e), e);
    }
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

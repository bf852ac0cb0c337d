package io.citybrain.platform;

import io.citybrain.platform.storage.DatabaseSettings;
import io.citybrain.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases every storage test runs against: embedded H2 (a file in a temporary folder) and
 * the PostgreSQL server on loopback (127.0.0.1:5432, database {@code test}, trust auth; a fresh
 * schema per use, dropped afterwards). Override the server with {@code CITYBRAIN_TEST_PG_URL}.
 */
public final class TestDatabases {
  /** The PostgreSQL URL used by tests. */
  public static final String PG_URL =
      System.getenv().getOrDefault("CITYBRAIN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestDatabases() {}

  /** A database for one test: its settings and how to remove it. */
  public record TestDb(String kind, DatabaseSettings settings, Runnable drop) implements AutoCloseable {
    @Override
    public void close() {
      drop.run();
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  /** A fresh embedded H2 database in {@code dir} (removed with the folder). */
  public static TestDb h2(Path dir) {
    return new TestDb("h2", DatabaseSettings.embedded(dir), () -> {});
  }

  /**
   * A fresh schema on the PostgreSQL test server.
   *
   * @throws AssertionError when the server cannot be reached, saying what is missing and how to get it
   */
  public static TestDb postgres() {
    String schema = "cb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(PG_URL)) {
      c.isValid(2);
    } catch (SQLException e) {
      throw Prerequisites.missing(
          "PostgreSQL test server",
          "cannot connect to " + PG_URL + " (" + e.getMessage() + ")",
          "apt-get install postgresql, start it, and let user postgres into database test from 127.0.0.1 without a password"
              + " (trust); or set CITYBRAIN_TEST_PG_URL to the JDBC URL of another server the tests may use",
          e);
    }
    return new TestDb(
        "postgresql",
        DatabaseSettings.of(PG_URL).withSchema(schema),
        () -> {
          try (Connection c = DriverManager.getConnection(PG_URL);
              Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
          } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
          }
        });
  }

  /** Both kinds, for parameterised tests. */
  public static TestDb of(String kind, Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    return kind.equals("h2") ? h2(dir) : postgres();
  }
}

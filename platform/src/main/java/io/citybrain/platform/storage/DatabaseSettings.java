package io.citybrain.platform.storage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the platform keeps its data.
 *
 * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL (user and password may be URL
 *     parameters)
 * @param user user name, or empty to take it from the URL (or the driver's default)
 * @param password password, or empty
 * @param schema schema to create and use, or empty for the database's default ({@code PUBLIC} /
 *     {@code public}); tests use a fresh schema per run
 * @param maxConnections connection pool size, &ge; 1
 */
public record DatabaseSettings(
    String jdbcUrl, Optional<String> user, Optional<String> password, Optional<String> schema, int maxConnections) {

  public DatabaseSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    DatabaseKind.of(jdbcUrl);
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
    }
  }

  /** Settings for a URL with everything else defaulted (pool of 8). */
  public static DatabaseSettings of(String jdbcUrl) {
    return new DatabaseSettings(jdbcUrl, Optional.empty(), Optional.empty(), Optional.empty(), 8);
  }

  /**
   * The embedded default: an H2 file {@code citybrain.mv.db} in {@code dataDir}. Other processes
   * on the same machine (e.g. {@code citybrain audit verify} while the server runs) reach it
   * through H2's automatic mixed mode, which listens on loopback only. {@code WRITE_DELAY=0}
   * writes every commit to the file at once (H2 otherwise buffers commits for up to a second,
   * and a killed process would lose them).
   */
  public static DatabaseSettings embedded(Path dataDir) {
    return of(
        "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("citybrain") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
  }

  /** A copy using {@code newSchema}. */
  public DatabaseSettings withSchema(String newSchema) {
    return new DatabaseSettings(jdbcUrl, user, password, Optional.of(newSchema), maxConnections);
  }

  /** The database kind. */
  public DatabaseKind kind() {
    return DatabaseKind.of(jdbcUrl);
  }
}

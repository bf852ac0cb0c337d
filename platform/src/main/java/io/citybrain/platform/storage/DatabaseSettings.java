package io.citybrain.platform.storage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the platform keeps its data.
 *
 * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL (a user may be a URL
 *     parameter; a password may not: it would show in {@code ps} and shell histories, see {@link
 *     #withPasswordFromEnvironment})
 * @param user user name, or empty to take it from the URL (or the driver's default)
 * @param password password, or empty
 * @param schema schema to create and use, or empty for the database's default ({@code PUBLIC} /
 *     {@code public}); tests use a fresh schema per run
 * @param maxConnections connection pool size, &ge; 1
 */
public record DatabaseSettings(
    String jdbcUrl, Optional<String> user, Optional<String> password, Optional<String> schema, int maxConnections) {

  /** File name (without H2's {@code .mv.db}) of the embedded database in the data folder. */
  public static final String EMBEDDED_NAME = "citybrain";

  /** Environment variable holding the database password. */
  public static final String PASSWORD_ENV = "CITYBRAIN_DB_PASSWORD";

  private static final String EMBEDDED_OPTIONS = ";WRITE_DELAY=0";
  private static final String SHARED_OPTIONS = ";AUTO_SERVER=TRUE";

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
   * The embedded default: an H2 file {@code citybrain.mv.db} in {@code dataDir}, opened by this
   * process alone: no network listener. {@code WRITE_DELAY=0} writes every commit to the file
   * before the committing call returns (H2 otherwise buffers commits for up to half a second, and
   * a killed process lost them). A second process (the {@code token} and {@code audit} commands)
   * cannot open it while a server holds it, unless that server shares it ({@link #shared}).
   */
  public static DatabaseSettings embedded(Path dataDir) {
    return of("jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(EMBEDDED_NAME) + EMBEDDED_OPTIONS);
  }

  /**
   * The embedded database opened in H2's automatic mixed mode: the first process to open it
   * serves it to the others on the machine through a TCP port bound to 127.0.0.1 only (see
   * {@link Database}), which a client finds, with a random key, in the lock file {@code
   * citybrain.lock.db}; the data folder is readable by its owner only, so only the owner's
   * processes can read the key. Only on request ({@code serve --share-embedded-db}), and for
   * admin commands reaching a server that shares it.
   */
  public static DatabaseSettings shared(Path dataDir) {
    return of(embedded(dataDir).jdbcUrl() + SHARED_OPTIONS);
  }

  /** The folder of an embedded H2 file database, or empty for other URLs. */
  public Optional<Path> embeddedFolder() {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      return Optional.empty();
    }
    String path = jdbcUrl.substring("jdbc:h2:file:".length());
    int semi = path.indexOf(';');
    Path file = Path.of(semi < 0 ? path : path.substring(0, semi));
    return Optional.ofNullable(file.toAbsolutePath().getParent());
  }

  /** Whether this opens an embedded database in mixed mode ({@link #shared}). */
  public boolean sharedEmbedded() {
    return embeddedFolder().isPresent() && jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE");
  }

  /** A copy using {@code newSchema}. */
  public DatabaseSettings withSchema(String newSchema) {
    return new DatabaseSettings(jdbcUrl, user, password, Optional.of(newSchema), maxConnections);
  }

  /** A copy with a password. */
  public DatabaseSettings withPassword(String newPassword) {
    return new DatabaseSettings(jdbcUrl, user, Optional.of(newPassword), schema, maxConnections);
  }

  /**
   * A copy with the password from the environment variable {@code CITYBRAIN_DB_PASSWORD}, when
   * set and not empty.
   */
  public DatabaseSettings withPasswordFromEnvironment() {
    String env = System.getenv(PASSWORD_ENV);
    return env == null || env.isEmpty() ? this : withPassword(env);
  }

  /**
   * Whether the URL carries a password ({@code password=} parameter, or {@code user:password@}
   * before the host): anyone on the machine can read a command line.
   */
  public static boolean urlHasPassword(String jdbcUrl) {
    String u = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
    return u.matches(".*[?&;]password=.*") || u.matches("^jdbc:postgresql://[^/@]*:[^/@]*@.*");
  }

  /** The database kind. */
  public DatabaseKind kind() {
    return DatabaseKind.of(jdbcUrl);
  }
}

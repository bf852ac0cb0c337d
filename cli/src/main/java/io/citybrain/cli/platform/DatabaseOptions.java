package io.citybrain.cli.platform;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.platform.storage.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the platform's data lives: {@code --data-dir} and {@code --db}. */
public final class DatabaseOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "citybrain-data",
      description = "Folder for the embedded database and replay files (default: ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/citybrain?user=citybrain "
          + "(default: an embedded H2 file in --data-dir). No password in it: the password comes from the environment "
          + "variable CITYBRAIN_DB_PASSWORD or --db-password-file.")
  String url;

  @Option(
      names = "--db-password-file",
      paramLabel = "FILE",
      description = "File whose first line is the --db password (keep it readable by you only).")
  Path passwordFile;

  /** The file of the embedded database in {@code --data-dir}. */
  static final String EMBEDDED_FILE = "citybrain.mv.db";

  /**
   * The settings for a command that may create the database (serve, token create).
   *
   * @throws UsageException when {@code --data-dir} is a file: H2 failed on it with a stack trace
   */
  DatabaseSettings settings() {
    if (url == null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new UsageException(
          "--data-dir " + dataDir + " is a file, not a folder; expected the folder of the embedded database"
              + " (created when missing)");
    }
    if (url == null) {
      if (passwordFile != null) {
        throw new UsageException("--db-password-file needs --db: the embedded database has no password");
      }
      return DatabaseSettings.embedded(dataDir);
    }
    if (DatabaseSettings.urlHasPassword(url)) {
      // a command line is visible to every user of the machine (ps, /proc/PID/cmdline)
      throw new UsageException(
          "--db must not contain a password (anyone on this machine can read a command line); remove it from the URL"
              + " and set the environment variable " + DatabaseSettings.PASSWORD_ENV + " or give --db-password-file FILE");
    }
    DatabaseSettings settings = DatabaseSettings.of(url).withPasswordFromEnvironment();
    if (passwordFile != null) {
      settings = settings.withPassword(readPassword(passwordFile));
    }
    return settings;
  }

  private static String readPassword(Path file) {
    try {
      String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
      String first = text.lines().findFirst().orElse("");
      if (first.isEmpty()) {
        throw new UsageException("--db-password-file " + file + " is empty; expected the password on its first line");
      }
      return first;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      throw new UsageException("--db-password-file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * The settings for a command that reads what a server stored (audit verify, token list and
   * revoke): with the embedded database, {@code --data-dir} must hold one. A mistyped folder used
   * to get a new, empty database and "audit log intact: 0 entries".
   *
   * @throws UsageException when there is no embedded database in {@code --data-dir}
   */
  DatabaseSettings existingSettings() {
    DatabaseSettings settings = settings();
    if (url == null && !Files.isRegularFile(dataDir.resolve(EMBEDDED_FILE))) {
      throw new UsageException(
          "no citybrain database in " + dataDir + " (no " + EMBEDDED_FILE + "); expected the --data-dir of the"
              + " server (default: ./citybrain-data), or --db URL");
    }
    return settings;
  }

  /** The data folder. */
  Path dataDir() {
    return dataDir;
  }
}

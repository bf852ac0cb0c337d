package io.citybrain.cli.platform;

import io.citybrain.platform.storage.DatabaseSettings;
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
          + "(default: an embedded H2 file in --data-dir).")
  String url;

  /** The settings chosen. */
  DatabaseSettings settings() {
    return url == null ? DatabaseSettings.embedded(dataDir) : DatabaseSettings.of(url);
  }

  /** The data folder. */
  Path dataDir() {
    return dataDir;
  }
}

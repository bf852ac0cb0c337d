package io.citybrain.platform.storage;

import java.util.Locale;

/** The SQL databases the platform supports; both run the same migrations and queries. */
public enum DatabaseKind {
  /** H2 2.x, embedded in the server process (a file under the data folder, or in memory). */
  H2,
  /** PostgreSQL 12 or later, over JDBC. */
  POSTGRESQL;

  /**
   * The kind of a JDBC URL.
   *
   * @throws IllegalArgumentException naming the supported prefixes when the URL is neither
   */
  public static DatabaseKind of(String jdbcUrl) {
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database URL '" + jdbcUrl + "'; expected jdbc:h2:... or jdbc:postgresql://host:port/database");
  }
}

package io.citybrain.platform.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool to drop a connection when H2 says its database is gone: after a failed
 * write (a full disk) H2 closes the database, and its connections then fail with these codes for
 * ever; HikariCP only evicts on SQL states {@code 08...}, so before this every database request
 * answered 500 until a restart, even once space was freed. A new connection reopens the file.
 * Codes from {@code org.h2.api.ErrorCode}: 90098 database closed, 90121 called at shutdown,
 * 90028/90031 I/O error, 90030 file corrupted, 50000 general error (H2's wrapper of an MVStore
 * failure). Other databases keep HikariCP's own rules.
 */
public final class BrokenConnections implements SQLExceptionOverride {
  private static final Set<Integer> H2_BROKEN = Set.of(90098, 90121, 90028, 90031, 90030, 50000);

  /** For HikariCP, which instantiates it by name. */
  public BrokenConnections() {}

  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && H2_BROKEN.contains(s.getErrorCode()) && s.getClass().getName().startsWith("org.h2.")) {
        return SQLExceptionOverride.Override.MUST_EVICT;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}

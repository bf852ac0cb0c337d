package io.citybrain.platform.audit;

/**
 * The audit log suite on the PostgreSQL server on 127.0.0.1:5432 (or {@code CITYBRAIN_TEST_PG_URL});
 * fails, never skips, when the server cannot be reached.
 */
class AuditLogPostgresIT extends AuditLogSuite {
  @Override
  String kind() {
    return "postgresql";
  }
}

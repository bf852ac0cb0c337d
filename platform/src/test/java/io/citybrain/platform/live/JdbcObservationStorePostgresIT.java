package io.citybrain.platform.live;

/**
 * Live history on the PostgreSQL test server (127.0.0.1:5432, or {@code CITYBRAIN_TEST_PG_URL});
 * fails, never skips, when it cannot be reached.
 */
class JdbcObservationStorePostgresIT extends JdbcObservationStoreSuite {
  @Override
  String kind() {
    return "postgresql";
  }
}

package io.citybrain.platform.storage;

/**
 * The storage suite on PostgreSQL: the server on 127.0.0.1:5432 (user postgres, database {@code
 * test}, trust auth; scripts/test-all.sh installs and prepares it), or the one {@code
 * CITYBRAIN_TEST_PG_URL} names. Fails, never skips, when the server cannot be reached.
 */
class StorageSuitePostgresIT extends StorageSuite {
  @Override
  String kind() {
    return "postgresql";
  }
}

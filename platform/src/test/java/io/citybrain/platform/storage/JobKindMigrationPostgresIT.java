package io.citybrain.platform.storage;

/**
 * The job-kind migration and round trip on PostgreSQL (the server scripts/test-all.sh prepares, or
 * {@code CITYBRAIN_TEST_PG_URL}); fails, never skips, when the server cannot be reached.
 */
class JobKindMigrationPostgresIT extends JobKindMigration {
  @Override
  String kind() {
    return "postgresql";
  }
}

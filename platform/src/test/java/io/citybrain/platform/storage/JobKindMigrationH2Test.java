package io.citybrain.platform.storage;

/** The job-kind migration and round trip on embedded H2: needs nothing but the JVM. */
class JobKindMigrationH2Test extends JobKindMigration {
  @Override
  String kind() {
    return "h2";
  }
}

package io.citybrain.platform.gov;

/** The lifecycle suite on the PostgreSQL test server (fails, never skips, without it). */
class GovLifecyclePostgresIT extends GovLifecycleSuite {
  @Override
  String kind() {
    return "postgresql";
  }
}

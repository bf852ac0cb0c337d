package io.citybrain.platform.gov;

/** The governance registry on the PostgreSQL test server (fails, never skips, without it). */
class GovRegistryPostgresIT extends GovRegistrySuite {
  @Override
  String kind() {
    return "postgresql";
  }
}

package io.citybrain.platform.gov;

/** The governance registry on embedded H2. */
class GovRegistryH2Test extends GovRegistrySuite {
  @Override
  String kind() {
    return "h2";
  }
}

package io.citybrain.platform.gov;

/** The lifecycle suite on embedded H2. */
class GovLifecycleH2Test extends GovLifecycleSuite {
  @Override
  String kind() {
    return "h2";
  }
}

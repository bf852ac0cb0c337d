package io.citybrain.platform.storage;

/** The storage suite on embedded H2, the default database: needs nothing but the JVM. */
class StorageSuiteH2Test extends StorageSuite {
  @Override
  String kind() {
    return "h2";
  }
}

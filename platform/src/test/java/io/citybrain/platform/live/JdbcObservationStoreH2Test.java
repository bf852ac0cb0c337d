package io.citybrain.platform.live;

/** Live history on embedded H2: needs nothing but the JVM. */
class JdbcObservationStoreH2Test extends JdbcObservationStoreSuite {
  @Override
  String kind() {
    return "h2";
  }
}

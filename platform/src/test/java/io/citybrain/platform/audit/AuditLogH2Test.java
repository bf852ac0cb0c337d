package io.citybrain.platform.audit;

/** The audit log suite on embedded H2: needs nothing but the JVM. */
class AuditLogH2Test extends AuditLogSuite {
  @Override
  String kind() {
    return "h2";
  }
}

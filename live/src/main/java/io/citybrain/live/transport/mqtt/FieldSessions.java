package io.citybrain.live.transport.mqtt;

import io.citybrain.live.field.FieldSession;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The field session announcement as JSON: {@code {"originMillis":..,"intervalSeconds":..,"city":..}}. */
final class FieldSessions {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FieldSessions() {}

  static byte[] write(FieldSession s) {
    var n = JSON.createObjectNode();
    n.put("originMillis", s.originMillis());
    n.put("intervalSeconds", s.intervalSeconds());
    n.put("city", s.city());
    return JSON.writeValueAsBytes(n);
  }

  /** The announcement, or empty when the payload is not one (a cleared retained message). */
  static Optional<FieldSession> read(byte[] payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (n == null || !n.path("originMillis").isIntegralNumber() || !n.path("intervalSeconds").isNumber()) {
        return Optional.empty();
      }
      return Optional.of(new FieldSession(n.get("originMillis").longValue(), n.get("intervalSeconds").doubleValue(),
          n.path("city").asString("")));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }
}

package io.citybrain.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request whose fields are invalid; carries one message per field (the field's JSON name, e.g.
 * {@code steps} or {@code parameters.minGreenSeconds}), each naming the rule and the bad value.
 * The HTTP API answers 422 with the map.
 */
public final class InvalidRequestException extends RuntimeException {
  private final transient Map<String, String> fields;

  /** @param fields field name → what is wrong; at least one */
  public InvalidRequestException(Map<String, String> fields) {
    super(fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("an InvalidRequestException needs at least one field");
    }
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** One invalid field. */
  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(Map.of(field, message));
  }

  /** Field name → message, in the order found. */
  public Map<String, String> fields() {
    return fields;
  }
}

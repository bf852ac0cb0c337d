package io.citybrain.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.citybrain.traffic.metrics.ResultFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform's JSON mapper: the traffic core's (NaN written as null), without indentation. */
public final class Json {
  private static final ObjectMapper MAPPER =
      ResultFiles.json().copy().disable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The shared mapper; thread-safe. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as compact JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON object of numbers read back as a map (insertion order kept). */
  public static Map<String, Double> readNumberMap(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not an object of numbers: " + e.getOriginalMessage(), e);
    }
  }
}

package io.citybrain.live.ngsild;

import java.net.URI;
import java.util.Set;

/**
 * An NGSI-LD subscription (the subset citybrain serves): which entities (by type), which updates
 * ({@code q}), what to send (key-values or normalized, all attributes or some) and where ({@code
 * http(s)://} by POST, or {@code mqtt://host:port/topic} by QoS 1 publish).
 *
 * @param id {@code urn:ngsi-ld:Subscription:<uuid>}
 * @param entityType the entity type watched
 * @param q the filter, or null for every update
 * @param attributes attributes to send, empty for all
 * @param keyValues true for the keyValues format, false for normalized
 * @param endpoint where notifications go
 */
public record Subscription(String id, String entityType, QueryFilter q, Set<String> attributes, boolean keyValues, URI endpoint) {
  public Subscription {
    attributes = Set.copyOf(attributes);
    String scheme = endpoint.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme) || "mqtt".equals(scheme))) {
      throw new IllegalArgumentException("notification.endpoint.uri must be http://, https:// or mqtt://host:port/topic; got " + endpoint);
    }
    if ("mqtt".equals(scheme) && (endpoint.getHost() == null || endpoint.getPath() == null || endpoint.getPath().length() < 2)) {
      throw new IllegalArgumentException("an MQTT endpoint is mqtt://host:port/topic; got " + endpoint);
    }
  }
}

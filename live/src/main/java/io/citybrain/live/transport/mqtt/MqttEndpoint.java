package io.citybrain.live.transport.mqtt;

import java.net.URI;

/**
 * Where an MQTT broker listens.
 *
 * @param host host name or address
 * @param port TCP port, 1..65535
 */
public record MqttEndpoint(String host, int port) {
  public MqttEndpoint {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("MQTT port must be 1..65535, got " + port);
    }
  }

  /**
   * Parses {@code tcp://host:port} or {@code mqtt://host:port} (port 1883 when absent).
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static MqttEndpoint parse(String text) {
    try {
      URI u = URI.create(text);
      if (u.getHost() == null || !("tcp".equals(u.getScheme()) || "mqtt".equals(u.getScheme()))) {
        throw new IllegalArgumentException();
      }
      return new MqttEndpoint(u.getHost(), u.getPort() < 0 ? 1883 : u.getPort());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an MQTT broker is given as tcp://host:port, e.g. tcp://127.0.0.1:1883; got '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return "tcp://" + host + ":" + port;
  }
}

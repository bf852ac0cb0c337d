package io.citybrain.platform.live;

import io.citybrain.live.control.ActuationMode;
import io.citybrain.live.transport.mqtt.MqttEndpoint;
import java.util.Optional;

/**
 * How the operations centre runs live operations.
 *
 * @param city the bundled city whose junctions the deployed controller runs (its roadnet names
 *     the lanes), or empty to ingest and store only
 * @param controller the deployed signal controller's name
 * @param actuation shadow, advisory or actuating
 * @param embeddedMqttPort port of the embedded MQTT broker (loopback), used when {@code
 *     externalBroker} is empty
 * @param externalBroker an MQTT broker to use instead of the embedded one (e.g. Mosquitto)
 * @param retentionDays observations older than this are deleted, days &gt; 0
 * @param kafkaBootstrap Kafka bootstrap servers ({@code host:port[,host:port...]}) to ingest from
 *     as well (topics of {@link io.citybrain.live.transport.kafka.KafkaCentreLink}), or empty
 */
public record LiveOptions(
    Optional<String> city,
    String controller,
    ActuationMode actuation,
    int embeddedMqttPort,
    Optional<MqttEndpoint> externalBroker,
    int retentionDays,
    Optional<String> kafkaBootstrap) {
  public LiveOptions {
    if (retentionDays <= 0) {
      throw new IllegalArgumentException("retention must be > 0 days, got " + retentionDays);
    }
    if (kafkaBootstrap.isPresent()) {
      for (String server : kafkaBootstrap.get().split(",", -1)) {
        if (!server.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}")) {
          throw new IllegalArgumentException("Kafka bootstrap servers are host:port[,host:port...], such as 127.0.0.1:9092; got '"
              + kafkaBootstrap.get() + "'");
        }
      }
    }
  }

  /** Options without Kafka ingestion. */
  public LiveOptions(Optional<String> city, String controller, ActuationMode actuation, int embeddedMqttPort,
      Optional<MqttEndpoint> externalBroker, int retentionDays) {
    this(city, controller, actuation, embeddedMqttPort, externalBroker, retentionDays, Optional.empty());
  }
}

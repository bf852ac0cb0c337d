package io.citybrain.live.transport.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An MQTT 5 broker inside the process (HiveMQ Community Edition, embedded), so that one {@code
 * java -jar} needs no other service. It keeps sessions and queued QoS 1 messages in files under
 * its data folder, so that a restarted broker still holds what it acknowledged to publishers, and
 * it queues up to {@value #MAX_QUEUED_MESSAGES} messages per offline persistent session (HiveMQ's
 * default of 1,000 would discard messages while the centre restarts). Anonymous usage statistics
 * are off. Listens on loopback only.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
  /** Messages queued per offline persistent session before the broker refuses more. */
  public static final long MAX_QUEUED_MESSAGES = 10_000_000;

  private final EmbeddedHiveMQ broker;
  private final MqttEndpoint endpoint;

  private EmbeddedMqttBroker(EmbeddedHiveMQ broker, MqttEndpoint endpoint) {
    this.broker = broker;
    this.endpoint = endpoint;
  }

  /**
   * Starts a broker on 127.0.0.1:{@code port}.
   *
   * @param port TCP port
   * @param folder where its configuration and data live (created when missing)
   * @param receiveMaximum QoS 1 messages a client may have unacknowledged towards the broker, and
   *     the broker towards a client: MQTT 5's flow control, 1..65535
   */
  public static EmbeddedMqttBroker start(int port, Path folder, int receiveMaximum) {
    try {
      Path conf = Files.createDirectories(folder.resolve("conf"));
      Path data = Files.createDirectories(folder.resolve("data"));
      Path extensions = Files.createDirectories(folder.resolve("extensions"));
      Files.writeString(conf.resolve("config.xml"), """
          <?xml version="1.0"?>
          <hivemq>
            <listeners>
              <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
            </listeners>
            <mqtt>
              <queued-messages><max-queue-size>%d</max-queue-size><strategy>discard</strategy></queued-messages>
              <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
            </mqtt>
            <persistence><mode>file</mode></persistence>
            <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
          </hivemq>
          """.formatted(port, MAX_QUEUED_MESSAGES, receiveMaximum));
      EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
          .withConfigurationFolder(conf)
          .withDataFolder(data)
          .withExtensionsFolder(extensions)
          .withoutLoggingBootstrap()
          .build();
      hivemq.start().get(60, TimeUnit.SECONDS);
      return new EmbeddedMqttBroker(hivemq, new MqttEndpoint("127.0.0.1", port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the embedded MQTT broker's folder " + folder, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the embedded MQTT broker did not start on port " + port + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the embedded MQTT broker", e);
    }
  }

  /** Where it listens. */
  public MqttEndpoint endpoint() {
    return endpoint;
  }

  /** Stops it (sessions and queued messages stay in its data folder). */
  @Override
  public void close() {
    try {
      broker.stop().get(60, TimeUnit.SECONDS);
      broker.close();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the embedded MQTT broker did not stop cleanly: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

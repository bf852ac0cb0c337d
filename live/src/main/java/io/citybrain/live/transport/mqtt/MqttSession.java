package io.citybrain.live.transport.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One MQTT 5 client with a persistent session (clean start off, session kept an hour), automatic
 * reconnection, QoS 1 publishing with a bound on messages in flight (back-pressure on the
 * publisher instead of a growing buffer), and QoS 1 subscriptions acknowledged by the receiver
 * once it has handled a message (manual acknowledgement: a message is acknowledged to the broker
 * only after it is stored, so a crash loses nothing the broker let go of).
 */
public final class MqttSession implements AutoCloseable {
  /** How long the broker keeps the session while the client is away. */
  public static final Duration SESSION_EXPIRY = Duration.ofHours(1);

  private final Mqtt5AsyncClient client;
  private final Semaphore inFlight;
  private final int maxInFlight;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong publishFailures = new AtomicLong();

  /**
   * Connects.
   *
   * @param endpoint the broker
   * @param clientId the session's identity (the same id resumes the same session)
   * @param maxInFlight QoS 1 publishes awaiting the broker's acknowledgement at most
   * @param receiver handles every message of this session's subscriptions (also those the broker
   *     kept while the client was away) and must call {@link Mqtt5Publish#acknowledge()} once done;
   *     null for a publisher only
   */
  public MqttSession(MqttEndpoint endpoint, String clientId, int maxInFlight, Consumer<Mqtt5Publish> receiver) {
    this.client = MqttClient.builder()
        .useMqttVersion5()
        .identifier(clientId)
        .serverHost(endpoint.host())
        .serverPort(endpoint.port())
        .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS).applyAutomaticReconnect()
        .buildAsync();
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    if (receiver != null) {
      // registered before connecting, so that messages queued for a resumed session are not missed
      client.publishes(MqttGlobalPublishFilter.ALL, receiver, true);
    }
    client.connectWith()
        .cleanStart(false)
        .sessionExpiryInterval(SESSION_EXPIRY.toSeconds())
        .restrictions().receiveMaximum(Math.min(65535, Math.max(1, maxInFlight))).sendMaximum(Math.min(65535, Math.max(1, maxInFlight))).applyRestrictions()
        .send()
        .orTimeout(30, TimeUnit.SECONDS)
        .join();
  }

  /** Subscribes at QoS 1 (kept by the broker with the session). */
  public void subscribe(String topicFilter) {
    client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /**
   * Publishes at QoS 1, waiting while {@code maxInFlight} publishes await their acknowledgement.
   * The client retransmits unacknowledged publishes after a reconnection.
   */
  public CompletableFuture<?> publish(String topic, byte[] payload) {
    return publish(topic, payload, false);
  }

  /** As {@link #publish(String, byte[])}, retained by the broker for later subscribers when asked. */
  public CompletableFuture<?> publish(String topic, byte[] payload, boolean retain) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to publish to " + topic, e);
    }
    return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload).send()
        .whenComplete((r, e) -> {
          inFlight.release();
          if (e != null || (r != null && r.getError().isPresent())) {
            publishFailures.incrementAndGet();
          } else {
            published.incrementAndGet();
          }
        });
  }

  /** Waits until every publish so far is acknowledged by the broker (or failed). */
  public void flush(Duration max) {
    try {
      if (inFlight.tryAcquire(maxInFlight, max.toMillis(), TimeUnit.MILLISECONDS)) {
        inFlight.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publishes the broker acknowledged. */
  public long published() {
    return published.get();
  }

  /** Publishes that failed for good. */
  public long publishFailures() {
    return publishFailures.get();
  }

  /** Whether connected now. */
  public boolean connected() {
    return client.getState().isConnected();
  }

  @Override
  public void close() {
    try {
      client.disconnect().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // already gone (broker stopped): nothing left to release
    }
  }
}

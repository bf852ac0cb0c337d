package io.citybrain.live.transport.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.control.CommandSink;
import io.citybrain.live.ingest.LivePipeline;
import io.citybrain.live.ingest.RawMessage;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The centre's MQTT side: subscribes to detector reports, meter readings and signal states with a
 * persistent session, hands each message to the {@link LivePipeline} and acknowledges it to the
 * broker only when the pipeline has stored it. When the pipeline's queue is full the receiving
 * thread waits, so the client stops acknowledging and the broker stops sending (MQTT 5 receive
 * maximum): back-pressure reaches the publishers. Publishes the loop's commands and advice.
 */
public final class MqttCentreLink implements AutoCloseable {
  private final MqttSession session;
  private final LivePipeline pipeline;
  private final MessageCodec codec;
  private final AtomicLong foreign = new AtomicLong();
  private volatile java.util.function.Consumer<io.citybrain.live.field.FieldSession> sessions = s -> {};

  /**
   * @param endpoint the broker
   * @param clientId the centre's session id (keep it across restarts to resume the session)
   * @param pipeline where messages go
   * @param codec for commands
   * @param receiveMaximum messages the broker may send before acknowledgements
   */
  public MqttCentreLink(MqttEndpoint endpoint, String clientId, LivePipeline pipeline, MessageCodec codec, int receiveMaximum) {
    this.pipeline = pipeline;
    this.codec = codec;
    this.session = new MqttSession(endpoint, clientId, receiveMaximum, this::receive);
    session.subscribe(MqttTopics.DETECTORS);
    session.subscribe(MqttTopics.METERS);
    session.subscribe(MqttTopics.SIGNAL_STATES);
  }

  /** Registers the receiver of field session announcements (a field starting). */
  public void onFieldSession(java.util.function.Consumer<io.citybrain.live.field.FieldSession> receiver) {
    this.sessions = receiver;
    // subscribed only now, so that the retained announcement reaches the receiver
    session.subscribe(MqttTopics.FIELD_SESSION);
  }

  private void receive(Mqtt5Publish p) {
    String topic = p.getTopic().toString();
    if (topic.equals(MqttTopics.FIELD_SESSION)) {
      FieldSessions.read(p.getPayloadAsBytes()).ifPresent(sessions);
      p.acknowledge();
      return;
    }
    MessageKind kind = MqttTopics.kindOf(topic);
    if (kind == null) {
      foreign.incrementAndGet();
      p.acknowledge();
      return;
    }
    RawMessage m = new RawMessage(kind, p.getPayloadAsBytes(), topic, Instant.now(), p::acknowledge);
    while (!pipeline.submit(m)) {
      // queue full: hold this thread (and so the broker's flow) until there is room
      Thread.onSpinWait();
    }
  }

  /** Publishes decisions to the field's command topics. */
  public CommandSink commands() {
    return c -> session.publish(MqttTopics.signalCommand(c.intersectionId()), codec.encode(c));
  }

  /** Publishes decisions to the advice topics. */
  public CommandSink advice() {
    return (SignalCommand c) -> session.publish(MqttTopics.signalAdvice(c.intersectionId()), codec.encode(c));
  }

  /** Messages on topics that carry none of the contracts (acknowledged and ignored). */
  public long foreignMessages() {
    return foreign.get();
  }

  /** Whether connected to the broker now. */
  public boolean connected() {
    return session.connected();
  }

  @Override
  public void close() {
    session.close();
  }
}

package io.citybrain.live.transport.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.citybrain.live.contract.Decoded;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.field.FieldLink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The field's MQTT side: publishes detector reports and signal states at QoS 1 (at most {@code
 * maxInFlight} unacknowledged), and receives commands on a persistent session. A command that
 * breaks its contract is counted and dropped (a field controller never acts on one).
 */
public final class MqttFieldLink implements FieldLink {
  private final MqttSession session;
  private final MessageCodec codec = new MessageCodec();
  private final AtomicLong refusedCommands = new AtomicLong();
  private volatile Consumer<SignalCommand> receiver = c -> {};

  public MqttFieldLink(MqttEndpoint endpoint, String clientId, int maxInFlight) {
    this.session = new MqttSession(endpoint, clientId, maxInFlight, this::receive);
    session.subscribe(MqttTopics.SIGNAL_COMMANDS);
  }

  private void receive(Mqtt5Publish p) {
    Decoded<SignalCommand> d = codec.decodeSignalCommand(p.getPayloadAsBytes(), p.getTopic().toString(), Instant.now());
    if (d.value() == null) {
      refusedCommands.incrementAndGet();
    } else {
      receiver.accept(d.value());
    }
    p.acknowledge();
  }

  /** Announces the field's clock (retained), before its first report. */
  public void announce(io.citybrain.live.field.FieldSession s) {
    session.publish(MqttTopics.FIELD_SESSION, FieldSessions.write(s), true);
    session.flush(Duration.ofSeconds(30));
  }

  @Override
  public void publish(DetectorReport report) {
    session.publish(MqttTopics.detectors(report.stationId()), codec.encode(report));
  }

  @Override
  public void publish(SignalState state) {
    session.publish(MqttTopics.signalState(state.intersectionId()), codec.encode(state));
  }

  @Override
  public void onCommand(Consumer<SignalCommand> r) {
    this.receiver = r;
  }

  @Override
  public void flush() {
    session.flush(Duration.ofSeconds(60));
  }

  /** Publishes acknowledged by the broker. */
  public long published() {
    return session.published();
  }

  /** Publishes that failed. */
  public long publishFailures() {
    return session.publishFailures();
  }

  /** Commands refused by their contract. */
  public long refusedCommands() {
    return refusedCommands.get();
  }

  @Override
  public void close() {
    session.close();
  }
}

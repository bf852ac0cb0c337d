package io.citybrain.live.centre;

import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.MessageKind;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.control.CommandSink;
import io.citybrain.live.field.FieldLink;
import io.citybrain.live.ingest.RawMessage;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Field and centre in one process, joined through the message contracts: every report, state and
 * command is encoded to its JSON and decoded again on the other side, as over a broker, without
 * one. For tests and for measuring the loop without a transport.
 */
public final class InProcessLink implements FieldLink, CommandSink {
  private final LiveCentre centre;
  private final MessageCodec codec;
  private volatile Consumer<SignalCommand> receiver = c -> {};

  public InProcessLink(LiveCentre centre) {
    this.centre = centre;
    this.codec = centre.codec();
  }

  @Override
  public void publish(DetectorReport report) {
    submit(MessageKind.DETECTOR_REPORT, codec.encode(report), "inproc/detectors/" + report.stationId());
  }

  @Override
  public void publish(SignalState state) {
    submit(MessageKind.SIGNAL_STATE, codec.encode(state), "inproc/signals/" + state.intersectionId());
  }

  private void submit(MessageKind kind, byte[] bytes, String source) {
    while (!centre.pipeline().submit(RawMessage.of(kind, bytes, source, Instant.now()))) {
      Thread.onSpinWait(); // back-pressure: the field waits, as a QoS 1 publisher would
    }
  }

  @Override
  public void onCommand(Consumer<SignalCommand> receiver) {
    this.receiver = receiver;
  }

  /** The centre's command sink: encodes, decodes and delivers to the field. */
  @Override
  public void publish(SignalCommand command) {
    var decoded = codec.decodeSignalCommand(codec.encode(command), "inproc/commands", Instant.now());
    if (decoded.value() == null) {
      throw new IllegalStateException("the centre produced a command its own contract refuses: " + decoded.rejections());
    }
    receiver.accept(decoded.value());
  }
}

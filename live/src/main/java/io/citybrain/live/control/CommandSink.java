package io.citybrain.live.control;

import io.citybrain.live.contract.SignalCommand;

/** Where the live loop's decisions go: the field's command topic, or the advice topic. */
@FunctionalInterface
public interface CommandSink {
  /** Publishes one command (or advice), without waiting for delivery. */
  void publish(SignalCommand command);
}

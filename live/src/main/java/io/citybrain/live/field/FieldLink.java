package io.citybrain.live.field;

import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.contract.SignalState;
import java.util.function.Consumer;

/**
 * How the field's devices talk to the centre: they publish detector reports and signal states and
 * receive signal commands. Implemented over MQTT, Kafka, or in process (tests).
 */
public interface FieldLink extends AutoCloseable {

  /** Publishes a detector station's report (QoS 1 where the transport has it). */
  void publish(DetectorReport report);

  /** Publishes a junction's signal state. */
  void publish(SignalState state);

  /** Registers the receiver of commands; called from the transport's thread. */
  void onCommand(Consumer<SignalCommand> receiver);

  /**
   * Waits until everything published so far has been handed to the transport (acknowledged by the
   * broker for QoS 1), so that a count of published messages is exact.
   */
  default void flush() {}

  @Override
  default void close() {}
}

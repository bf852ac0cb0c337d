package io.citybrain.live.ingest;

import io.citybrain.live.contract.MessageKind;
import java.time.Instant;

/**
 * A message as a transport received it, before any check.
 *
 * @param kind the contract its topic carries
 * @param payload the bytes
 * @param source the topic or path it came from
 * @param receivedAt when the transport received it (wall clock)
 * @param acknowledge called once the message is stored or refused for good (MQTT PUBACK, Kafka
 *     offset commit); never called for a message that is still only in memory
 */
public record RawMessage(MessageKind kind, byte[] payload, String source, Instant receivedAt, Runnable acknowledge) {
  /** A message that needs no acknowledgement (in-process publishers, tests). */
  public static RawMessage of(MessageKind kind, byte[] payload, String source, Instant receivedAt) {
    return new RawMessage(kind, payload, source, receivedAt, () -> {});
  }
}

package io.citybrain.live.contract;

import java.time.Instant;

/**
 * Why a message, or one observation of a detector report, was refused: what a dead letter
 * records. Never carries more than {@link #EXCERPT_CHARS} characters of the payload.
 *
 * @param kind the contract the message was checked against
 * @param source where it came from (an MQTT or Kafka topic, an HTTP path)
 * @param field JSON path of the offending field ({@code $} for the whole message), e.g. {@code
 *     $.observations[3].occupancyFraction}
 * @param reason what was expected
 * @param observations how many observations the refusal covers (0 when the message could not be
 *     read as a report)
 * @param excerpt the payload's first characters
 * @param receivedAt when the message was received
 */
public record Rejection(
    MessageKind kind, String source, String field, String reason, int observations, String excerpt, Instant receivedAt) {
  /** Longest payload excerpt kept, characters. */
  public static final int EXCERPT_CHARS = 200;
}

package io.citybrain.live.contract;

import java.time.Instant;

/**
 * What a junction's signal controller shows ({@code signal-state-1.schema.json}).
 *
 * @param intersectionId the junction (roadnet intersection id)
 * @param seq per-intersection sequence number
 * @param phase the phase shown (roadnet phase index)
 * @param kind green or yellow change
 * @param since when this phase began
 * @param until when the controller next changes or re-decides, or {@code null} when unknown
 * @param source central commands or the local fixed plan
 * @param commandSeq the last command applied while central, or -1
 */
public record SignalState(
    String intersectionId,
    long seq,
    int phase,
    PhaseKind kind,
    Instant since,
    Instant until,
    ControlSource source,
    long commandSeq) {
  /** Schema name and version carried in the message's {@code schema} field. */
  public static final String SCHEMA = "citybrain.signal-state/1";
}

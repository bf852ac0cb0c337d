package io.citybrain.live.contract;

import java.time.Instant;

/**
 * The centre's decision for one junction ({@code signal-command-1.schema.json}): show green
 * {@code phase} from {@code since} (after a yellow change when it differs from the green shown)
 * and hold it until {@code until}, when the next decision is due. The field controller refuses it
 * when it arrives after {@code expiresAt}, or when it would cut a minimum green or a yellow short
 * or name a phase that is not a green.
 *
 * @param intersectionId the junction
 * @param seq per-intersection command number, increasing
 * @param phase the green phase to show
 * @param since the decision time
 * @param until the end of the hold, after {@code since}
 * @param expiresAt refuse the command after this instant
 * @param issuedAt wall-clock time of publication (latency accounting)
 * @param controller the algorithm that decided, {@code name@version}
 */
public record SignalCommand(
    String intersectionId,
    long seq,
    int phase,
    Instant since,
    Instant until,
    Instant expiresAt,
    Instant issuedAt,
    String controller) {
  /** Schema name and version carried in the message's {@code schema} field. */
  public static final String SCHEMA = "citybrain.signal-command/1";
}

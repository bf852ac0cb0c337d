package io.citybrain.live.ingest;

/**
 * The pipeline's counts at one moment (see {@link IngestCounters}), and whether they add up.
 *
 * @param messagesReceived messages handed over by the transports
 * @param messagesRefused whole messages refused (not JSON, wrong schema, a broken header)
 * @param reportsAccepted detector reports with at least one accepted observation
 * @param reportsRepeated detector reports received again (same station and number)
 * @param reportsMissing report numbers never received, between each station's first and latest
 * @param observationsReceived observations in messages that could be read as reports
 * @param observationsRefused observations refused (their own fault or their report's)
 * @param observationsRepeated observations dropped as repeats (a repeated report, or already stored)
 * @param observationsAccepted observations that passed every check
 * @param observationsStored observations written to history (committed)
 * @param observationsAggregated observations folded into a window
 * @param observationsLate stored observations whose window had already been emitted
 * @param meterReadingsAccepted meter readings that passed every check
 * @param meterReadingsStored meter readings written to history
 * @param signalStatesAccepted signal states accepted
 * @param backPressureWaits times a transport had to wait for room in the queue
 * @param storeRetries times a history write failed and was retried
 * @param queueDepth messages waiting in the queue
 */
public record Reconciliation(
    long messagesReceived,
    long messagesRefused,
    long reportsAccepted,
    long reportsRepeated,
    long reportsMissing,
    long observationsReceived,
    long observationsRefused,
    long observationsRepeated,
    long observationsAccepted,
    long observationsStored,
    long observationsAggregated,
    long observationsLate,
    long meterReadingsAccepted,
    long meterReadingsStored,
    long signalStatesAccepted,
    long backPressureWaits,
    long storeRetries,
    int queueDepth) {

  /**
   * Whether the counts add up once the queue is drained: received = accepted + refused + repeated,
   * accepted = stored, stored = aggregated + late, meter readings accepted = stored.
   */
  public boolean balanced() {
    return observationsReceived == observationsAccepted + observationsRefused + observationsRepeated
        && observationsAccepted == observationsStored
        && observationsStored == observationsAggregated + observationsLate
        && meterReadingsAccepted == meterReadingsStored;
  }
}

package io.citybrain.live.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's end-to-end counts, in observations unless named otherwise. Written by the
 * transports (received) and the pipeline's worker (the rest); read by anyone. They reconcile:
 * every observation received is accepted, refused or a repeat; every accepted one is stored; every
 * stored one is aggregated or counted late (see {@link Reconciliation}).
 */
public final class IngestCounters {
  final AtomicLong messagesReceived = new AtomicLong();
  final AtomicLong messagesRefused = new AtomicLong();
  final AtomicLong reportsAccepted = new AtomicLong();
  final AtomicLong reportsRepeated = new AtomicLong();
  final AtomicLong observationsReceived = new AtomicLong();
  final AtomicLong observationsRefused = new AtomicLong();
  final AtomicLong observationsRepeated = new AtomicLong();
  final AtomicLong observationsAccepted = new AtomicLong();
  final AtomicLong observationsStored = new AtomicLong();
  final AtomicLong observationsAggregated = new AtomicLong();
  final AtomicLong observationsLate = new AtomicLong();
  final AtomicLong meterReadingsAccepted = new AtomicLong();
  final AtomicLong meterReadingsStored = new AtomicLong();
  final AtomicLong signalStatesAccepted = new AtomicLong();
  final AtomicLong backPressureWaits = new AtomicLong();
  final AtomicLong storeRetries = new AtomicLong();
  volatile long reportsMissing;
  volatile int queueDepth;

  /** A consistent-enough copy (each count is read once; the worker may move on meanwhile). */
  public Reconciliation snapshot() {
    return new Reconciliation(
        messagesReceived.get(),
        messagesRefused.get(),
        reportsAccepted.get(),
        reportsRepeated.get(),
        reportsMissing,
        observationsReceived.get(),
        observationsRefused.get(),
        observationsRepeated.get(),
        observationsAccepted.get(),
        observationsStored.get(),
        observationsAggregated.get(),
        observationsLate.get(),
        meterReadingsAccepted.get(),
        meterReadingsStored.get(),
        signalStatesAccepted.get(),
        backPressureWaits.get(),
        storeRetries.get(),
        queueDepth);
  }
}

package io.citybrain.live.history;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.MeterReading;
import io.citybrain.live.contract.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ObservationStore} in memory: for tests, benchmarks of the pipeline alone, and runs
 * that ask for no history. Thread-safe; keeps everything until cleared.
 */
public final class MemoryObservationStore implements ObservationStore {
  private final Map<String, DetectorObservation> observations = new LinkedHashMap<>();
  private final Map<String, MeterReading> readings = new LinkedHashMap<>();
  private final List<Rejection> deadLetters = new ArrayList<>();

  @Override
  public synchronized void appendObservations(List<DetectorObservation> list) {
    for (DetectorObservation o : list) {
      observations.putIfAbsent(o.detectorId() + "@" + o.intervalStart().toEpochMilli(), o);
    }
  }

  @Override
  public synchronized void appendMeterReadings(List<MeterReading> list) {
    for (MeterReading m : list) {
      readings.putIfAbsent(m.meterId() + "@" + m.intervalStart().toEpochMilli(), m);
    }
  }

  @Override
  public synchronized void appendDeadLetters(List<Rejection> list) {
    deadLetters.addAll(list);
  }

  /** Distinct observations stored. */
  public synchronized int observationCount() {
    return observations.size();
  }

  /** Every stored observation, in first-stored order. */
  public synchronized List<DetectorObservation> observations() {
    return new ArrayList<>(observations.values());
  }

  /** Distinct meter readings stored. */
  public synchronized int meterReadingCount() {
    return readings.size();
  }

  /** Every dead letter, oldest first. */
  public synchronized List<Rejection> deadLetters() {
    return new ArrayList<>(deadLetters);
  }
}

package io.citybrain.live.history;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.MeterReading;
import io.citybrain.live.contract.Rejection;
import java.util.List;

/**
 * Where the live pipeline keeps what it accepted and refused. Writes are idempotent: storing an
 * observation again (same detector and interval start) or a reading again (same meter and
 * interval start) changes nothing, so that a message redelivered after a crash is harmless. Each
 * call is one transaction: when it returns, the data is durable; when it throws, none of it was
 * stored (the pipeline retries and acknowledges nothing meanwhile).
 */
public interface ObservationStore {

  /** Stores observations (one transaction). */
  void appendObservations(List<DetectorObservation> observations);

  /** Stores meter readings (one transaction). */
  void appendMeterReadings(List<MeterReading> readings);

  /** Stores refusals: the dead-letter table (one transaction). */
  void appendDeadLetters(List<Rejection> rejections);
}

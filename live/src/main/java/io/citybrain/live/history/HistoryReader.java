package io.citybrain.live.history;

import io.citybrain.live.aggregate.LaneAggregate;
import java.util.List;
import java.util.Map;

/**
 * Temporal queries over stored observations: what NGSI-LD's temporal API and the dashboard ask.
 * Aggregates over periods that are whole multiples of the 5-minute rollup come from the rollups
 * (fast); others from the rows themselves.
 */
public interface HistoryReader {
  /** Length of the stored rollups, ms (5 minutes). */
  long ROLLUP_MILLIS = 300_000;

  /**
   * Aggregates of one detector over {@code [fromMillis, toMillis)} in periods of {@code
   * periodMillis} aligned to the epoch, oldest first; periods without data are absent.
   */
  List<LaneAggregate> aggregates(String detectorId, long fromMillis, long toMillis, long periodMillis);

  /** The same for every detector, by detector id. */
  Map<String, List<LaneAggregate>> aggregatesOfAll(long fromMillis, long toMillis, long periodMillis);

  /** Stored observations of one detector, oldest first, at most {@code limit}. */
  List<io.citybrain.live.contract.DetectorObservation> observations(String detectorId, long fromMillis, long toMillis, int limit);

  /** Recomputes the rollup of one detector's window from its stored rows (idempotent). */
  void refreshRollup(String detectorId, long windowStartMillis);

  /**
   * Deletes observations, rollups, readings and dead letters older than {@code beforeMillis}
   * (retention).
   *
   * @return rows deleted
   */
  long deleteBefore(long beforeMillis);
}

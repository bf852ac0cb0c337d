package io.citybrain.platform.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A run as stored.
 *
 * @param id run id, from 1
 * @param run what was asked for
 * @param status current status
 * @param statusDetail why it failed ({@code interrupted}, an error message) or was cancelled, or empty
 * @param stepsDone steps simulated when it last stopped (live progress is kept in memory)
 * @param createdAt when it was queued
 * @param startedAt when a worker took it
 * @param finishedAt when it reached its final status
 * @param hasResults true when summary, time series and per-intersection results are stored
 */
public record RunRecord(
    long id,
    NewRun run,
    RunStatus status,
    Optional<String> statusDetail,
    int stepsDone,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    boolean hasResults) {

  /** The status as shown to people: {@code failed (interrupted)}, {@code succeeded}, ... */
  public String statusText() {
    return statusDetail.filter(d -> status == RunStatus.FAILED && d.length() <= 40)
        .map(d -> status.apiName() + " (" + d + ")")
        .orElse(status.apiName());
  }

  /** Controller parameters used. */
  public Map<String, Double> parameters() {
    return run.parameters();
  }
}

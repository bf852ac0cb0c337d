package io.citybrain.platform.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a job does. Every kind shares the job table, the queue and worker pool, cancellation, crash
 * recovery and the audit trail; each stores its own results.
 */
public enum JobKind {
  /** A traffic simulation with a signal controller ({@code POST /api/runs}). */
  TRAFFIC_RUN("traffic-run"),
  /** A dispatch of a MATPOWER case by a grid dispatcher ({@code POST /api/grid/dispatches}). */
  GRID_DISPATCH("grid-dispatch");

  private final String apiName;

  JobKind(String apiName) {
    this.apiName = apiName;
  }

  /** The name in the API and the database, e.g. {@code grid-dispatch}. */
  public String apiName() {
    return apiName;
  }

  /** The kind named {@code name}, if any. */
  public static Optional<JobKind> find(String name) {
    return Arrays.stream(values()).filter(k -> k.apiName.equals(name)).findFirst();
  }

  /**
   * The kind stored as {@code name}.
   *
   * @throws IllegalStateException for a name this version does not know (a newer database)
   */
  public static JobKind parse(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException("unknown job kind '" + name + "' in the database"));
  }
}

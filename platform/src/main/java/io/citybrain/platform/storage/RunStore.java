package io.citybrain.platform.storage;

import io.citybrain.traffic.metrics.IntersectionSummary;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.TimeSeriesPoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Runs and their results in SQL. Methods taking a {@link Handle} join the caller's transaction
 * (so a run and its audit entry are written together); the others open their own. Results are
 * only ever written together with the final status ({@link #finish}), in one transaction, so a
 * crash never leaves half of them.
 */
public final class RunStore {
  private static final String COLUMNS =
      "id, scenario_id, scenario_name, controller, controller_version, parameters_json, seed, steps,"
          + " interval_seconds, replay, pace_steps_per_second, status, status_detail, steps_done,"
          + " created_at_ms, started_at_ms, finished_at_ms, created_by, kind, algorithm_digest, jurisdiction_id,"
          + " CASE WHEN summary_json IS NULL AND result_json IS NULL THEN FALSE ELSE TRUE END AS has_results";

  private final Jdbi jdbi;

  /** A store over {@code database}. */
  public RunStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * Inserts a queued run.
   *
   * @return its id
   */
  public long insertQueued(Handle h, NewRun run, Instant now) {
    return h.createUpdate(
            "INSERT INTO runs (scenario_id, scenario_name, controller, controller_version, parameters_json, seed,"
                + " steps, interval_seconds, replay, pace_steps_per_second, status, steps_done, created_at_ms, created_by,"
                + " kind, algorithm_digest, jurisdiction_id)"
                + " VALUES (:scenarioId, :scenarioName, :controller, :controllerVersion, :parameters, :seed, :steps,"
                + " :interval, :replay, :pace, :status, 0, :now, :createdBy, :kind, :digest, :jurisdiction)")
        .bind("scenarioId", run.scenarioId())
        .bind("scenarioName", run.scenarioName())
        .bind("controller", run.controller())
        .bind("controllerVersion", run.controllerVersion())
        .bind("parameters", Json.write(run.parameters()))
        .bind("seed", run.seed())
        .bind("steps", run.steps())
        .bind("interval", run.intervalSeconds())
        .bind("replay", run.replay())
        .bind("pace", run.paceStepsPerSecond())
        .bind("status", RunStatus.QUEUED.apiName())
        .bind("now", now.toEpochMilli())
        .bind("createdBy", run.createdBy())
        .bind("kind", run.kind().apiName())
        .bind("digest", run.algorithmDigest())
        .bind("jurisdiction", run.jurisdictionId())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Moves a queued run to running.
   *
   * @return false when the run was no longer queued (e.g. cancelled meanwhile)
   */
  public boolean markRunning(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE runs SET status = :running, started_at_ms = :now WHERE id = :id AND status = :queued")
                    .bind("running", RunStatus.RUNNING.apiName())
                    .bind("queued", RunStatus.QUEUED.apiName())
                    .bind("now", now.toEpochMilli())
                    .bind("id", id)
                    .execute()
                == 1);
  }

  /**
   * Sets the final status of a run that is not final yet, with its results if any, inside the
   * caller's transaction.
   *
   * @param result the results to store, or null (failed runs, runs cancelled while queued)
   * @return false when the run was already final (nothing written)
   */
  public boolean finish(
      Handle h, long id, RunStatus status, String detail, int stepsDone, RunResult result, Instant now) {
    if (!status.terminal()) {
      throw new IllegalArgumentException("finish needs a final status, got " + status.apiName());
    }
    int updated =
        h.createUpdate(
                "UPDATE runs SET status = :status, status_detail = :detail, steps_done = :stepsDone,"
                    + " finished_at_ms = :now, summary_json = :summary"
                    + " WHERE id = :id AND status IN (:queued, :running)")
            .bind("status", status.apiName())
            .bind("detail", detail)
            .bind("stepsDone", stepsDone)
            .bind("now", now.toEpochMilli())
            .bind(
                "summary",
                result == null ? null : Json.write(ResultFiles.summaryMap(result)))
            .bind("id", id)
            .bind("queued", RunStatus.QUEUED.apiName())
            .bind("running", RunStatus.RUNNING.apiName())
            .execute();
    if (updated != 1) {
      return false;
    }
    if (result != null) {
      insertTimeSeries(h, id, result.timeSeries());
      insertIntersections(h, id, result.intersections());
    }
    return true;
  }

  /**
   * Sets the final status of a grid dispatch that is not final yet, with its result document if
   * any, inside the caller's transaction.
   *
   * @param resultJson the result document, or null (failed or cancelled dispatches)
   * @return false when the job was already final (nothing written)
   */
  public boolean finishDispatch(Handle h, long id, RunStatus status, String detail, String resultJson, Instant now) {
    if (!status.terminal()) {
      throw new IllegalArgumentException("finish needs a final status, got " + status.apiName());
    }
    return h.createUpdate(
                "UPDATE runs SET status = :status, status_detail = :detail, steps_done = :stepsDone,"
                    + " finished_at_ms = :now, result_json = :result"
                    + " WHERE id = :id AND kind = :kind AND status IN (:queued, :running)")
            .bind("status", status.apiName())
            .bind("detail", detail)
            .bind("stepsDone", resultJson == null ? 0 : 1)
            .bind("now", now.toEpochMilli())
            .bind("result", resultJson)
            .bind("id", id)
            .bind("kind", JobKind.GRID_DISPATCH.apiName())
            .bind("queued", RunStatus.QUEUED.apiName())
            .bind("running", RunStatus.RUNNING.apiName())
            .execute()
        == 1;
  }

  /** A grid dispatch's stored result document, if it has one. */
  public Optional<String> resultJson(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT result_json FROM runs WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .filter(s -> s != null));
  }

  private static void insertTimeSeries(Handle h, long id, List<TimeSeriesPoint> points) {
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO run_time_series (run_id, idx, time_seconds, vehicles_in_network, vehicles_waiting_to_enter,"
                + " vehicles_finished, throughput_vehicles, average_travel_time_seconds,"
                + " average_travel_time_finished_seconds, queue_length_vehicles, mean_queue_length_vehicles,"
                + " mean_speed_meters_per_second) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < points.size(); i++) {
      TimeSeriesPoint p = points.get(i);
      b.add(
          id,
          i,
          p.timeSeconds(),
          p.vehiclesInNetwork(),
          p.vehiclesWaitingToEnter(),
          p.vehiclesFinished(),
          p.throughputVehicles(),
          nullable(p.averageTravelTimeSeconds()),
          nullable(p.averageTravelTimeFinishedSeconds()),
          p.queueLengthVehicles(),
          nullable(p.meanQueueLengthVehicles()),
          nullable(p.meanSpeedMetersPerSecond()));
    }
    if (!points.isEmpty()) {
      b.execute();
    }
  }

  private static void insertIntersections(Handle h, long id, List<IntersectionSummary> rows) {
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO run_intersections (run_id, idx, intersection_id, signalized, vehicles_passed,"
                + " mean_queue_length_vehicles, max_queue_length_vehicles, mean_stopped_delay_seconds, phase_changes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < rows.size(); i++) {
      IntersectionSummary r = rows.get(i);
      b.add(
          id,
          i,
          r.intersectionId(),
          r.signalized(),
          r.vehiclesPassed(),
          nullable(r.meanQueueLengthVehicles()),
          r.maxQueueLengthVehicles(),
          nullable(r.meanStoppedDelaySeconds()),
          r.phaseChanges());
    }
    if (!rows.isEmpty()) {
      b.execute();
    }
  }

  private static Double nullable(double d) {
    return Double.isFinite(d) ? d : null;
  }

  /** Ids of runs left queued or running (by a process that is gone), oldest first. */
  public List<Long> unfinishedIds(Handle h) {
    return h.createQuery("SELECT id FROM runs WHERE status IN (:queued, :running) ORDER BY id")
        .bind("queued", RunStatus.QUEUED.apiName())
        .bind("running", RunStatus.RUNNING.apiName())
        .mapTo(Long.class)
        .list();
  }

  /** The run with {@code id}, if any. */
  public Optional<RunRecord> find(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  /** As {@link #find(long)}, in the caller's transaction. */
  public Optional<RunRecord> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> record(rs))
        .findOne();
  }

  /**
   * Traffic runs, newest first.
   *
   * @param status only runs with this status, or null for all
   * @param scenarioId only runs of this scenario, or null for all
   * @param limit at most this many, &ge; 1
   */
  public List<RunRecord> list(RunStatus status, String scenarioId, int limit) {
    return list(JobKind.TRAFFIC_RUN, status, scenarioId, limit);
  }

  /**
   * Jobs, newest first.
   *
   * @param kind only jobs of this kind, or null for every kind
   * @param status only jobs with this status, or null for all
   * @param scenarioId only jobs of this scenario (grid: case), or null for all
   * @param limit at most this many, &ge; 1
   */
  public List<RunRecord> list(JobKind kind, RunStatus status, String scenarioId, int limit) {
    return list(kind, status, scenarioId, null, limit);
  }

  /**
   * As {@link #list(JobKind, RunStatus, String, int)}, only jobs of the given jurisdictions.
   *
   * @param jurisdictions jurisdiction ids, or null for every jurisdiction
   */
  public List<RunRecord> list(JobKind kind, RunStatus status, String scenarioId, java.util.Set<String> jurisdictions, int limit) {
    if (jurisdictions != null && jurisdictions.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM runs WHERE 1 = 1");
    if (kind != null) {
      sql.append(" AND kind = :kind");
    }
    if (status != null) {
      sql.append(" AND status = :status");
    }
    if (scenarioId != null) {
      sql.append(" AND scenario_id = :scenario");
    }
    if (jurisdictions != null) {
      sql.append(" AND jurisdiction_id IN (<jurisdictions>)");
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    return jdbi.withHandle(
        h -> {
          Query q = h.createQuery(sql.toString()).bind("limit", limit);
          if (kind != null) {
            q.bind("kind", kind.apiName());
          }
          if (status != null) {
            q.bind("status", status.apiName());
          }
          if (scenarioId != null) {
            q.bind("scenario", scenarioId);
          }
          if (jurisdictions != null) {
            q.bindList("jurisdictions", new java.util.ArrayList<>(new java.util.TreeSet<>(jurisdictions)));
          }
          return q.map((rs, ctx) -> record(rs)).list();
        });
  }

  /** The stored summary JSON ({@code summary.json}'s content, compact), if the run has results. */
  public Optional<String> summaryJson(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT summary_json FROM runs WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .filter(s -> s != null));
  }

  /** The stored time series, in time order (empty when none). */
  public List<TimeSeriesPoint> timeSeries(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM run_time_series WHERE run_id = :id ORDER BY idx")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new TimeSeriesPoint(
                            rs.getDouble("time_seconds"),
                            rs.getInt("vehicles_in_network"),
                            rs.getInt("vehicles_waiting_to_enter"),
                            rs.getLong("vehicles_finished"),
                            rs.getLong("throughput_vehicles"),
                            num(rs, "average_travel_time_seconds"),
                            num(rs, "average_travel_time_finished_seconds"),
                            rs.getInt("queue_length_vehicles"),
                            num(rs, "mean_queue_length_vehicles"),
                            num(rs, "mean_speed_meters_per_second")))
                .list());
  }

  /** The stored per-intersection results, in network order (empty when none). */
  public List<IntersectionSummary> intersections(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM run_intersections WHERE run_id = :id ORDER BY idx")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new IntersectionSummary(
                            rs.getString("intersection_id"),
                            rs.getBoolean("signalized"),
                            rs.getLong("vehicles_passed"),
                            num(rs, "mean_queue_length_vehicles"),
                            rs.getInt("max_queue_length_vehicles"),
                            num(rs, "mean_stopped_delay_seconds"),
                            rs.getLong("phase_changes")))
                .list());
  }

  /** Number of runs stored. */
  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM runs").mapTo(Long.class).one());
  }

  private static double num(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  private static RunRecord record(ResultSet rs) throws SQLException {
    NewRun run =
        new NewRun(
            rs.getString("scenario_id"),
            rs.getString("scenario_name"),
            rs.getString("controller"),
            rs.getString("controller_version"),
            Json.readNumberMap(rs.getString("parameters_json")),
            rs.getLong("seed"),
            rs.getInt("steps"),
            rs.getDouble("interval_seconds"),
            rs.getBoolean("replay"),
            rs.getDouble("pace_steps_per_second"),
            rs.getString("created_by"),
            JobKind.parse(rs.getString("kind")),
            rs.getString("algorithm_digest"),
            rs.getString("jurisdiction_id"));
    return new RunRecord(
        rs.getLong("id"),
        run,
        RunStatus.parse(rs.getString("status")),
        Optional.ofNullable(rs.getString("status_detail")),
        rs.getInt("steps_done"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        instant(rs, "started_at_ms"),
        instant(rs, "finished_at_ms"),
        rs.getBoolean("has_results"));
  }
}

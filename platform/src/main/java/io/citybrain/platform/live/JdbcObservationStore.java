package io.citybrain.platform.live;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.MeterReading;
import io.citybrain.live.contract.Rejection;
import io.citybrain.live.history.HistoryReader;
import io.citybrain.live.history.ObservationStore;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseKind;
import io.citybrain.platform.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live history in the platform's database (H2 embedded or PostgreSQL; tables of migration V2).
 * Writes are batched, one transaction per call, and idempotent: H2 replaces a row with the same
 * key ({@code MERGE ... KEY}), PostgreSQL keeps the first ({@code ON CONFLICT DO NOTHING}); a
 * redelivered observation carries the same values, so both leave the same table. Rollups are
 * recomputed from the rows when a window closes, so they never count an observation twice.
 */
public final class JdbcObservationStore implements ObservationStore, HistoryReader {
  private final Database db;
  private final boolean postgres;

  public JdbcObservationStore(Database db) {
    this.db = db;
    this.postgres = db.kind() == DatabaseKind.POSTGRESQL;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T reading(String what, Work<T> work) {
    try {
      return db.jdbi().withHandle(h -> work.run(h.getConnection()));
    } catch (SQLException | RuntimeException e) {
      throw new StorageException("live history: " + what + " failed: " + e.getMessage(), e);
    }
  }

  private <T> T inTransaction(String what, Work<T> work) {
    return reading(what, c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    });
  }

  @Override
  public void appendObservations(List<DetectorObservation> list) {
    String sql = postgres
        ? "INSERT INTO live_observations (detector_id, interval_start_ms, interval_end_ms, lane_id, vehicle_count, occupancy,"
            + " speed_mps, vehicles_present, vehicles_halting) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"
        : "MERGE INTO live_observations (detector_id, interval_start_ms, interval_end_ms, lane_id, vehicle_count, occupancy,"
            + " speed_mps, vehicles_present, vehicles_halting) KEY (detector_id, interval_start_ms) VALUES (?,?,?,?,?,?,?,?,?)";
    inTransaction("storing " + list.size() + " observations", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (DetectorObservation o : list) {
          ps.setString(1, o.detectorId());
          ps.setLong(2, o.intervalStart().toEpochMilli());
          ps.setLong(3, o.intervalEnd().toEpochMilli());
          ps.setString(4, o.laneId());
          ps.setInt(5, o.count());
          ps.setDouble(6, o.occupancyFraction());
          setDouble(ps, 7, o.meanSpeedMetersPerSecond());
          setInt(ps, 8, o.vehiclesPresent());
          setInt(ps, 9, o.vehiclesHalting());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void appendMeterReadings(List<MeterReading> list) {
    String sql = postgres
        ? "INSERT INTO live_meter_readings (meter_id, interval_start_ms, interval_end_ms, meter_level, active_energy_kwh,"
            + " reactive_energy_kvarh, voltage_mean_v, bus_id) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"
        : "MERGE INTO live_meter_readings (meter_id, interval_start_ms, interval_end_ms, meter_level, active_energy_kwh,"
            + " reactive_energy_kvarh, voltage_mean_v, bus_id) KEY (meter_id, interval_start_ms) VALUES (?,?,?,?,?,?,?,?)";
    inTransaction("storing " + list.size() + " meter readings", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (MeterReading m : list) {
          ps.setString(1, m.meterId());
          ps.setLong(2, m.intervalStart().toEpochMilli());
          ps.setLong(3, m.intervalEnd().toEpochMilli());
          ps.setString(4, m.level().wire());
          ps.setDouble(5, m.activeEnergyKilowattHours());
          setDouble(ps, 6, m.reactiveEnergyKilovarHours());
          setDouble(ps, 7, m.voltageMeanVolts());
          ps.setString(8, m.busId());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void appendDeadLetters(List<Rejection> list) {
    inTransaction("storing " + list.size() + " dead letters", c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO live_dead_letters (received_at_ms, kind, source, field, reason,"
          + " observations, excerpt) VALUES (?,?,?,?,?,?,?)")) {
        for (Rejection r : list) {
          ps.setLong(1, r.receivedAt().toEpochMilli());
          ps.setString(2, r.kind().label());
          ps.setString(3, cut(r.source(), 255));
          ps.setString(4, cut(r.field(), 255));
          ps.setString(5, cut(r.reason(), 2000));
          ps.setInt(6, r.observations());
          ps.setString(7, cut(r.excerpt(), 800));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** The latest dead letters, newest first. */
  public List<Map<String, Object>> deadLetters(int limit) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT received_at_ms, kind, source, field, reason, observations, excerpt"
        + " FROM live_dead_letters ORDER BY id DESC").setMaxRows(limit).mapToMap().list());
  }

  /**
   * Recomputes one rollup from the rows. Synchronized: the clock (a window closing) and the
   * pipeline (a late observation) may refresh the same window at once, and two concurrent
   * delete-then-insert transactions would collide on its key.
   */
  @Override
  public synchronized void refreshRollup(String detectorId, long windowStartMillis) {
    inTransaction("rolling up " + detectorId, c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM live_rollups WHERE detector_id = ? AND window_start_ms = ?")) {
        del.setString(1, detectorId);
        del.setLong(2, windowStartMillis);
        del.executeUpdate();
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO live_rollups (detector_id, window_start_ms, lane_id, observations,"
          + " vehicle_count, observed_ms, occupancy_ms, occupancy_min, occupancy_max, speed_times_count, speed_count, speed_min,"
          + " speed_max) SELECT detector_id, ?, MAX(lane_id), COUNT(*), SUM(vehicle_count), SUM(interval_end_ms - interval_start_ms),"
          + " SUM(occupancy * (interval_end_ms - interval_start_ms)), MIN(occupancy), MAX(occupancy),"
          + " SUM(CASE WHEN speed_mps IS NULL THEN 0 ELSE speed_mps * vehicle_count END),"
          + " SUM(CASE WHEN speed_mps IS NULL THEN 0 ELSE vehicle_count END), MIN(speed_mps), MAX(speed_mps)"
          + " FROM live_observations WHERE detector_id = ? AND interval_start_ms >= ? AND interval_start_ms < ? GROUP BY detector_id")) {
        ins.setLong(1, windowStartMillis);
        ins.setString(2, detectorId);
        ins.setLong(3, windowStartMillis);
        ins.setLong(4, windowStartMillis + ROLLUP_MILLIS);
        ins.executeUpdate();
      }
      return null;
    });
  }

  /** Rebuilds every rollup from the rows (after a bulk load). */
  public synchronized void rebuildRollups() {
    inTransaction("rebuilding rollups", c -> {
      try (var st = c.createStatement()) {
        st.executeUpdate("DELETE FROM live_rollups");
        st.executeUpdate("INSERT INTO live_rollups (detector_id, window_start_ms, lane_id, observations, vehicle_count, observed_ms,"
            + " occupancy_ms, occupancy_min, occupancy_max, speed_times_count, speed_count, speed_min, speed_max)"
            + " SELECT detector_id, (interval_start_ms / " + ROLLUP_MILLIS + ") * " + ROLLUP_MILLIS + ", MAX(lane_id), COUNT(*),"
            + " SUM(vehicle_count), SUM(interval_end_ms - interval_start_ms), SUM(occupancy * (interval_end_ms - interval_start_ms)),"
            + " MIN(occupancy), MAX(occupancy), SUM(CASE WHEN speed_mps IS NULL THEN 0 ELSE speed_mps * vehicle_count END),"
            + " SUM(CASE WHEN speed_mps IS NULL THEN 0 ELSE vehicle_count END), MIN(speed_mps), MAX(speed_mps)"
            + " FROM live_observations GROUP BY detector_id, (interval_start_ms / " + ROLLUP_MILLIS + ")");
      }
      return null;
    });
  }

  @Override
  public List<LaneAggregate> aggregates(String detectorId, long fromMillis, long toMillis, long periodMillis) {
    return query(detectorId, fromMillis, toMillis, periodMillis).getOrDefault(detectorId, List.of());
  }

  @Override
  public Map<String, List<LaneAggregate>> aggregatesOfAll(long fromMillis, long toMillis, long periodMillis) {
    return query(null, fromMillis, toMillis, periodMillis);
  }

  private Map<String, List<LaneAggregate>> query(String detectorId, long from, long to, long period) {
    if (period <= 0) {
      throw new IllegalArgumentException("an aggregation period must be > 0 ms, got " + period);
    }
    if (period % ROLLUP_MILLIS != 0 || from % ROLLUP_MILLIS != 0) {
      return query(detectorId, from, to, period, false);
    }
    // closed windows from the rollups, the windows still open from the rows
    long rolledUpTo = reading("reading the rollup watermark", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(window_start_ms) FROM live_rollups"
          + (detectorId == null ? "" : " WHERE detector_id = ?"))) {
        if (detectorId != null) {
          ps.setString(1, detectorId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long max = rs.getLong(1);
          return rs.wasNull() ? from : max + ROLLUP_MILLIS;
        }
      }
    });
    long split = Math.max(from, Math.min(to, rolledUpTo));
    Map<String, List<LaneAggregate>> closed = split > from ? query(detectorId, from, split, period, true) : new LinkedHashMap<>();
    if (split < to) {
      query(detectorId, split, to, period, false).forEach((id, open) -> {
        List<LaneAggregate> list = closed.computeIfAbsent(id, k -> new ArrayList<>());
        for (LaneAggregate a : open) {
          LaneAggregate last = list.isEmpty() ? null : list.get(list.size() - 1);
          if (last != null && last.windowStartMillis() == a.windowStartMillis()) {
            list.set(list.size() - 1, combine(last, a));
          } else {
            list.add(a);
          }
        }
      });
    }
    return closed;
  }

  /** Two partial aggregates of the same period (rolled-up part and open part) as one. */
  static LaneAggregate combine(LaneAggregate a, LaneAggregate b) {
    double seconds = a.observedSeconds() + b.observedSeconds();
    double occupancy = seconds > 0
        ? (a.occupancyMeanFraction() * a.observedSeconds() + b.occupancyMeanFraction() * b.observedSeconds()) / seconds : 0;
    double speed;
    long ca = Double.isNaN(a.speedMeanMetersPerSecond()) ? 0 : a.count();
    long cb = Double.isNaN(b.speedMeanMetersPerSecond()) ? 0 : b.count();
    speed = ca + cb == 0 ? Double.NaN
        : ((ca == 0 ? 0 : a.speedMeanMetersPerSecond() * ca) + (cb == 0 ? 0 : b.speedMeanMetersPerSecond() * cb)) / (ca + cb);
    return new LaneAggregate(a.detectorId(), a.laneId(), a.windowStartMillis(), a.windowEndMillis(), a.observations() + b.observations(),
        a.count() + b.count(), seconds, occupancy, Math.min(a.occupancyMinFraction(), b.occupancyMinFraction()),
        Math.max(a.occupancyMaxFraction(), b.occupancyMaxFraction()), speed, minNaN(a.speedMinMetersPerSecond(), b.speedMinMetersPerSecond()),
        maxNaN(a.speedMaxMetersPerSecond(), b.speedMaxMetersPerSecond()));
  }

  private static double minNaN(double x, double y) {
    return Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.min(x, y);
  }

  private static double maxNaN(double x, double y) {
    return Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.max(x, y);
  }

  private Map<String, List<LaneAggregate>> query(String detectorId, long from, long to, long period, boolean fromRollups) {
    String bucket = fromRollups ? "(window_start_ms / " + period + ") * " + period : "(interval_start_ms / " + period + ") * " + period;
    String sql = fromRollups
        ? "SELECT detector_id, " + bucket + " AS b, MAX(lane_id) AS lane, SUM(observations) AS n, SUM(vehicle_count) AS cnt,"
            + " SUM(observed_ms) AS obs_ms, SUM(occupancy_ms) AS occ_ms, MIN(occupancy_min) AS occ_min, MAX(occupancy_max) AS occ_max,"
            + " SUM(speed_times_count) AS stc, SUM(speed_count) AS sc, MIN(speed_min) AS smin, MAX(speed_max) AS smax"
            + " FROM live_rollups WHERE window_start_ms >= ? AND window_start_ms < ?"
            + (detectorId == null ? "" : " AND detector_id = ?")
            + " GROUP BY detector_id, " + bucket + " ORDER BY detector_id, b"
        : "SELECT detector_id, " + bucket + " AS b, MAX(lane_id) AS lane, COUNT(*) AS n, SUM(vehicle_count) AS cnt,"
            + " SUM(interval_end_ms - interval_start_ms) AS obs_ms, SUM(occupancy * (interval_end_ms - interval_start_ms)) AS occ_ms,"
            + " MIN(occupancy) AS occ_min, MAX(occupancy) AS occ_max,"
            + " SUM(CASE WHEN speed_mps IS NULL THEN 0 ELSE speed_mps * vehicle_count END) AS stc,"
            + " SUM(CASE WHEN speed_mps IS NULL THEN 0 ELSE vehicle_count END) AS sc, MIN(speed_mps) AS smin, MAX(speed_mps) AS smax"
            + " FROM live_observations WHERE interval_start_ms >= ? AND interval_start_ms < ?"
            + (detectorId == null ? "" : " AND detector_id = ?")
            + " GROUP BY detector_id, " + bucket + " ORDER BY detector_id, b";
    return reading("aggregating", c -> {
      Map<String, List<LaneAggregate>> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, from);
        ps.setLong(2, to);
        if (detectorId != null) {
          ps.setString(3, detectorId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            long b = rs.getLong(2);
            long obsMs = rs.getLong(6);
            long sc = rs.getLong(11);
            double smin = rs.getDouble(12);
            boolean noSpeed = rs.wasNull();
            double smax = rs.getDouble(13);
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new LaneAggregate(id, rs.getString(3), b, b + period,
                rs.getLong(4), rs.getLong(5), obsMs / 1000.0, obsMs > 0 ? rs.getDouble(7) / obsMs : 0, rs.getDouble(8),
                rs.getDouble(9), sc > 0 ? rs.getDouble(10) / sc : Double.NaN, noSpeed ? Double.NaN : smin,
                noSpeed ? Double.NaN : smax));
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<DetectorObservation> observations(String detectorId, long from, long to, int limit) {
    return reading("reading observations", c -> {
      List<DetectorObservation> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT lane_id, interval_start_ms, interval_end_ms,"
          + " vehicle_count, occupancy, speed_mps, vehicles_present, vehicles_halting FROM live_observations WHERE detector_id = ?"
          + " AND interval_start_ms >= ? AND interval_start_ms < ? ORDER BY interval_start_ms")) {
        ps.setString(1, detectorId);
        ps.setLong(2, from);
        ps.setLong(3, to);
        ps.setMaxRows(limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            double speed = rs.getDouble(6);
            boolean noSpeed = rs.wasNull();
            int present = rs.getInt(7);
            boolean noPresence = rs.wasNull();
            int halting = rs.getInt(8);
            out.add(new DetectorObservation(detectorId, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4), rs.getDouble(5), noSpeed ? Double.NaN : speed,
                noPresence ? -1 : present, noPresence ? -1 : halting, null, null));
          }
        }
      }
      return out;
    });
  }

  @Override
  public long deleteBefore(long beforeMillis) {
    return inTransaction("deleting history before " + Instant.ofEpochMilli(beforeMillis), c -> {
      long n = 0;
      n += delete(c, "DELETE FROM live_observations WHERE interval_start_ms < ?", beforeMillis);
      n += delete(c, "DELETE FROM live_rollups WHERE window_start_ms < ?", beforeMillis - ROLLUP_MILLIS + 1);
      n += delete(c, "DELETE FROM live_meter_readings WHERE interval_start_ms < ?", beforeMillis);
      n += delete(c, "DELETE FROM live_dead_letters WHERE received_at_ms < ?", beforeMillis);
      return n;
    });
  }

  /** Observations stored (for reconciliation across restarts). */
  public long observationCount() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM live_observations").mapTo(Long.class).one());
  }

  private static long delete(Connection c, String sql, long before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, before);
      return ps.executeUpdate();
    }
  }

  private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isNaN(v)) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static void setInt(PreparedStatement ps, int i, int v) throws SQLException {
    if (v < 0) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  private static String cut(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}

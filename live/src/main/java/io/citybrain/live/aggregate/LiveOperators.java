package io.citybrain.live.aggregate;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.health.DetectorHealthRules;
import io.citybrain.live.health.DetectorHealthState;
import io.citybrain.live.health.DetectorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The embedded runner of the keyed operators: per detector, its window ({@link LaneWindows}) and
 * its health ({@link DetectorHealthRules}), plus the latest observation per lane. Two threads
 * write: the pipeline's worker ({@link #observe}) and a clock ({@link #advanceTo}); the state is
 * changed under one lock, so a clock tick never flushes a window while an observation is being
 * folded into it. Windows the clock closes are handed to the listeners after the lock is released
 * (they may write to a database). Any thread may read the snapshots. The Flink job calls the same
 * {@link LaneWindows} and {@link DetectorHealthRules} from its keyed functions.
 */
public final class LiveOperators {
  private final LaneWindows windows;
  private final DetectorHealthRules health;
  private final long allowedLatenessMillis;
  private final Map<String, WindowAccumulator> open = new ConcurrentHashMap<>();
  private final Map<String, DetectorHealthState> healthStates = new ConcurrentHashMap<>();
  private final Map<String, DetectorObservation> latestByLane = new ConcurrentHashMap<>();
  private final List<Consumer<LaneAggregate>> aggregateListeners = new CopyOnWriteArrayList<>();
  private final List<HealthListener> healthListeners = new CopyOnWriteArrayList<>();

  /** Told when a detector's status changes. */
  public interface HealthListener {
    void changed(String detectorId, String laneId, DetectorStatus before, DetectorStatus after, long atMillis);
  }

  /**
   * @param windows the window length
   * @param health the health rules
   * @param allowedLatenessSeconds how long after a window's end {@link #advanceTo} waits before
   *     emitting it, s &ge; 0
   */
  public LiveOperators(LaneWindows windows, DetectorHealthRules health, double allowedLatenessSeconds) {
    if (!(allowedLatenessSeconds >= 0)) {
      throw new IllegalArgumentException("allowedLatenessSeconds must be >= 0, got " + allowedLatenessSeconds);
    }
    this.windows = windows;
    this.health = health;
    this.allowedLatenessMillis = Math.round(allowedLatenessSeconds * 1000);
  }

  /** Adds a receiver of emitted windows (called on the writer's thread). */
  public void onAggregate(Consumer<LaneAggregate> listener) {
    aggregateListeners.add(listener);
  }

  /** Adds a receiver of detector status changes (called on the writer's thread). */
  public void onHealthChange(HealthListener listener) {
    healthListeners.add(listener);
  }

  /**
   * Takes one accepted observation.
   *
   * @return true when folded into its window, false when late
   */
  public synchronized boolean observe(DetectorObservation o) {
    latestByLane.merge(o.laneId(), o, (a, b) -> b.intervalEnd().isAfter(a.intervalEnd()) ? b : a);
    DetectorHealthState hs = healthStates.computeIfAbsent(o.detectorId(), k -> new DetectorHealthState());
    DetectorStatus before = hs.status;
    DetectorStatus after = health.observe(hs, o);
    if (after != before) {
      for (HealthListener l : healthListeners) {
        l.changed(o.detectorId(), o.laneId(), before, after, o.intervalEnd().toEpochMilli());
      }
    }
    WindowAccumulator acc = open.computeIfAbsent(o.detectorId(), k -> new WindowAccumulator());
    return windows.add(acc, o, this::emit);
  }

  /**
   * Moves the clock: emits windows that ended at least the allowed lateness before {@code
   * nowMillis}, and re-judges detector health (silent detectors).
   */
  public void advanceTo(long nowMillis) {
    long before = nowMillis - allowedLatenessMillis;
    List<LaneAggregate> closed = new ArrayList<>();
    List<Runnable> changes = new ArrayList<>();
    synchronized (this) {
      for (WindowAccumulator acc : open.values()) {
        windows.flush(acc, before, closed::add);
      }
      for (DetectorHealthState hs : healthStates.values()) {
        DetectorStatus was = hs.status;
        DetectorStatus now = health.check(hs, nowMillis);
        if (now != was) {
          String id = hs.detectorId;
          String lane = hs.laneId;
          changes.add(() -> healthListeners.forEach(l -> l.changed(id, lane, was, now, nowMillis)));
        }
      }
    }
    closed.forEach(this::emit);
    changes.forEach(Runnable::run);
  }

  /** Emits every open window (end of input). */
  public void flushAll() {
    List<LaneAggregate> closed = new ArrayList<>();
    synchronized (this) {
      for (WindowAccumulator acc : open.values()) {
        windows.flush(acc, Long.MAX_VALUE, closed::add);
      }
    }
    closed.forEach(this::emit);
  }

  private void emit(LaneAggregate a) {
    for (Consumer<LaneAggregate> l : aggregateListeners) {
      l.accept(a);
    }
  }

  /** The latest observation of {@code laneId}, or null. */
  public DetectorObservation latest(String laneId) {
    return latestByLane.get(laneId);
  }

  /** Latest observation per lane (a live view). */
  public Map<String, DetectorObservation> latestByLane() {
    return latestByLane;
  }

  /** One detector's health now. */
  public record HealthRow(String detectorId, String laneId, DetectorStatus status, long lastReportMillis) {}

  /** Every detector's health, as last judged. */
  public synchronized List<HealthRow> health() {
    List<HealthRow> rows = new ArrayList<>();
    healthStates.forEach((id, s) -> rows.add(new HealthRow(id, s.laneId, s.status, s.lastReportMillis)));
    rows.sort((a, b) -> a.detectorId().compareTo(b.detectorId()));
    return rows;
  }

  /** The status of {@code detectorId}, or {@link DetectorStatus#SILENT} when never heard. */
  public DetectorStatus status(String detectorId) {
    DetectorHealthState s = healthStates.get(detectorId);
    return s == null ? DetectorStatus.SILENT : s.status;
  }

  /** The window arithmetic in use. */
  public LaneWindows windows() {
    return windows;
  }
}

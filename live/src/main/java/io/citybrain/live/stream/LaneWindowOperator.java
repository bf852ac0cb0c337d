package io.citybrain.live.stream;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.aggregate.LaneWindows;
import io.citybrain.live.aggregate.WindowAccumulator;
import io.citybrain.live.contract.DetectorObservation;
import java.util.function.Consumer;

/**
 * {@link LaneWindows} as a {@link KeyedOperator}: keyed by detector, one open window per key,
 * emitted when a later window starts or when event time passes the window's end plus the allowed
 * lateness. The embedded runner ({@link io.citybrain.live.aggregate.LiveOperators}) calls the same
 * {@link LaneWindows}, so both engines give the same aggregates for the same per-detector order.
 */
public final class LaneWindowOperator implements KeyedOperator<DetectorObservation, WindowAccumulator, LaneAggregate> {
  private static final long serialVersionUID = 1L;

  private final double windowSeconds;
  private final long allowedLatenessMillis;
  private transient LaneWindows windows;

  /**
   * @param windowSeconds window length, s
   * @param allowedLatenessMillis how long after a window's end its timer fires, ms
   */
  public LaneWindowOperator(double windowSeconds, long allowedLatenessMillis) {
    this.windowSeconds = windowSeconds;
    this.allowedLatenessMillis = allowedLatenessMillis;
  }

  private LaneWindows windows() {
    if (windows == null) {
      windows = new LaneWindows(windowSeconds);
    }
    return windows;
  }

  @Override
  public Class<WindowAccumulator> stateClass() {
    return WindowAccumulator.class;
  }

  @Override
  public WindowAccumulator newState() {
    return new WindowAccumulator();
  }

  @Override
  public String keyOf(DetectorObservation o) {
    return o.detectorId();
  }

  @Override
  public long timestampOf(DetectorObservation o) {
    return o.intervalStart().toEpochMilli();
  }

  @Override
  public void onElement(WindowAccumulator state, DetectorObservation o, Consumer<LaneAggregate> out) {
    windows().add(state, o, out);
  }

  @Override
  public long timerAt(WindowAccumulator state) {
    return state.isOpen() ? state.windowStartMillis + windows().windowMillis() + allowedLatenessMillis : Long.MIN_VALUE;
  }

  @Override
  public void onTimer(WindowAccumulator state, long timestamp, Consumer<LaneAggregate> out) {
    windows().flush(state, timestamp == Long.MAX_VALUE ? Long.MAX_VALUE : timestamp - allowedLatenessMillis, out);
  }
}

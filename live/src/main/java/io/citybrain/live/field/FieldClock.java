package io.citybrain.live.field;

import java.time.Instant;

/**
 * Maps the simulator's steps to the instants the field stamps on its messages: step {@code k}
 * ends at {@code origin + k × interval}. In real time the origin is the wall-clock start; faster
 * runs keep the same mapping, so their messages carry the field's own clock.
 *
 * @param originMillis instant of step 0, ms since the epoch
 * @param intervalSeconds simulated seconds per step, &gt; 0
 */
public record FieldClock(long originMillis, double intervalSeconds) {

  /** The instant at which step {@code k} begins (and step k-1 ends). */
  public Instant instantOfStep(long k) {
    return Instant.ofEpochMilli(millisOfStep(k));
  }

  /** {@link #instantOfStep} in ms since the epoch. */
  public long millisOfStep(long k) {
    return originMillis + Math.round(k * intervalSeconds * 1000);
  }

  /** The step at or after {@code instant} (the first step whose start is not earlier). */
  public long stepAtOrAfter(Instant instant) {
    double steps = (instant.toEpochMilli() - originMillis) / (intervalSeconds * 1000);
    return (long) Math.ceil(steps - 1e-9);
  }

  /** Simulated seconds since step 0 at {@code epochMillis}. */
  public double secondsAt(long epochMillis) {
    return (epochMillis - originMillis) / 1000.0;
  }
}

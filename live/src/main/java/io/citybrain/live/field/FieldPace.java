package io.citybrain.live.field;

/**
 * How the field's clock runs.
 *
 * @param realTimeFactor simulated seconds per wall second when paced (1 = real time); {@code 0}
 *     for lock-step: no pacing, and each step waits for the commands due at it
 * @param commandWaitMillis lock-step only: how long a step waits for due commands before the
 *     cabinets take their local plans, wall ms
 */
public record FieldPace(double realTimeFactor, long commandWaitMillis) {
  public FieldPace {
    if (!(realTimeFactor >= 0) || commandWaitMillis < 0) {
      throw new IllegalArgumentException("realTimeFactor must be >= 0 and commandWaitMillis >= 0; got "
          + realTimeFactor + ", " + commandWaitMillis);
    }
  }

  /** Lock-step: every step waits up to {@code commandWaitMillis} for its commands. */
  public static FieldPace lockStep(long commandWaitMillis) {
    return new FieldPace(0, commandWaitMillis);
  }

  /** Paced: {@code factor} simulated seconds per wall second. */
  public static FieldPace paced(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("a paced field needs a factor > 0, got " + factor);
    }
    return new FieldPace(factor, 0);
  }

  /** Whether steps wait for their commands. */
  public boolean lockStep() {
    return realTimeFactor == 0;
  }
}

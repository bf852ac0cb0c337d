package io.citybrain.live.anomaly;

/** What {@link SeriesGuard} did with one incoming point. */
public enum PointStatus {
  /** Passed to the detector; its score is the detector's. */
  SCORED,
  /**
   * Passed to the detector and scored, but it came after a gap: more than {@link
   * SeriesGuard#GAP_FACTOR} times the smallest interval seen so far since the previous point. No
   * values are invented for the gap.
   */
  SCORED_AFTER_GAP,
  /** The value was NaN or infinite: not passed to the detector (its state is unchanged); score 0. */
  MISSING_VALUE,
  /** Same timestamp as the previous accepted point: not passed on (the first one counts); score 0. */
  DUPLICATE_TIMESTAMP,
  /** Earlier than the previous accepted point: not passed on (a detector cannot go back); score 0. */
  OUT_OF_ORDER;

  /** Whether the detector saw the point. */
  public boolean scored() {
    return this == SCORED || this == SCORED_AFTER_GAP;
  }
}

package io.citybrain.live.control;

import java.time.Duration;

/**
 * Timing of the live control loop.
 *
 * @param intervalSeconds the field's step, s (decisions fall on whole steps), &gt; 0
 * @param staleAfterSeconds a lane whose latest report is older than this, in the field's clock,
 *     makes its junctions degrade: the loop stops commanding them and their cabinets return to the
 *     fixed plan (see {@link io.citybrain.live.field.SignalCabinets}), s &gt; 0
 * @param commandTtlSeconds a command expires this long after its decision time, s &gt; 0
 * @param roundWait how long a round (the reports ending at one instant) may wait for its last
 *     reports, in wall time, before the loop decides with what it has
 */
public record LoopSettings(double intervalSeconds, double staleAfterSeconds, double commandTtlSeconds, Duration roundWait) {

  public LoopSettings {
    if (!(intervalSeconds > 0) || !(staleAfterSeconds > 0) || !(commandTtlSeconds > 0) || roundWait.isNegative()) {
      throw new IllegalArgumentException("loop settings need intervalSeconds, staleAfterSeconds and commandTtlSeconds > 0"
          + " and roundWait >= 0; got " + intervalSeconds + ", " + staleAfterSeconds + ", " + commandTtlSeconds + ", " + roundWait);
    }
  }

  /** 1 s steps, 5 s staleness, 2 s command lifetime, 250 ms round wait. */
  public static LoopSettings defaults() {
    return new LoopSettings(1, 5, 2, Duration.ofMillis(250));
  }
}

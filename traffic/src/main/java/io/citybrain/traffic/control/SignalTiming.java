package io.citybrain.traffic.control;

/**
 * Timing rules the engine enforces around every controller's decisions.
 *
 * @param minGreenSeconds shortest time a newly chosen green is shown, s, &ge; 0
 * @param yellowSeconds time the yellow/all-red phase is shown between two different greens, s,
 *     &ge; 0 (0: switch directly)
 * @param decisionIntervalSeconds time until the next decision when a controller keeps its
 *     green, s, &gt; 0
 */
public record SignalTiming(double minGreenSeconds, double yellowSeconds, double decisionIntervalSeconds) {

  public SignalTiming {
    if (!(minGreenSeconds >= 0) || !(yellowSeconds >= 0) || !(decisionIntervalSeconds > 0)) {
      throw new IllegalArgumentException(
          "signal timing needs minGreenSeconds >= 0, yellowSeconds >= 0 and decisionIntervalSeconds > 0; got "
              + minGreenSeconds
              + ", "
              + yellowSeconds
              + ", "
              + decisionIntervalSeconds);
    }
  }
}

package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.List;

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

  /** The timing from the {@code minGreenSeconds}, {@code yellowSeconds} and {@code decisionIntervalSeconds} values. */
  public static SignalTiming of(ParameterValues p) {
    return new SignalTiming(p.get("minGreenSeconds"), p.get("yellowSeconds"), p.get("decisionIntervalSeconds"));
  }

  /** The engine's timing parameters with the given defaults, s. */
  public static List<ParameterSpec> parameters(
      double minGreenSeconds, double yellowSeconds, double decisionIntervalSeconds) {
    return List.of(
        new ParameterSpec(
            "minGreenSeconds", minGreenSeconds, 0, 3600, "s", "shortest time a newly chosen green is shown"),
        new ParameterSpec(
            "yellowSeconds", yellowSeconds, 0, 60, "s", "yellow/all-red time between two different greens"),
        new ParameterSpec(
            "decisionIntervalSeconds",
            decisionIntervalSeconds,
            1,
            3600,
            "s",
            "time until the next decision when the green is kept"));
  }
}

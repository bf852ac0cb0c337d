package io.citybrain.traffic.control;

/**
 * A numeric parameter a controller accepts.
 *
 * @param name parameter name, e.g. {@code minGreenSeconds}
 * @param defaultValue value used when none is given
 * @param min smallest valid value (inclusive)
 * @param max largest valid value (inclusive)
 * @param unit unit of the value (s, m, vehicles, 1)
 * @param description what it does
 */
public record ParameterSpec(
    String name, double defaultValue, double min, double max, String unit, String description) {

  public ParameterSpec {
    if (!(min <= defaultValue && defaultValue <= max)) {
      throw new IllegalArgumentException("default of " + name + " outside [" + min + ", " + max + "]");
    }
  }

  /** The engine's timing parameters with the given defaults, s. */
  public static java.util.List<ParameterSpec> timing(
      double minGreenSeconds, double yellowSeconds, double decisionIntervalSeconds) {
    return java.util.List.of(
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

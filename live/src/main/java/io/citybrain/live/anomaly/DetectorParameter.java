package io.citybrain.live.anomaly;

/**
 * One declared parameter of an anomaly detector: its default and the range it may take.
 *
 * @param name the parameter's name as given on the command line ({@code --param name=value})
 * @param defaultValue the value used when none is given (the global parameter set)
 * @param min smallest valid value, inclusive
 * @param max largest valid value, inclusive
 * @param integer whether only whole numbers are valid
 * @param description what it controls, with its unit
 */
public record DetectorParameter(String name, double defaultValue, double min, double max, boolean integer,
    String description) {

  /**
   * @throws IllegalArgumentException if the default lies outside [min, max]
   */
  public DetectorParameter {
    if (!(defaultValue >= min && defaultValue <= max)) {
      throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
    }
  }

  /** A real-valued parameter. */
  public static DetectorParameter real(String name, double defaultValue, double min, double max, String description) {
    return new DetectorParameter(name, defaultValue, min, max, false, description);
  }

  /** A whole-number parameter. */
  public static DetectorParameter count(String name, int defaultValue, int min, int max, String description) {
    return new DetectorParameter(name, defaultValue, min, max, true, description);
  }

  /**
   * Checks a value for this parameter.
   *
   * @throws IllegalArgumentException naming the parameter, the value and the valid range
   */
  public double check(double value) {
    if (!(value >= min && value <= max) || (integer && value != Math.rint(value))) {
      throw new IllegalArgumentException("parameter " + name + "=" + value + " is invalid: expected "
          + (integer ? "a whole number" : "a number") + " in [" + fmt(min) + ", " + fmt(max) + "]");
    }
    return value;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}

package io.citybrain.commons.algorithm;

/**
 * A numeric parameter an algorithm declares. Flags are numbers too (0 off, 1 on, with range [0,
 * 1]), so every value is a finite double and canonical JSON hashes it exactly.
 *
 * @param name parameter name, e.g. {@code minGreenSeconds}; unique within its algorithm
 * @param defaultValue value used when none is given, within [min, max]
 * @param min smallest valid value (inclusive)
 * @param max largest valid value (inclusive)
 * @param unit unit of the value: {@code s}, {@code m}, {@code MW}, {@code vehicles}, or {@code 1}
 *     for dimensionless values
 * @param description what it does
 */
public record ParameterSpec(
    String name, double defaultValue, double min, double max, String unit, String description) {

  /**
   * @throws IllegalArgumentException when the default is outside [min, max] or a bound is not a
   *     number
   */
  public ParameterSpec {
    if (!(min <= defaultValue && defaultValue <= max)) {
      throw new IllegalArgumentException("default of " + name + " outside [" + min + ", " + max + "]");
    }
  }
}

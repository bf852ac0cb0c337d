package io.citybrain.commons.algorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated parameter values of one algorithm: every declared parameter has a value (given or
 * default) within its range. Iteration order is the declaration order. These values enter the
 * algorithm's {@link ArtifactDigest}.
 */
public final class ParameterValues {
  private final Map<String, Double> values;

  private ParameterValues(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Checks {@code given} against {@code specs} and fills in defaults.
   *
   * @param noun what the algorithm is called in messages, e.g. {@code controller}
   * @param algorithmName the algorithm's name, for messages
   * @param specs declared parameters
   * @param given values by name (may be empty)
   * @return the full parameter set
   * @throws IllegalArgumentException naming every unknown parameter (with the known names) and
   *     every value out of range or not finite (with the valid range and unit)
   */
  public static ParameterValues resolve(
      String noun, String algorithmName, List<ParameterSpec> specs, Map<String, Double> given) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    for (ParameterSpec s : specs) {
      byName.put(s.name(), s);
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Double> e : given.entrySet()) {
      ParameterSpec s = byName.get(e.getKey());
      if (s == null) {
        problems.add("unknown parameter '" + e.getKey() + "' for " + noun + " '" + algorithmName + "'; known: "
            + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
        continue;
      }
      double v = e.getValue() == null ? Double.NaN : e.getValue();
      if (!Double.isFinite(v) || v < s.min() || v > s.max()) {
        problems.add("parameter '" + s.name() + "' of " + noun + " '" + algorithmName + "' is " + e.getValue()
            + "; expected a number in [" + format(s.min()) + ", " + format(s.max()) + "] " + s.unit());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (ParameterSpec s : specs) {
      values.put(s.name(), given.getOrDefault(s.name(), s.defaultValue()));
    }
    return new ParameterValues(values);
  }

  /** {@code d} without a trailing {@code .0} when it is a whole number. */
  public static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  /**
   * Value of a declared parameter.
   *
   * @throws IllegalArgumentException if {@code name} was not declared
   */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is not declared");
    }
    return v;
  }

  /** All values, declaration order. */
  public Map<String, Double> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterValues other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(", "));
  }
}

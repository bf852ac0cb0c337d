package io.citybrain.traffic.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated parameter values of one controller: every declared parameter has a value (given or
 * default) within its range. Iteration order is the declaration order.
 */
public final class ControllerParameters {
  private final Map<String, Double> values;

  private ControllerParameters(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Checks {@code given} against {@code specs} and fills in defaults.
   *
   * @param controllerName for messages
   * @param specs declared parameters
   * @param given values by name (may be empty)
   * @return the full parameter set
   * @throws IllegalArgumentException naming every unknown parameter (with the known names) and
   *     every value out of range or not finite (with the valid range and unit)
   */
  public static ControllerParameters resolve(
      String controllerName, List<ParameterSpec> specs, Map<String, Double> given) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    for (ParameterSpec s : specs) {
      byName.put(s.name(), s);
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Double> e : given.entrySet()) {
      ParameterSpec s = byName.get(e.getKey());
      if (s == null) {
        problems.add(
            "unknown parameter '"
                + e.getKey()
                + "' for controller '"
                + controllerName
                + "'; known: "
                + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
        continue;
      }
      double v = e.getValue() == null ? Double.NaN : e.getValue();
      if (!Double.isFinite(v) || v < s.min() || v > s.max()) {
        problems.add(
            "parameter '"
                + s.name()
                + "' of controller '"
                + controllerName
                + "' is "
                + e.getValue()
                + "; expected a number in ["
                + fmt(s.min())
                + ", "
                + fmt(s.max())
                + "] "
                + s.unit());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (ParameterSpec s : specs) {
      values.put(s.name(), given.getOrDefault(s.name(), s.defaultValue()));
    }
    return new ControllerParameters(values);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
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

  /** The engine timing from the {@code minGreenSeconds}, {@code yellowSeconds} and {@code decisionIntervalSeconds} parameters. */
  public SignalTiming timing() {
    return new SignalTiming(
        get("minGreenSeconds"), get("yellowSeconds"), get("decisionIntervalSeconds"));
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + fmt(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}

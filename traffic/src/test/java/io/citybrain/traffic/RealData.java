package io.citybrain.traffic;

import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import java.util.HashMap;
import java.util.Map;

/** Loads bundled scenarios once per test JVM. */
public final class RealData {
  private static final Map<String, Scenario> CACHE = new HashMap<>();

  private RealData() {}

  /** The bundled scenario for a city and flow name. */
  public static synchronized Scenario scenario(String city, String flow) {
    return CACHE.computeIfAbsent(
        city + "/" + flow,
        k -> {
          try {
            return ScenarioLoader.loadBundled(BundledCity.require(city), flow);
          } catch (InputValidationException e) {
            throw new AssertionError(e.getMessage(), e);
          }
        });
  }
}

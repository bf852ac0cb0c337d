package io.citybrain.live.anomaly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The anomaly detectors on the class path, found by name through {@link ServiceLoader}
 * ({@code META-INF/services/io.citybrain.live.anomaly.AnomalyDetectorProvider}): a new detector
 * is one new class and one line there.
 */
public final class AnomalyDetectors {
  private AnomalyDetectors() {}

  /** Every provider, sorted by name. */
  public static List<AnomalyDetectorProvider> all() {
    List<AnomalyDetectorProvider> out = new ArrayList<>();
    ServiceLoader.load(AnomalyDetectorProvider.class, AnomalyDetectors.class.getClassLoader()).forEach(out::add);
    out.sort(Comparator.comparing(AnomalyDetectorProvider::name));
    return out;
  }

  /**
   * The provider called {@code name}.
   *
   * @throws IllegalArgumentException if none is, listing the known names
   */
  public static AnomalyDetectorProvider byName(String name) {
    List<AnomalyDetectorProvider> all = all();
    return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown anomaly detector '" + name + "'; known: "
            + all.stream().map(AnomalyDetectorProvider::name).collect(Collectors.joining(", "))));
  }
}

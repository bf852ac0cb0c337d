package io.citybrain.traffic.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The registry of signal controllers, by name, loaded with {@link ServiceLoader}. */
public final class SignalControllers {
  private static final Map<String, SignalControllerProvider> PROVIDERS = load();

  private SignalControllers() {}

  private static Map<String, SignalControllerProvider> load() {
    Map<String, SignalControllerProvider> m = new LinkedHashMap<>();
    for (SignalControllerProvider p :
        ServiceLoader.load(SignalControllerProvider.class, SignalControllers.class.getClassLoader())) {
      if (m.putIfAbsent(p.name(), p) != null) {
        throw new IllegalStateException("two signal controllers named '" + p.name() + "'");
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** Names of all controllers, in registration order. */
  public static List<String> names() {
    return new ArrayList<>(PROVIDERS.keySet());
  }

  /** The provider named {@code name}, if any. */
  public static Optional<SignalControllerProvider> find(String name) {
    return Optional.ofNullable(PROVIDERS.get(name));
  }

  /**
   * The provider named {@code name}.
   *
   * @throws IllegalArgumentException naming the known controllers when there is none
   */
  public static SignalControllerProvider require(String name) {
    SignalControllerProvider p = PROVIDERS.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown controller '" + name + "'; known: " + String.join(", ", PROVIDERS.keySet()));
    }
    return p;
  }
}

package io.citybrain.commons.algorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers of one domain of the {@link AlgorithmRegistry}, typed as that domain's interface
 * (e.g. traffic's {@code SignalControllerProvider}): a view, not a second registry.
 *
 * @param <P> the domain's provider interface
 */
public final class DomainAlgorithms<P extends AlgorithmProvider> {
  private final AlgorithmDomain domain;
  private final Map<String, P> byName;

  DomainAlgorithms(AlgorithmDomain domain, Map<String, P> byName) {
    this.domain = domain;
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The domain. */
  public AlgorithmDomain domain() {
    return domain;
  }

  /** Names in registration order. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The providers in registration order. */
  public List<P> all() {
    return List.copyOf(byName.values());
  }

  /** The provider named {@code name}, if the domain has one. */
  public Optional<P> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The provider named {@code name}.
   *
   * @throws IllegalArgumentException {@code unknown <noun> 'name'; known: a, b, ...}
   */
  public P require(String name) {
    P p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown " + domain.noun() + " '" + name + "'; known: "
          + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
    }
    return p;
  }
}

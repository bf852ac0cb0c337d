package io.citybrain.commons.algorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one registry of algorithms across domains. {@link #shared()} holds every {@link
 * AlgorithmProvider} named in a {@code META-INF/services/io.citybrain.commons.algorithm.AlgorithmProvider}
 * file on the class path (traffic's controllers, the grid's dispatchers, live's detectors);
 * {@link #domain} gives a typed view of one domain.
 *
 * <p>Rules checked when the registry is built, so a bad provider fails at start, not mid-run:
 * names are unique across all domains and written as lower-case words joined by {@code -};
 * version, description and source are not blank; parameter names are unique per provider.
 */
public final class AlgorithmRegistry {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static volatile AlgorithmRegistry shared;

  private final Map<String, AlgorithmProvider> byName;

  private AlgorithmRegistry(Map<String, AlgorithmProvider> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * The registry of every provider on the class path, loaded once.
   *
   * @throws IllegalStateException when a provider breaks a rule (see the class comment)
   */
  public static AlgorithmRegistry shared() {
    AlgorithmRegistry r = shared;
    if (r == null) {
      synchronized (AlgorithmRegistry.class) {
        r = shared;
        if (r == null) {
          List<AlgorithmProvider> found = new ArrayList<>();
          ServiceLoader.load(AlgorithmProvider.class, AlgorithmRegistry.class.getClassLoader()).forEach(found::add);
          r = of(found);
          shared = r;
        }
      }
    }
    return r;
  }

  /**
   * A registry of {@code providers}, ordered by domain and then by the given order.
   *
   * @throws IllegalStateException when two providers share a name or one breaks a rule
   */
  public static AlgorithmRegistry of(List<? extends AlgorithmProvider> providers) {
    List<AlgorithmProvider> ordered = new ArrayList<>(providers);
    ordered.sort(Comparator.comparing(AlgorithmProvider::domain)); // stable: keeps order within a domain
    Map<String, AlgorithmProvider> byName = new LinkedHashMap<>();
    for (AlgorithmProvider p : ordered) {
      check(p);
      AlgorithmProvider before = byName.putIfAbsent(p.name(), p);
      if (before != null) {
        throw new IllegalStateException("two algorithms named '" + p.name() + "': " + before.getClass().getName()
            + " (" + before.domain().id() + ") and " + p.getClass().getName() + " (" + p.domain().id()
            + "); names must be unique across all domains");
      }
    }
    return new AlgorithmRegistry(byName);
  }

  private static void check(AlgorithmProvider p) {
    String who = p.getClass().getName();
    if (p.name() == null || !NAME.matcher(p.name()).matches()) {
      throw new IllegalStateException(who + ": name '" + p.name() + "' must be lower-case words joined by '-'");
    }
    if (p.domain() == null) {
      throw new IllegalStateException(who + " ('" + p.name() + "'): domain is missing");
    }
    for (String[] field : new String[][] {{"version", p.version()}, {"description", p.description()}, {"source", p.source()}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalStateException(who + " ('" + p.name() + "'): " + field[0] + " is blank");
      }
    }
    Set<String> names = new HashSet<>();
    for (ParameterSpec s : p.parameters()) {
      if (!names.add(s.name())) {
        throw new IllegalStateException(who + " ('" + p.name() + "'): parameter '" + s.name() + "' is declared twice");
      }
    }
  }

  /** Every provider, by domain, then in registration order. */
  public List<AlgorithmProvider> all() {
    return List.copyOf(byName.values());
  }

  /** The providers of {@code domain}, in registration order. */
  public List<AlgorithmProvider> all(AlgorithmDomain domain) {
    return byName.values().stream().filter(p -> p.domain() == domain).toList();
  }

  /** The provider named {@code name}, in any domain. */
  public Optional<AlgorithmProvider> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The provider named {@code name}.
   *
   * @throws IllegalArgumentException naming every known algorithm when there is none
   */
  public AlgorithmProvider require(String name) {
    AlgorithmProvider p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown algorithm '" + name + "'; known: " + String.join(", ", byName.keySet()));
    }
    return p;
  }

  /**
   * The typed view of one domain: its providers as {@code type}.
   *
   * @throws IllegalStateException when a provider of {@code domain} does not implement {@code type}
   */
  public <P extends AlgorithmProvider> DomainAlgorithms<P> domain(AlgorithmDomain domain, Class<P> type) {
    Map<String, P> typed = new LinkedHashMap<>();
    for (AlgorithmProvider p : all(domain)) {
      if (!type.isInstance(p)) {
        throw new IllegalStateException(p.getClass().getName() + " ('" + p.name() + "') is registered in domain "
            + domain.id() + " but does not implement " + type.getName());
      }
      typed.put(p.name(), type.cast(p));
    }
    return new DomainAlgorithms<>(domain, typed);
  }
}

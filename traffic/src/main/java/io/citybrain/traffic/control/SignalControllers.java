package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.DomainAlgorithms;
import java.util.List;
import java.util.Optional;

/**
 * The signal controllers, by name: the typed view of the signal-control domain of the one
 * algorithm registry (not a registry of its own).
 */
public final class SignalControllers {
  private SignalControllers() {}

  /** The signal-control domain of {@link AlgorithmRegistry#shared()}. */
  public static DomainAlgorithms<SignalControllerProvider> domain() {
    return AlgorithmRegistry.shared().domain(AlgorithmDomain.SIGNAL_CONTROL, SignalControllerProvider.class);
  }

  /** Names of all controllers, in registration order. */
  public static List<String> names() {
    return domain().names();
  }

  /** The provider named {@code name}, if any. */
  public static Optional<SignalControllerProvider> find(String name) {
    return domain().find(name);
  }

  /**
   * The provider named {@code name}.
   *
   * @throws IllegalArgumentException naming the known controllers when there is none
   */
  public static SignalControllerProvider require(String name) {
    return domain().require(name);
  }
}

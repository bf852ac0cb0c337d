package io.citybrain.commons.algorithm;

import java.util.List;
import java.util.Map;

/**
 * An algorithm that may act on a city or judge its data: a signal controller, a grid dispatcher,
 * an anomaly or incident detector. Providers are found by {@link AlgorithmRegistry} through
 * {@link java.util.ServiceLoader}: adding one is one class implementing its domain's interface
 * (which extends this one) and one line naming it in {@code
 * META-INF/services/io.citybrain.commons.algorithm.AlgorithmProvider}.
 *
 * <p>A provider is identified by what actually runs, not by its version string alone: its {@link
 * ArtifactDigest} covers the bytecode of {@link #codeClasses()} and the parameter values used.
 */
public interface AlgorithmProvider {

  /** Unique name across all domains, lower-case words joined by {@code -}, e.g. {@code max-pressure}. */
  String name();

  /** Version of the algorithm as its authors number it, recorded with every run next to the digest. */
  String version();

  /** The domain the algorithm belongs to. */
  AlgorithmDomain domain();

  /** One line saying what the algorithm does. */
  String description();

  /** Where the algorithm comes from: a paper, a standard, a textbook (authors, title, year), or "citybrain" for our own. */
  String source();

  /** Declared parameters with units and ranges, in a stable order; empty when it has none. */
  List<ParameterSpec> parameters();

  /**
   * The classes that are the algorithm's code: the provider itself by default. A provider whose
   * decisions also depend on helper classes lists them too. Each class counts with every class
   * nested in it (member, local and anonymous classes; lambdas live in their enclosing class's
   * bytecode), so listing a top-level class is enough.
   */
  default List<Class<?>> codeClasses() {
    return List.of(getClass());
  }

  /**
   * Checks {@code given} against {@link #parameters()} and fills in defaults.
   *
   * @throws IllegalArgumentException naming every unknown or out-of-range parameter
   */
  default ParameterValues resolve(Map<String, Double> given) {
    return ParameterValues.resolve(domain().noun(), name(), parameters(), given);
  }

  /** The artifact digest of this provider with {@code values} (see {@link ArtifactDigest}). */
  default AlgorithmArtifact artifact(ParameterValues values) {
    return ArtifactDigest.of(this, values);
  }
}

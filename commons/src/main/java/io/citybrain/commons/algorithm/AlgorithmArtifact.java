package io.citybrain.commons.algorithm;

import java.util.List;
import java.util.Map;

/**
 * What exactly runs when an algorithm runs: its identity, the hashes of its class files and its
 * parameter values, with the digests computed from them (see {@link ArtifactDigest} for how).
 *
 * @param domain the domain identifier, e.g. {@code traffic-signal-control}
 * @param name the algorithm's name
 * @param version the version its authors give
 * @param code every class file of its code, sorted by class name
 * @param parameters the parameter values, declaration order
 * @param codeDigest SHA-256 (hex) identifying the code alone (identity and class files, no
 *     parameter values): the same for every parameter setting of one build
 * @param digest SHA-256 (hex) of the whole artifact: code and parameter values
 */
public record AlgorithmArtifact(
    String domain,
    String name,
    String version,
    List<CodeClass> code,
    Map<String, Double> parameters,
    String codeDigest,
    String digest) {

  public AlgorithmArtifact {
    code = List.copyOf(code);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** The first 12 hex characters of the digest, for tables (like a short git hash). */
  public String shortDigest() {
    return digest.substring(0, 12);
  }
}

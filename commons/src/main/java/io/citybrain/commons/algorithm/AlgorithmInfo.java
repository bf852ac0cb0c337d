package io.citybrain.commons.algorithm;

import java.util.List;
import java.util.Map;

/**
 * What {@code citybrain algorithms list --json} and {@code GET /api/algorithms} show of one
 * provider: its identity, source, declared parameters, and the digests of its code and of its
 * default settings.
 *
 * @param domain the domain identifier, e.g. {@code grid-dispatch}
 * @param name the algorithm's name
 * @param version the version its authors give
 * @param description what it does
 * @param source where it comes from
 * @param parameters declared parameters with defaults, ranges and units
 * @param codeDigest SHA-256 (hex) of the code alone ({@link AlgorithmArtifact#codeDigest()})
 * @param defaultDigest the artifact digest with every parameter at its default
 * @param code the hashed class files
 */
public record AlgorithmInfo(
    String domain,
    String name,
    String version,
    String description,
    String source,
    List<ParameterSpec> parameters,
    String codeDigest,
    String defaultDigest,
    List<CodeClass> code) {

  /** The information of {@code provider}. */
  public static AlgorithmInfo of(AlgorithmProvider provider) {
    AlgorithmArtifact defaults = provider.artifact(provider.resolve(Map.of()));
    return new AlgorithmInfo(provider.domain().id(), provider.name(), provider.version(), provider.description(),
        provider.source(), provider.parameters(), defaults.codeDigest(), defaults.digest(), defaults.code());
  }
}

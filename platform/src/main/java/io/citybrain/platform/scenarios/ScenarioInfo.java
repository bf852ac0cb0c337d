package io.citybrain.platform.scenarios;

import java.util.Optional;

/**
 * A scenario the platform can run: a roadnet and flow pair, bundled or uploaded.
 *
 * @param id stable id: a bundled city ({@code jinan}), a bundled city and flow ({@code
 *     jinan-2000}), or an upload ({@code u-} and 12 hex digits)
 * @param name display name
 * @param kind {@code bundled} or {@code uploaded}
 * @param city the bundled city's name, for bundled scenarios
 * @param flow the bundled flow's name ({@code real}, {@code 2000}, ...), for bundled scenarios
 * @param roadnetFile the roadnet's file name
 * @param flowFile the flow's file name
 * @param createdBy who uploaded it ({@code bundled} for bundled ones)
 * @param jurisdictionId the jurisdiction it belongs to: who may read it and run it (bundled
 *     scenarios belong to the nation, {@value io.citybrain.platform.access.Jurisdictions#ROOT})
 */
public record ScenarioInfo(
    String id,
    String name,
    String kind,
    Optional<String> city,
    Optional<String> flow,
    String roadnetFile,
    String flowFile,
    String createdBy,
    String jurisdictionId) {}

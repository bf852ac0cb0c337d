package io.citybrain.platform.gov;

/**
 * An algorithm to register, or (for {@link GovRegistry#updateAlgorithm}) the described fields to
 * change: null fields are left as they are.
 *
 * @param id unique slug: 1 to 64 lower-case letters, digits or '-'
 * @param registryName the provider's name in {@code citybrain algorithms list}
 * @param tradeName 1 to 200 characters
 * @param algorithmType generation-synthesis, personalised-push, sorting-selection, search-filtering
 *     or scheduling-decision
 * @param intendedPurpose up to 2000 characters
 * @param outOfScopeUses up to 2000 characters
 * @param publicSummary inputs and operating logic, up to 4000 characters
 * @param highRiskBasis up to 500 characters
 * @param provider an organisation with role provider
 * @param technicalSupplier an organisation with role technical-supplier, or null
 */
public record NewAlgorithm(
    String id,
    String registryName,
    String tradeName,
    String algorithmType,
    String intendedPurpose,
    String outOfScopeUses,
    String publicSummary,
    String highRiskBasis,
    String provider,
    String technicalSupplier) {}

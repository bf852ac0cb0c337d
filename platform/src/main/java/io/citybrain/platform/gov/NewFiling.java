package io.citybrain.platform.gov;

import java.util.List;

/**
 * A filing to submit (or, for a change filing, the filing as it is to be from now on).
 *
 * @param versionId the version filed
 * @param filer an organisation with the role given in {@code filerRole}
 * @param filerRole provider, technical-supplier or deployer
 * @param product product or form of service, 1 to 200 characters
 * @param mainUse 1 to 2000 characters
 * @param disclosureText the public text, 1 to 4000 characters
 * @param remarks up to 500 characters, or null
 * @param jurisdictions ids of the jurisdictions covered, at least one
 */
public record NewFiling(
    Long versionId,
    String filer,
    String filerRole,
    String product,
    String mainUse,
    String disclosureText,
    String remarks,
    List<String> jurisdictions) {}

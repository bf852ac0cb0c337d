package io.citybrain.platform.gov;

import java.util.List;

/**
 * A deployment to put in service.
 *
 * @param versionId the version to run
 * @param approvalId the approval relied on; required unless mode is shadow
 * @param deployer an organisation with role deployer whose home subtree contains the jurisdiction
 * @param jurisdiction where it runs: inside the approval's jurisdiction
 * @param assets intersection or feeder ids; empty/null for all (then the approval must cover all)
 * @param mode shadow, advisory or actuating: at most the approval's max mode
 */
public record NewDeployment(Long versionId, Long approvalId, String deployer, String jurisdiction, List<String> assets, String mode) {}

package io.citybrain.platform.scenarios;

/**
 * The result of an upload.
 *
 * @param scenario the stored scenario
 * @param created false when the same two files had been uploaded before (the earlier scenario is
 *     returned and nothing new is stored)
 */
public record UploadOutcome(ScenarioInfo scenario, boolean created) {}

package io.citybrain.platform.gov;

/**
 * A dataset to register.
 *
 * @param id unique slug: 1 to 64 lower-case letters, digits or '-'
 * @param name 1 to 200 characters
 * @param source 1 to 500 characters
 * @param datasheet 1 to 4000 characters
 * @param personalData must be false (declared explicitly)
 * @param kMin at least 1 (statistical agencies use 3, 5 or 10)
 * @param epsilon greater than 0 when given
 * @param retentionDays 1 to 36500
 */
public record NewDataset(
    String id, String name, String source, String datasheet, Boolean personalData, Integer kMin, Double epsilon, Integer retentionDays) {}

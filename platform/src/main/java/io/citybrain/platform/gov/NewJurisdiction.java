package io.citybrain.platform.gov;

/**
 * A jurisdiction to create, as given (checked by {@link GovRegistry#createJurisdiction}).
 *
 * @param id unique code: 1 to 32 letters, digits, '_' or '-'
 * @param level {@code nation}, {@code province}, {@code city} or {@code district}
 * @param parent the parent's id: none for a nation, a jurisdiction of the level just above
 *     otherwise
 * @param name 1 to 200 characters
 */
public record NewJurisdiction(String id, String level, String parent, String name) {}

package io.citybrain.platform.gov;

/**
 * A deployment in service (advisory or actuating) without a valid approval in force for its
 * version and jurisdiction (SPEC section 6, check 1: the list must be empty).
 *
 * @param deployment the deployment
 * @param field what fails ({@code approvalId}, {@code jurisdiction}, {@code mode}, {@code assets})
 * @param reason why, for people
 */
public record Orphan(Deployment deployment, String field, String reason) {}

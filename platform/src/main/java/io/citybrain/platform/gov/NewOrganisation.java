package io.citybrain.platform.gov;

import java.util.List;

/**
 * An organisation to register, as given (checked by {@link GovRegistry#createOrganisation}).
 *
 * @param id unique slug: 1 to 64 lower-case letters, digits or '-'
 * @param name 1 to 200 characters
 * @param registrationCode 1 to 64 characters, unique
 * @param roles one or more of provider, technical-supplier, deployer, regulator
 * @param contact an office address or mailbox, 1 to 500 characters
 * @param securityResponsible the function responsible for security, 1 to 200 characters
 * @param homeJurisdiction an existing jurisdiction
 */
public record NewOrganisation(
    String id,
    String name,
    String registrationCode,
    List<String> roles,
    String contact,
    String securityResponsible,
    String homeJurisdiction) {}

package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An organisation in the filing system (SPEC section 5).
 *
 * @param id unique slug, 1 to 64 lower-case letters, digits or '-', starting with a letter or digit
 * @param name the organisation's registered name
 * @param registrationCode its registration code (e.g. a Unified Social Credit Code), unique
 * @param roles what it is: provider, technical supplier, deployer, regulator (at least one)
 * @param contact an office address or mailbox (not a person)
 * @param securityResponsible the function responsible for the algorithm's security (e.g.
 *     "information security office"), not a person's name
 * @param homeJurisdictionId the jurisdiction it belongs to; a regulator acts within its subtree
 * @param createdAt when it was registered
 * @param createdBy the actor who registered it
 */
public record Organisation(
    String id,
    String name,
    String registrationCode,
    Set<OrganisationRole> roles,
    String contact,
    String securityResponsible,
    String homeJurisdictionId,
    Instant createdAt,
    String createdBy) {

  public Organisation {
    Objects.requireNonNull(id, "id");
    roles = roles.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(roles));
  }

  /** Whether it has {@code role}. */
  public boolean has(OrganisationRole role) {
    return roles.contains(role);
  }
}

package io.citybrain.platform.gov;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an organisation is in the filing system (SPEC section 5): a provider files algorithms; a
 * technical supplier (vendor) builds them and files as well; a deployer runs them on a city's
 * assets; a regulator approves, suspends and revokes within its home jurisdiction's subtree.
 */
public enum OrganisationRole {
  PROVIDER("provider"),
  TECHNICAL_SUPPLIER("technical-supplier"),
  DEPLOYER("deployer"),
  REGULATOR("regulator");

  private final String label;

  OrganisationRole(String label) {
    this.label = label;
  }

  /** The name used in the database and the API. */
  public String label() {
    return label;
  }

  /** The role named {@code label}, if any. */
  public static Optional<OrganisationRole> parse(String label) {
    return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
  }

  /** The labels, for messages. */
  public static String labels() {
    return Arrays.stream(values()).map(OrganisationRole::label).collect(Collectors.joining(", "));
  }
}

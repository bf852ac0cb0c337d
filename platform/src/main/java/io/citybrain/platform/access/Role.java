package io.citybrain.platform.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A principal's role within one jurisdiction (governance SPEC section 3): what it may do there and
 * in every jurisdiction below it. Source: the SPEC's role list, after Zanzibar/OpenFGA's
 * "relation inherited from the parent" (a grant on a jurisdiction covers its subtree).
 */
public enum Role {
  /** Approves, suspends and revokes; reads its subtree and its logs. */
  REGULATOR(EnumSet.of(Permission.READ, Permission.REGULATE, Permission.AUDIT)),
  /** Deploys and runs approved algorithms in its subtree, overrides and stops; reads its subtree. */
  OPERATOR(EnumSet.of(Permission.READ, Permission.OPERATE)),
  /** Files algorithms and versions; reads nothing scoped beyond what it filed. */
  PROVIDER(EnumSet.of(Permission.FILE)),
  /** Reads the subtree and its logs and proofs; changes nothing. */
  AUDITOR(EnumSet.of(Permission.READ, Permission.AUDIT));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  /** The permissions this role gives within its jurisdiction's subtree. */
  public Set<Permission> permissions() {
    return permissions;
  }

  /** Its name as typed and shown: {@code regulator}, {@code operator}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known roles
   */
  public static Role parse(String name) {
    for (Role r : values()) {
      if (r.apiName().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + name + "'; expected one of " + Arrays.stream(values()).map(Role::apiName).collect(Collectors.joining(", ")));
  }
}

package io.citybrain.platform.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who is asking, and what it may do where. Three kinds: a principal authenticated by an API token
 * (its active grants decide everything), a request from this machine without a token (the local
 * console: it may read and audit everything and change nothing, as before jurisdictions existed;
 * whoever is on the machine can read the database files anyway), and the public (anonymous from
 * elsewhere: only routes whose rule is public).
 */
public final class Caller {
  private enum Kind {
    PRINCIPAL,
    LOCAL,
    PUBLIC
  }

  private final Kind kind;
  private final String tokenName;
  private final String principal;
  private final List<AccessGrant> grants;
  private final Jurisdictions tree;

  private Caller(Kind kind, String tokenName, String principal, List<AccessGrant> grants, Jurisdictions tree) {
    this.kind = kind;
    this.tokenName = tokenName;
    this.principal = principal;
    this.grants = List.copyOf(grants);
    this.tree = tree;
  }

  /**
   * A principal authenticated by token {@code tokenName}.
   *
   * @param activeGrants its grants active now (see {@link AccessGrant#activeAt})
   */
  public static Caller principal(String tokenName, String principal, List<AccessGrant> activeGrants, Jurisdictions tree) {
    return new Caller(Kind.PRINCIPAL, tokenName, principal, activeGrants, tree);
  }

  /** A request from this machine without a token: reads and audits everything, changes nothing. */
  public static Caller local() {
    return new Caller(Kind.LOCAL, null, null, List.of(), null);
  }

  /** An anonymous request from elsewhere: public routes only. */
  public static Caller anonymous() {
    return new Caller(Kind.PUBLIC, null, null, List.of(), null);
  }

  /** Whether a token authenticated this caller. */
  public boolean authenticated() {
    return kind == Kind.PRINCIPAL;
  }

  /** Whether this is an anonymous request from another machine. */
  public boolean isPublic() {
    return kind == Kind.PUBLIC;
  }

  /** The audit actor, {@code token:<name>}; empty for requests without a token. */
  public Optional<String> actor() {
    return Optional.ofNullable(tokenName).map(n -> "token:" + n);
  }

  /** The principal's name; empty for requests without a token. */
  public Optional<String> principalName() {
    return Optional.ofNullable(principal);
  }

  /** The active grants (empty for requests without a token). */
  public List<AccessGrant> grants() {
    return grants;
  }

  /** Whether the caller holds {@code permission} for jurisdiction {@code jurisdictionId}. */
  public boolean may(Permission permission, String jurisdictionId) {
    if (kind == Kind.LOCAL) {
      return permission == Permission.READ || permission == Permission.AUDIT;
    }
    for (AccessGrant g : grants) {
      if (g.role().permissions().contains(permission)
          && (g.jurisdictionId().equals(jurisdictionId) || tree.contains(g.jurisdictionId(), jurisdictionId))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the caller holds {@code permission} somewhere. */
  public boolean mayAnywhere(Permission permission) {
    if (kind == Kind.LOCAL) {
      return permission == Permission.READ || permission == Permission.AUDIT;
    }
    return grants.stream().anyMatch(g -> g.role().permissions().contains(permission));
  }

  /**
   * Where the caller holds {@code permission}: everything (a grant on the nation, or the local
   * console reading), or a set of jurisdiction ids (the union of its grants' subtrees).
   */
  public Scope scope(Permission permission) {
    if (kind == Kind.LOCAL) {
      return permission == Permission.READ || permission == Permission.AUDIT ? Scope.ALL : Scope.NONE;
    }
    Set<String> ids = new TreeSet<>();
    for (AccessGrant g : grants) {
      if (g.role().permissions().contains(permission)) {
        if (g.jurisdictionId().equals(Jurisdictions.ROOT)) {
          return Scope.ALL;
        }
        ids.addAll(tree.subtree(g.jurisdictionId()));
      }
    }
    return new Scope(false, ids);
  }

  /**
   * The top jurisdictions where the caller holds {@code permission} (grants covered by another
   * grant of the caller left out), sorted.
   */
  public List<String> roots(Permission permission) {
    Set<String> granted = new LinkedHashSet<>();
    for (AccessGrant g : grants) {
      if (g.role().permissions().contains(permission)) {
        granted.add(g.jurisdictionId());
      }
    }
    List<String> roots = new ArrayList<>();
    for (String j : granted) {
      boolean covered = granted.stream().anyMatch(o -> !o.equals(j) && tree.contains(o, j));
      if (!covered) {
        roots.add(j);
      }
    }
    roots.sort(Comparator.naturalOrder());
    return roots;
  }

  /** For messages: {@code token:alice (operator@360102, auditor@36)}. */
  public String describe() {
    return switch (kind) {
      case LOCAL -> "a request from this machine without a token";
      case PUBLIC -> "an anonymous request";
      case PRINCIPAL ->
          "token:" + tokenName + " (principal " + principal + ", "
              + (grants.isEmpty() ? "no active grants" : grants.stream().map(AccessGrant::label).collect(Collectors.joining(", ")))
              + ")";
    };
  }

  /**
   * A set of jurisdictions.
   *
   * @param all every jurisdiction, known or not
   * @param ids the jurisdiction ids when not {@code all}
   */
  public record Scope(boolean all, Set<String> ids) {
    /** Everything. */
    public static final Scope ALL = new Scope(true, Set.of());

    /** Nothing. */
    public static final Scope NONE = new Scope(false, Set.of());

    public Scope {
      ids = Set.copyOf(ids);
    }

    /** Whether {@code jurisdictionId} is in it. */
    public boolean includes(String jurisdictionId) {
      return all || ids.contains(jurisdictionId);
    }
  }
}

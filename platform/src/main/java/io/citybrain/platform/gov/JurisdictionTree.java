package io.citybrain.platform.gov;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the jurisdiction tree: lookups by id, ancestry and subtrees without further
 * database reads. Jurisdictions are listed in path order (a parent before its children, siblings
 * by id), so the listing is deterministic.
 */
public final class JurisdictionTree {
  private final Map<String, Jurisdiction> byId;

  /** A tree of {@code jurisdictions} (each parent must be among them). */
  public JurisdictionTree(List<Jurisdiction> jurisdictions) {
    List<Jurisdiction> sorted = new ArrayList<>(jurisdictions);
    sorted.sort(Comparator.comparing(Jurisdiction::path));
    Map<String, Jurisdiction> m = new LinkedHashMap<>();
    for (Jurisdiction j : sorted) {
      m.put(j.id(), j);
    }
    this.byId = Collections.unmodifiableMap(m);
  }

  /** Every jurisdiction, in path order. */
  public List<Jurisdiction> all() {
    return List.copyOf(byId.values());
  }

  /** The jurisdiction with {@code id}, if any. */
  public Optional<Jurisdiction> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Whether {@code descendantId} is {@code ancestorId} or below it; false when either is unknown.
   */
  public boolean contains(String ancestorId, String descendantId) {
    Jurisdiction a = byId.get(ancestorId);
    Jurisdiction d = byId.get(descendantId);
    return a != null && d != null && a.contains(d);
  }

  /** {@code id} and every jurisdiction below it, in path order; empty when unknown. */
  public List<Jurisdiction> subtree(String id) {
    Jurisdiction root = byId.get(id);
    if (root == null) {
      return List.of();
    }
    return byId.values().stream().filter(root::contains).toList();
  }

  /** The direct children of {@code id}, by id. */
  public List<Jurisdiction> children(String id) {
    return byId.values().stream().filter(j -> j.parentId().filter(id::equals).isPresent()).toList();
  }

  /** The ancestors of {@code id} from the nation down, without {@code id}; empty when unknown. */
  public List<Jurisdiction> ancestors(String id) {
    List<Jurisdiction> chain = new ArrayList<>();
    Jurisdiction j = byId.get(id);
    while (j != null && j.parentId().isPresent()) {
      j = byId.get(j.parentId().get());
      if (j != null) {
        chain.add(0, j);
      }
    }
    return chain;
  }
}

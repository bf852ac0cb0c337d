package io.citybrain.platform.access;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable jurisdiction tree given as id → parent id: containment by walking up (depth ≤ a
 * few levels), subtrees precomputed.
 */
public final class TreeJurisdictions implements Jurisdictions {
  private final Map<String, String> parentById;
  private final Map<String, Set<String>> subtrees = new HashMap<>();

  /**
   * @param parentById every jurisdiction's parent id (null for a nation); a parent must be a key
   * @throws IllegalArgumentException for an unknown parent or a cycle
   */
  public TreeJurisdictions(Map<String, String> parentById) {
    this.parentById = Map.copyOf(withoutNullValues(parentById));
    Set<String> nations = new TreeSet<>();
    for (String id : parentById.keySet()) {
      String p = parentById.get(id);
      if (p == null) {
        nations.add(id);
      } else if (!parentById.containsKey(p)) {
        throw new IllegalArgumentException("jurisdiction '" + id + "' has unknown parent '" + p + "'");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String j = id; j != null; j = parentById.get(j)) {
        if (!seen.add(j)) {
          throw new IllegalArgumentException("jurisdictions " + seen + " form a cycle");
        }
        subtrees.computeIfAbsent(j, k -> new TreeSet<>()).add(id);
      }
    }
    subtrees.replaceAll((k, v) -> Collections.unmodifiableSet(v));
  }

  private static Map<String, String> withoutNullValues(Map<String, String> m) {
    Map<String, String> copy = new HashMap<>();
    m.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return copy;
  }

  /** A tree of only the nation {@link #ROOT}. */
  public static TreeJurisdictions rootOnly() {
    Map<String, String> m = new HashMap<>();
    m.put(ROOT, null);
    return new TreeJurisdictions(m);
  }

  /** Every jurisdiction id, sorted. */
  public List<String> ids() {
    return List.copyOf(new TreeSet<>(subtrees.keySet()));
  }

  /** The parent of {@code id}, or null for a nation or an unknown id. */
  public String parent(String id) {
    return parentById.get(id);
  }

  @Override
  public boolean exists(String id) {
    return id != null && subtrees.containsKey(id);
  }

  @Override
  public boolean contains(String ancestorId, String id) {
    if (!exists(ancestorId) || !exists(id)) {
      return false;
    }
    for (String j = id; j != null; j = parentById.get(j)) {
      if (j.equals(ancestorId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<String> subtree(String id) {
    return id == null ? Set.of() : subtrees.getOrDefault(id, Set.of());
  }
}

package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the jurisdiction tree (SPEC section 3).
 *
 * @param id unique code, 1 to 32 letters, digits, '_' or '-' (the bundled tree uses GB/T 2260
 *     division codes: {@code 36} Jiangxi, {@code 3601} Nanchang, {@code 360102} Donghu district)
 * @param path the ids from the nation down joined by '/', e.g. {@code CN/36/3601/360102}
 * @param level nation, province, city or district
 * @param parentId the parent's id; empty only for a nation
 * @param name the name people use
 * @param createdAt when it was created
 * @param createdBy the actor who created it
 */
public record Jurisdiction(
    String id, String path, JurisdictionLevel level, Optional<String> parentId, String name, Instant createdAt, String createdBy) {

  public Jurisdiction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(parentId, "parentId");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Whether {@code other} is this jurisdiction or one of its descendants: a grant, an approval or
   * a scope on this jurisdiction covers it.
   */
  public boolean contains(Jurisdiction other) {
    return pathContains(path, other.path());
  }

  /**
   * Whether the jurisdiction with materialised path {@code path} is the one at {@code
   * ancestorPath} or below it ({@code CN/36} contains {@code CN/36/3601} but not {@code CN/361}).
   */
  public static boolean pathContains(String ancestorPath, String path) {
    return path.equals(ancestorPath)
        || (path.length() > ancestorPath.length()
            && path.startsWith(ancestorPath)
            && path.charAt(ancestorPath.length()) == '/');
  }
}

package io.citybrain.platform.access;

import io.citybrain.platform.storage.Database;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The jurisdiction tree as stored by the governance registry ({@code gov_jurisdictions}: id,
 * parent_id), read into a {@link TreeJurisdictions} snapshot. The snapshot is read again when the
 * number of rows changed (jurisdictions are added, never moved or deleted), so a jurisdiction
 * created by another process counts from the next request on.
 */
public final class JdbcJurisdictions implements Jurisdictions {
  private final Jdbi jdbi;
  private volatile TreeJurisdictions snapshot;
  private volatile long snapshotRows = -1;

  /** @param database the database holding {@code gov_jurisdictions} */
  public JdbcJurisdictions(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The current tree (one count query; the rows only when they changed). */
  public TreeJurisdictions current() {
    long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM gov_jurisdictions").mapTo(Long.class).one());
    TreeJurisdictions s = snapshot;
    if (s != null && rows == snapshotRows) {
      return s;
    }
    synchronized (this) {
      Map<String, String> parents = new HashMap<>();
      jdbi.useHandle(
          h -> h.createQuery("SELECT id, parent_id FROM gov_jurisdictions")
              .map((rs, ctx) -> {
                parents.put(rs.getString(1), rs.getString(2));
                return null;
              })
              .list());
      snapshot = new TreeJurisdictions(parents);
      snapshotRows = parents.size();
      return snapshot;
    }
  }

  @Override
  public boolean exists(String id) {
    return current().exists(id);
  }

  @Override
  public boolean contains(String ancestorId, String id) {
    return current().contains(ancestorId, id);
  }

  @Override
  public Set<String> subtree(String id) {
    return current().subtree(id);
  }
}

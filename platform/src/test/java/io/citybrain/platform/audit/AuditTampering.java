package io.citybrain.platform.audit;

import io.citybrain.governance.merkle.Node;
import io.citybrain.governance.merkle.TreeFrontier;
import io.citybrain.platform.storage.Database;
import java.time.Clock;
import java.util.List;

/** What someone with write access to the database would do to hide an edit. */
public final class AuditTampering {
  private AuditTampering() {}

  /**
   * Recomputes every entry's chain hash and the whole tree from the entries as they now are, and
   * drops the stored checkpoints: afterwards the stored log is self-consistent, and only a
   * checkpoint kept elsewhere shows what changed.
   */
  public static void rewriteChainAndTree(Database db) {
    db.jdbi().useTransaction(h -> {
      List<AuditEntry> entries = new AuditLog(db, Clock.systemUTC()).list(0, 1_000_000);
      String prev = AuditLog.GENESIS;
      TreeFrontier f = TreeFrontier.empty();
      h.execute("DELETE FROM audit_tree");
      h.execute("DELETE FROM audit_checkpoints");
      for (AuditEntry e : entries) {
        String hash = AuditLog.hash(e.seq(), e.at(), e.event(), prev);
        h.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, e.seq());
        AuditEntry rewritten = new AuditEntry(e.seq(), e.at(), e.event(), prev, hash);
        for (Node n : f.append(AuditLeaf.hash(rewritten))) {
          h.createUpdate("INSERT INTO audit_tree (bin, hash) VALUES (:b, :h)")
              .bind("b", n.address().binNumber())
              .bind("h", n.hash().bytes())
              .execute();
        }
        prev = hash;
      }
    });
  }
}

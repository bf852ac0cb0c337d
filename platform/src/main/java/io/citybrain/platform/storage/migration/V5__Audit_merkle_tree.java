package io.citybrain.platform.storage.migration;

import io.citybrain.governance.merkle.Node;
import io.citybrain.governance.merkle.TreeFrontier;
import io.citybrain.platform.audit.AuditEntry;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLeaf;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the audit log onto an RFC 6962 Merkle tree (issue 9, item 5): creates {@code audit_tree}
 * (the tree's perfect subtrees by bin number) and {@code audit_checkpoints} (every signed tree head
 * the log gave out), then adopts the hash-chained history already in {@code audit_log} as the
 * tree's first leaves, in {@code seq} order, each leaf the entry's canonical JSON including its
 * chain hashes ({@link AuditLeaf}). Nothing of the old history is changed or dropped; an already
 * broken chain is adopted as it is and stays reported broken by the verifier.
 *
 * <p>In Java because the leaves are SHA-256 over RFC 8785 JSON, which neither H2 nor PostgreSQL
 * computes in SQL; the DDL is the common subset both run, and Flyway runs it all in one transaction.
 */
public final class V5__Audit_merkle_tree extends BaseJavaMigration {
  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE audit_tree ("
              + " bin BIGINT PRIMARY KEY,"
              + " hash BYTEA NOT NULL)");
      st.execute(
          "CREATE TABLE audit_checkpoints ("
              + " tree_size BIGINT PRIMARY KEY,"
              + " root_hash BYTEA NOT NULL,"
              + " signed_at_ms BIGINT NOT NULL,"
              + " verifier_key VARCHAR(400) NOT NULL,"
              + " note TEXT NOT NULL)");
    }
    adoptChain(c);
  }

  private static void adoptChain(Connection c) throws SQLException {
    TreeFrontier frontier = TreeFrontier.empty();
    try (Statement read = c.createStatement();
        PreparedStatement insert = c.prepareStatement("INSERT INTO audit_tree (bin, hash) VALUES (?, ?)")) {
      read.setFetchSize(BATCH);
      int pending = 0;
      try (ResultSet rs = read.executeQuery("SELECT * FROM audit_log ORDER BY seq")) {
        while (rs.next()) {
          AuditEntry e =
              new AuditEntry(
                  rs.getLong("seq"),
                  Instant.ofEpochMilli(rs.getLong("at_ms")),
                  new AuditEvent(
                      rs.getString("actor"),
                      rs.getString("action"),
                      rs.getString("target"),
                      Optional.ofNullable(rs.getString("controller")),
                      Optional.ofNullable(rs.getString("controller_version")),
                      rs.getString("details")),
                  rs.getString("prev_hash"),
                  rs.getString("hash"));
          for (Node n : frontier.append(AuditLeaf.hash(e))) {
            insert.setLong(1, n.address().binNumber());
            insert.setBytes(2, n.hash().bytes());
            insert.addBatch();
            pending++;
          }
          if (pending >= BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }
}

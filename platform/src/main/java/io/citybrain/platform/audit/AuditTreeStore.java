package io.citybrain.platform.audit;

import io.citybrain.governance.merkle.Node;
import io.citybrain.governance.merkle.NodeAddress;
import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.governance.merkle.SubtreeHashes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The audit log's Merkle tree in table {@code audit_tree}: one row per perfect subtree an append
 * completed (each leaf and each full parent, about two per entry), keyed by the node's bin number
 * ({@link NodeAddress#binNumber()}: leaves are even, a node's level is its count of trailing one
 * bits), the 32-byte hash as {@code BYTEA}. Any root or proof is a fold over O(log n) of them.
 */
final class AuditTreeStore implements SubtreeHashes {
  /** Most bins in one {@code IN (...)} list. */
  private static final int CHUNK = 500;

  private final Jdbi jdbi;

  AuditTreeStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Map<NodeAddress, Sha256Hash> read(Collection<NodeAddress> addresses) {
    return jdbi.withHandle(h -> read(h, addresses));
  }

  /** As {@link #read(Collection)}, in the caller's transaction. */
  static Map<NodeAddress, Sha256Hash> read(Handle h, Collection<NodeAddress> addresses) {
    Map<NodeAddress, Sha256Hash> out = new HashMap<>();
    if (addresses.isEmpty()) {
      return out;
    }
    List<Long> bins = new ArrayList<>(addresses.size());
    addresses.forEach(a -> bins.add(a.binNumber()));
    for (int from = 0; from < bins.size(); from += CHUNK) {
      List<Long> part = bins.subList(from, Math.min(bins.size(), from + CHUNK));
      h.createQuery("SELECT bin, hash FROM audit_tree WHERE bin IN (<bins>)")
          .bindList("bins", part)
          .map((rs, ctx) -> new Node(NodeAddress.fromBinNumber(rs.getLong(1)), hashOf(rs.getBytes(2))))
          .forEach(n -> out.put(n.address(), n.hash()));
    }
    return out;
  }

  /** Stored nodes with bin numbers in {@code [fromBin, toBin)}, for a verifier's sequential scan. */
  static Map<Long, byte[]> range(Handle h, long fromBin, long toBin) {
    Map<Long, byte[]> out = new HashMap<>();
    h.createQuery("SELECT bin, hash FROM audit_tree WHERE bin >= :from AND bin < :to")
        .bind("from", fromBin)
        .bind("to", toBin)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getBytes(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Inserts the nodes an append completed, in the caller's transaction. */
  static void insert(Handle h, List<Node> nodes) {
    if (nodes.isEmpty()) {
      return;
    }
    PreparedBatch b = h.prepareBatch("INSERT INTO audit_tree (bin, hash) VALUES (:bin, :hash)");
    for (Node n : nodes) {
      b.bind("bin", n.address().binNumber()).bind("hash", n.hash().bytes()).add();
    }
    b.execute();
  }

  /**
   * A stored value as a hash; a value that is not 32 bytes (a damaged row) becomes the hash of
   * nothing useful, all zeros, so that checks fail on it rather than crash.
   */
  private static Sha256Hash hashOf(byte[] b) {
    return b != null && b.length == Sha256Hash.BYTES ? Sha256Hash.of(b) : Sha256Hash.of(new byte[Sha256Hash.BYTES]);
  }
}

package io.citybrain.governance.merkle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log tree held in memory: every perfect subtree's hash, as a stored log keeps them. For small
 * logs, tools and tests; a database-backed log implements {@link SubtreeHashes} over its table.
 */
public final class MerkleTree implements SubtreeHashes {
  private final Map<NodeAddress, Sha256Hash> nodes = new HashMap<>();
  private final List<Sha256Hash> leaves = new ArrayList<>();
  private final TreeFrontier frontier = TreeFrontier.empty();

  /** Appends an entry (hashed as a leaf) and returns its leaf index. */
  public long appendEntry(byte[] entry) {
    return appendLeafHash(TreeHasher.leafHash(entry));
  }

  /** Appends a leaf by its hash and returns its leaf index. */
  public long appendLeafHash(Sha256Hash leafHash) {
    for (Node n : frontier.append(leafHash)) {
      nodes.put(n.address(), n.hash());
    }
    leaves.add(leafHash);
    return leaves.size() - 1;
  }

  /** Number of leaves. */
  public long size() {
    return leaves.size();
  }

  /** The hash of leaf {@code index}. */
  public Sha256Hash leafHash(long index) {
    return leaves.get(Math.toIntExact(index));
  }

  /** The current root. */
  public Sha256Hash root() {
    return frontier.root();
  }

  /** Proofs and roots over this tree, for any size up to {@link #size()}. */
  public ProofGenerator proofs() {
    return new ProofGenerator(this);
  }

  @Override
  public Map<NodeAddress, Sha256Hash> read(Collection<NodeAddress> addresses) {
    Map<NodeAddress, Sha256Hash> out = new HashMap<>();
    for (NodeAddress a : addresses) {
      Sha256Hash h = nodes.get(a);
      if (h != null) {
        out.put(a, h);
      }
    }
    return out;
  }
}

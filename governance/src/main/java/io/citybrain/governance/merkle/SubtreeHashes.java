package io.citybrain.governance.merkle;

import java.util.Collection;
import java.util.Map;

/**
 * Where a log keeps the hashes of its perfect subtrees: a database table, a file of tiles, or
 * memory ({@link MerkleTree}). Reads come in batches so that one proof costs one round trip.
 */
@FunctionalInterface
public interface SubtreeHashes {
  /**
   * The stored hashes of these subtrees. Subtrees that are not stored are absent from the answer
   * (the caller reports them); never {@code null}.
   */
  Map<NodeAddress, Sha256Hash> read(Collection<NodeAddress> addresses);
}

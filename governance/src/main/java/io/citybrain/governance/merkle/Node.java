package io.citybrain.governance.merkle;

import java.util.Objects;

/**
 * A perfect subtree and its hash: what a log stores as it appends.
 *
 * @param address which subtree
 * @param hash its Merkle tree hash (the leaf hash at level 0)
 */
public record Node(NodeAddress address, Sha256Hash hash) {
  public Node {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(hash, "hash");
  }
}

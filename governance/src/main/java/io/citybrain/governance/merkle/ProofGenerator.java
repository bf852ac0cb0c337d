package io.citybrain.governance.merkle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Roots and proofs of any tree size up to the stored one, each from one batch read of O(log n)
 * subtree hashes ({@link ProofPlans}).
 */
public final class ProofGenerator {
  private final SubtreeHashes store;

  /** @param store where the subtree hashes are read from */
  public ProofGenerator(SubtreeHashes store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The root of the tree of the first {@code size} leaves ({@link TreeHasher#EMPTY_ROOT} for 0).
   *
   * @throws MissingNodeException when the store lacks a subtree it needs
   */
  public Sha256Hash root(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + size);
    }
    if (size == 0) {
      return TreeHasher.EMPTY_ROOT;
    }
    return fold(List.of(ProofPlans.root(size))).get(0);
  }

  /**
   * The inclusion proof of leaf {@code index} (0-based) in the tree of {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   * @throws MissingNodeException when the store lacks a subtree it needs
   */
  public InclusionProof inclusion(long index, long size) {
    return new InclusionProof(index, size, fold(ProofPlans.inclusion(index, size)));
  }

  /**
   * The consistency proof from the tree of {@code oldSize} leaves to the tree of {@code newSize}.
   *
   * @throws IllegalArgumentException unless {@code 0 < oldSize <= newSize}
   * @throws MissingNodeException when the store lacks a subtree it needs
   */
  public ConsistencyProof consistency(long oldSize, long newSize) {
    return new ConsistencyProof(oldSize, newSize, fold(ProofPlans.consistency(oldSize, newSize)));
  }

  private List<Sha256Hash> fold(List<List<NodeAddress>> plan) {
    Set<NodeAddress> wanted = new LinkedHashSet<>();
    plan.forEach(wanted::addAll);
    Map<NodeAddress, Sha256Hash> hashes = store.read(wanted);
    List<Sha256Hash> out = new ArrayList<>(plan.size());
    for (List<NodeAddress> element : plan) {
      Sha256Hash h = require(hashes, element.get(element.size() - 1));
      for (int i = element.size() - 2; i >= 0; i--) {
        h = TreeHasher.nodeHash(require(hashes, element.get(i)), h);
      }
      out.add(h);
    }
    return out;
  }

  private static Sha256Hash require(Map<NodeAddress, Sha256Hash> hashes, NodeAddress a) {
    Sha256Hash h = hashes.get(a);
    if (h == null) {
      throw new MissingNodeException(a);
    }
    return h;
  }
}

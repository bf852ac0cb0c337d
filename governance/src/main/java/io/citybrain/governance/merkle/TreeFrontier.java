package io.citybrain.governance.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of a growing tree: the hashes of its peaks (the perfect subtrees that cover leaves
 * {@code [0, size)}, largest first), which is all an append needs. Appending a leaf yields the
 * subtrees it completes (on average two: the leaf and one parent), for the log to store. Mutable,
 * not thread-safe; the log serialises appends.
 */
public final class TreeFrontier {
  private long size;
  private final List<Sha256Hash> peaks; // left to right, one per one-bit of size

  private TreeFrontier(long size, List<Sha256Hash> peaks) {
    this.size = size;
    this.peaks = peaks;
  }

  /** The frontier of the empty tree. */
  public static TreeFrontier empty() {
    return new TreeFrontier(0, new ArrayList<>());
  }

  /**
   * The frontier of a tree of {@code size} leaves from the hashes of its peaks.
   *
   * @param peaks the hashes of {@link ProofPlans#root(long)}'s subtrees, in that order
   * @throws IllegalArgumentException when the number of peaks does not match the size
   */
  public static TreeFrontier of(long size, List<Sha256Hash> peaks) {
    if (size < 0 || Long.bitCount(size) != peaks.size()) {
      throw new IllegalArgumentException(
          "a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0)) + " peaks, got " + peaks.size());
    }
    peaks.forEach(p -> Objects.requireNonNull(p, "peak"));
    return new TreeFrontier(size, new ArrayList<>(peaks));
  }

  /** The addresses of the peaks of a tree of {@code size} leaves (none for 0), largest first. */
  public static List<NodeAddress> peakAddresses(long size) {
    return size == 0 ? List.of() : ProofPlans.root(size);
  }

  /** Number of leaves. */
  public long size() {
    return size;
  }

  /** The current root ({@link TreeHasher#EMPTY_ROOT} when empty). */
  public Sha256Hash root() {
    if (peaks.isEmpty()) {
      return TreeHasher.EMPTY_ROOT;
    }
    Sha256Hash h = peaks.get(peaks.size() - 1);
    for (int i = peaks.size() - 2; i >= 0; i--) {
      h = TreeHasher.nodeHash(peaks.get(i), h);
    }
    return h;
  }

  /**
   * Appends a leaf.
   *
   * @param leafHash the leaf's hash ({@link TreeHasher#leafHash})
   * @return the subtrees this completes, the leaf first, then each new parent upwards
   */
  public List<Node> append(Sha256Hash leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    long index = size;
    List<Node> completed = new ArrayList<>(2);
    NodeAddress at = NodeAddress.leaf(index);
    Sha256Hash h = leafHash;
    completed.add(new Node(at, h));
    // each trailing one-bit of the old size is a peak that the new subtree now completes
    while ((at.index() & 1) == 1) {
      Sha256Hash left = peaks.remove(peaks.size() - 1);
      h = TreeHasher.nodeHash(left, h);
      at = at.parent();
      completed.add(new Node(at, h));
    }
    peaks.add(h);
    size++;
    return completed;
  }

  /** A copy that can grow independently. */
  public TreeFrontier copy() {
    return new TreeFrontier(size, new ArrayList<>(peaks));
  }
}

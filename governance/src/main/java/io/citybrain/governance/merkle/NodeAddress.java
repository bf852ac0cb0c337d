package io.citybrain.governance.merkle;

/**
 * A perfect subtree of the log: {@code 2^level} leaves starting at leaf {@code index * 2^level}.
 * Level 0 is a single leaf. Every root and proof is a fold over such subtrees, so a log that stores
 * their hashes can answer any of them from O(log n) stored values.
 *
 * @param level height, 0 for a leaf, at most 62
 * @param index position among the subtrees of that level, from 0
 */
public record NodeAddress(int level, long index) {
  /** Highest level a tree of at most {@code Long.MAX_VALUE} leaves can have. */
  public static final int MAX_LEVEL = 62;

  public NodeAddress {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("node level must be in [0, " + MAX_LEVEL + "], got " + level);
    }
    if (index < 0 || (level > 0 && index > (Long.MAX_VALUE >> level))) {
      throw new IllegalArgumentException("node index " + index + " is out of range at level " + level);
    }
  }

  /** The leaf with this index (0-based). */
  public static NodeAddress leaf(long index) {
    return new NodeAddress(0, index);
  }

  /** The first leaf covered. */
  public long firstLeaf() {
    return index << level;
  }

  /** Number of leaves covered, {@code 2^level}. */
  public long leafCount() {
    return 1L << level;
  }

  /** One past the last leaf covered. */
  public long endLeaf() {
    return firstLeaf() + leafCount();
  }

  /** The left child (level must be above 0). */
  public NodeAddress leftChild() {
    return new NodeAddress(level - 1, index * 2);
  }

  /** The right child (level must be above 0). */
  public NodeAddress rightChild() {
    return new NodeAddress(level - 1, index * 2 + 1);
  }

  /** The parent, one level up. */
  public NodeAddress parent() {
    return new NodeAddress(level + 1, index >> 1);
  }

  /**
   * The node's "bin number" (RFC 7574 §4.2): the in-order position of the node in an infinite
   * binary tree, {@code (2 * index + 1) * 2^level - 1}. Leaves are the even numbers; a node's level
   * is the number of trailing one bits. One non-negative {@code long} per node, used as the storage
   * key.
   */
  public long binNumber() {
    return ((2 * index + 1) << level) - 1;
  }

  /**
   * The node of a bin number.
   *
   * @throws IllegalArgumentException when negative
   */
  public static NodeAddress fromBinNumber(long bin) {
    if (bin < 0) {
      throw new IllegalArgumentException("bin numbers are non-negative, got " + bin);
    }
    int level = Long.numberOfTrailingZeros(~bin);
    return new NodeAddress(level, (bin + 1) >>> (level + 1));
  }

  @Override
  public String toString() {
    return "node(level " + level + ", leaves " + firstLeaf() + ".." + (endLeaf() - 1) + ")";
  }
}

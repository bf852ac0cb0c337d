package io.citybrain.governance.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Which stored subtrees make up a root or a proof, before any hash is read.
 *
 * <p>RFC 9162 §2.1.3.1 and §2.1.4.1 define proofs recursively over sub-lists {@code D[lo:hi]}; each
 * element of a proof is the hash of one such sub-list. That sub-list is always either a perfect
 * subtree or a "ragged" right edge {@code D[a:hi]} whose start {@code a} is a multiple of a power of
 * two at least as large as its length; the latter is the fold, right to left, of the perfect
 * subtrees its length's binary digits give, largest first ({@link #rangeNodes}). A proof therefore
 * needs at most about {@code 2 log2 n} stored hashes: at most one ragged element, of at most {@code
 * log2 n} subtrees, plus perfect siblings.
 *
 * <p>A plan is a list of elements, each a list of subtrees in left-to-right order (decreasing size);
 * {@link ProofGenerator} folds them.
 */
public final class ProofPlans {
  private ProofPlans() {}

  /** The largest power of two strictly smaller than {@code n} ({@code n >= 2}): RFC 9162's split point k. */
  static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }

  /**
   * The perfect subtrees that cover leaves {@code [begin, end)}, largest first. Their fold from the
   * right is the RFC 6962 hash of that sub-list when {@code begin} is a multiple of the largest
   * power of two not above {@code end - begin}, which holds for every element of a proof and for
   * the whole tree ({@code begin = 0}).
   *
   * @throws IllegalArgumentException when the range is empty or not aligned that way
   */
  public static List<NodeAddress> rangeNodes(long begin, long end) {
    if (begin < 0 || end <= begin) {
      throw new IllegalArgumentException("empty or negative leaf range [" + begin + ", " + end + ")");
    }
    List<NodeAddress> nodes = new ArrayList<>(Long.bitCount(end - begin));
    long at = begin;
    long remaining = end - begin;
    while (remaining > 0) {
      int level = 63 - Long.numberOfLeadingZeros(remaining);
      long size = 1L << level;
      if (at % size != 0) {
        throw new IllegalArgumentException(
            "leaf range [" + begin + ", " + end + ") is not a subtree of an RFC 6962 tree (" + at
                + " is not a multiple of " + size + ")");
      }
      nodes.add(new NodeAddress(level, at >> level));
      at += size;
      remaining -= size;
    }
    return nodes;
  }

  /**
   * The subtrees whose fold is the root of the tree of {@code size} leaves: its "peaks".
   *
   * @throws IllegalArgumentException when {@code size < 1} (the empty tree's root is {@link
   *     TreeHasher#EMPTY_ROOT})
   */
  public static List<NodeAddress> root(long size) {
    return rangeNodes(0, size);
  }

  /**
   * The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 §2.1.3.1),
   * the sibling nearest the leaf first.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static List<List<NodeAddress>> inclusion(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + size + " leaves");
    }
    List<List<NodeAddress>> path = new ArrayList<>();
    inclusion(index, 0, size, path);
    return path;
  }

  private static void inclusion(long index, long lo, long hi, List<List<NodeAddress>> path) {
    if (hi - lo == 1) {
      return;
    }
    long k = splitPoint(hi - lo);
    if (index < lo + k) {
      inclusion(index, lo, lo + k, path);
      path.add(rangeNodes(lo + k, hi));
    } else {
      inclusion(index, lo + k, hi, path);
      path.add(rangeNodes(lo, lo + k));
    }
  }

  /**
   * The consistency proof from the tree of {@code oldSize} leaves to the tree of {@code newSize}
   * (RFC 9162 §2.1.4.1, {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)}); empty when the sizes are
   * equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < oldSize <= newSize}
   */
  public static List<List<NodeAddress>> consistency(long oldSize, long newSize) {
    if (oldSize <= 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "a consistency proof needs 0 < old size <= new size, got " + oldSize + " and " + newSize);
    }
    List<List<NodeAddress>> proof = new ArrayList<>();
    subproof(oldSize, 0, newSize, true, proof);
    return proof;
  }

  /** SUBPROOF(m, D[lo:hi], b) with {@code m} counted from leaf 0. */
  private static void subproof(long m, long lo, long hi, boolean startsAtOldRoot, List<List<NodeAddress>> proof) {
    if (m == hi) {
      if (!startsAtOldRoot) {
        proof.add(rangeNodes(lo, hi));
      }
      return;
    }
    long k = splitPoint(hi - lo);
    if (m <= lo + k) {
      subproof(m, lo, lo + k, startsAtOldRoot, proof);
      proof.add(rangeNodes(lo + k, hi));
    } else {
      subproof(m, lo + k, hi, false, proof);
      proof.add(rangeNodes(lo, lo + k));
    }
  }
}

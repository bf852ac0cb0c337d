package io.citybrain.governance.merkle;

import java.util.List;
import java.util.Objects;

/**
 * That leaf {@code leafIndex} is in the tree of {@code treeSize} leaves: the audit path of RFC 9162
 * §2.1.3 (RFC 6962 §2.1.1), the sibling nearest the leaf first. At most {@code ceil(log2 treeSize)}
 * hashes.
 *
 * @param leafIndex the leaf, 0-based (the log's first entry is leaf 0)
 * @param treeSize leaves in the tree the proof is for
 * @param path the hashes of the audit path
 */
public record InclusionProof(long leafIndex, long treeSize, List<Sha256Hash> path) {
  public InclusionProof {
    Objects.requireNonNull(path, "path");
    path = List.copyOf(path);
  }

  /**
   * The root this proof leads to from {@code leafHash}, by the verification algorithm of RFC 9162
   * §2.1.3.2.
   *
   * @throws ProofException when the index is outside the tree or the path has the wrong length
   */
  public Sha256Hash rootFrom(Sha256Hash leafHash) throws ProofException {
    Objects.requireNonNull(leafHash, "leafHash");
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new ProofException("leaf index " + leafIndex + " is not in a tree of " + treeSize + " leaves");
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    Sha256Hash r = leafHash;
    for (Sha256Hash p : path) {
      if (sn == 0) {
        throw new ProofException(
            "inclusion path for leaf " + leafIndex + " of " + treeSize + " is too long (" + path.size() + " hashes)");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHasher.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = TreeHasher.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException(
          "inclusion path for leaf " + leafIndex + " of " + treeSize + " is too short (" + path.size() + " hashes)");
    }
    return r;
  }

  /**
   * Checks that the leaf with {@code leafHash} is at {@code leafIndex} in the tree with {@code root}.
   *
   * @throws ProofException saying what does not match
   */
  public void verify(Sha256Hash leafHash, Sha256Hash root) throws ProofException {
    Sha256Hash computed = rootFrom(leafHash);
    if (!computed.equals(root)) {
      throw new ProofException(
          "leaf " + leafIndex + " is not in the tree of " + treeSize + " leaves with root " + root.hex()
              + " (the path leads to " + computed.hex() + ")");
    }
  }
}

package io.citybrain.governance.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * That the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize} leaves: the log
 * only appended in between (RFC 9162 §2.1.4, RFC 6962 §2.1.2). At most about {@code log2 newSize + 1}
 * hashes; empty when the sizes are equal.
 *
 * @param oldSize leaves in the earlier tree, {@code > 0}
 * @param newSize leaves in the later tree, {@code >= oldSize}
 * @param path the proof's hashes in RFC order
 */
public record ConsistencyProof(long oldSize, long newSize, List<Sha256Hash> path) {
  public ConsistencyProof {
    Objects.requireNonNull(path, "path");
    path = List.copyOf(path);
  }

  /**
   * Checks that {@code oldRoot}, the root of the first {@code oldSize} leaves, and {@code newRoot},
   * the root of {@code newSize} leaves, belong to one append-only log, by the verification
   * algorithm of RFC 9162 §2.1.4.2. As there (and in the transparency-dev reference verifier): the
   * old size must be above zero, since every tree extends the empty one and a proof of that says
   * nothing; equal sizes need an empty proof and equal roots.
   *
   * @throws ProofException saying which check failed
   */
  public void verify(Sha256Hash oldRoot, Sha256Hash newRoot) throws ProofException {
    Objects.requireNonNull(oldRoot, "oldRoot");
    Objects.requireNonNull(newRoot, "newRoot");
    if (oldSize <= 0) {
      throw new ProofException("a consistency proof from a tree of " + oldSize + " leaves proves nothing");
    }
    if (newSize < oldSize) {
      throw new ProofException("the new tree (" + newSize + " leaves) is smaller than the old one (" + oldSize + ")");
    }
    if (oldSize == newSize) {
      if (!path.isEmpty()) {
        throw new ProofException("trees of equal size " + oldSize + " need an empty proof, got " + path.size() + " hashes");
      }
      if (!oldRoot.equals(newRoot)) {
        throw new ProofException(
            "two different roots for a tree of " + oldSize + " leaves: " + oldRoot.hex() + " and " + newRoot.hex());
      }
      return;
    }
    if (path.isEmpty()) {
      throw new ProofException("empty consistency proof from " + oldSize + " to " + newSize + " leaves");
    }
    List<Sha256Hash> p = new ArrayList<>(path);
    // step 2: an old tree that is a perfect subtree is not repeated in the proof
    if (Long.bitCount(oldSize) == 1) {
      p.add(0, oldRoot);
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    Sha256Hash fr = p.get(0);
    Sha256Hash sr = p.get(0);
    for (int i = 1; i < p.size(); i++) {
      Sha256Hash c = p.get(i);
      if (sn == 0) {
        throw new ProofException(
            "consistency proof from " + oldSize + " to " + newSize + " leaves is too long (" + path.size() + " hashes)");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHasher.nodeHash(c, fr);
        sr = TreeHasher.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = TreeHasher.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException(
          "consistency proof from " + oldSize + " to " + newSize + " leaves is too short (" + path.size() + " hashes)");
    }
    if (!fr.equals(oldRoot)) {
      throw new ProofException(
          "the proof does not lead to the old root " + oldRoot.hex() + " of " + oldSize + " leaves (got " + fr.hex()
              + "): the log changed what it had");
    }
    if (!sr.equals(newRoot)) {
      throw new ProofException(
          "the proof does not lead to the new root " + newRoot.hex() + " of " + newSize + " leaves (got " + sr.hex() + ")");
    }
  }
}

package io.citybrain.platform.audit;

import io.citybrain.governance.merkle.ConsistencyProof;
import io.citybrain.governance.merkle.InclusionProof;
import io.citybrain.governance.merkle.Sha256Hash;

/** Proofs the audit log gives out, with what a verifier needs to check them. */
public final class AuditProofs {
  private AuditProofs() {}

  /**
   * That an entry is in the tree of {@code proof.treeSize()} leaves.
   *
   * @param entry the entry (leaf index {@code seq - 1})
   * @param leafJson its canonical JSON ({@link AuditLeaf}), the bytes the leaf hashes
   * @param leafHash {@code SHA-256(0x00 || leafJson)}
   * @param proof the audit path (RFC 9162 §2.1.3)
   * @param root the root of the tree of {@code proof.treeSize()} leaves
   */
  public record Inclusion(AuditEntry entry, String leafJson, Sha256Hash leafHash, InclusionProof proof, Sha256Hash root) {}

  /**
   * That the tree of {@code proof.oldSize()} leaves is a prefix of the tree of {@code
   * proof.newSize()} leaves.
   *
   * @param proof the consistency proof (RFC 9162 §2.1.4)
   * @param oldRoot root of the smaller tree
   * @param newRoot root of the larger tree
   */
  public record Consistency(ConsistencyProof proof, Sha256Hash oldRoot, Sha256Hash newRoot) {}

  /**
   * A signed tree head.
   *
   * @param treeSize entries covered
   * @param root their RFC 6962 root
   * @param note the C2SP checkpoint as a signed note (origin, size, base64 root, blank line,
   *     signature line)
   * @param verifierKey the public key that verifies it, as a C2SP verifier key
   */
  public record SignedCheckpoint(long treeSize, Sha256Hash root, String note, String verifierKey) {}
}

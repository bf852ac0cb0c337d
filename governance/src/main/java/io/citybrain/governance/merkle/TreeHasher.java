package io.citybrain.governance.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions of RFC 6962 §2.1 (RFC 9162 §2.1.1): the empty tree, a leaf and an interior
 * node. The one-byte prefixes keep a leaf from being passed off as a node (second-preimage
 * resistance).
 */
public final class TreeHasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TreeHasher::newDigest);

  /** The root of the tree with no leaves: SHA-256 of the empty string. */
  public static final Sha256Hash EMPTY_ROOT = Sha256Hash.wrap(digest().digest());

  private TreeHasher() {}

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static MessageDigest digest() {
    MessageDigest d = SHA256.get();
    d.reset();
    return d;
  }

  /** {@code SHA-256(0x00 || entry)}: the hash of a leaf whose entry is these bytes. */
  public static Sha256Hash leafHash(byte[] entry) {
    MessageDigest d = digest();
    d.update(LEAF_PREFIX);
    d.update(entry);
    return Sha256Hash.wrap(d.digest());
  }

  /** {@code SHA-256(0x01 || left || right)}: the hash of an interior node. */
  public static Sha256Hash nodeHash(Sha256Hash left, Sha256Hash right) {
    MessageDigest d = digest();
    d.update(NODE_PREFIX);
    left.updateDigest(d);
    right.updateDigest(d);
    return Sha256Hash.wrap(d.digest());
  }
}

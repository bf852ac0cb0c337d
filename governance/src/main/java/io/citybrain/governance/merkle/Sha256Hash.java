package io.citybrain.governance.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 value of exactly 32 bytes: a leaf hash, a node hash or a tree root. Immutable; equal
 * when the bytes are equal (compared in constant time).
 */
public final class Sha256Hash {
  /** Length of a SHA-256 value in bytes. */
  public static final int BYTES = 32;

  private final byte[] bytes;

  private Sha256Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The hash with these bytes (copied).
   *
   * @throws IllegalArgumentException when there are not exactly 32 bytes
   */
  public static Sha256Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException(
          "a SHA-256 hash has 32 bytes, got " + (bytes == null ? "none" : bytes.length + ""));
    }
    return new Sha256Hash(bytes.clone());
  }

  /** Wraps bytes this package computed itself and never hands out. */
  static Sha256Hash wrap(byte[] bytes) {
    return new Sha256Hash(bytes);
  }

  /**
   * The hash written as 64 hexadecimal digits (either case).
   *
   * @throws IllegalArgumentException naming the text when it is not 64 hexadecimal digits
   */
  public static Sha256Hash fromHex(String hex) {
    if (hex == null || hex.length() != 2 * BYTES) {
      throw new IllegalArgumentException("expected 64 hexadecimal digits for a SHA-256 hash, got '" + hex + "'");
    }
    try {
      return new Sha256Hash(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected 64 hexadecimal digits for a SHA-256 hash, got '" + hex + "'", e);
    }
  }

  /**
   * The hash written in standard base64 (RFC 4648 §4), as in C2SP checkpoints.
   *
   * @throws IllegalArgumentException naming the text when it is not base64 of 32 bytes
   */
  public static Sha256Hash fromBase64(String base64) {
    byte[] b;
    try {
      b = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected the base64 of a 32-byte SHA-256 hash, got '" + base64 + "'", e);
    }
    if (b.length != BYTES) {
      throw new IllegalArgumentException(
          "expected the base64 of a 32-byte SHA-256 hash, got " + b.length + " bytes in '" + base64 + "'");
    }
    return new Sha256Hash(b);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Feeds the bytes to a digest without copying them. */
  void updateDigest(MessageDigest digest) {
    digest.update(bytes);
  }

  /** Lower-case hexadecimal, 64 digits. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** Standard base64 with padding, 44 characters. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256Hash h && MessageDigest.isEqual(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The hexadecimal form. */
  @Override
  public String toString() {
    return hex();
  }
}

package io.citybrain.governance.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Key names and key ids of the C2SP signed-note format. */
final class KeyNames {
  /** The signature type byte of Ed25519 note signatures. */
  static final byte ED25519 = 0x01;

  private KeyNames() {}

  /**
   * Checks a key name: non-empty, no Unicode space, no plus (C2SP signed-note, "Format").
   *
   * @throws IllegalArgumentException naming the name and the rule
   */
  static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a note key name must not be empty");
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+' || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp < 0x20) {
        throw new IllegalArgumentException(
            "note key name '" + name + "' must contain no space, plus sign or control character");
      }
      i += Character.charCount(cp);
    }
    return name;
  }

  /** {@code SHA-256(name || 0x0A || type || publicKey)[:4]} as a big-endian unsigned 32-bit value. */
  static long keyId(String name, byte type, byte[] publicKey) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(name.getBytes(StandardCharsets.UTF_8));
      d.update((byte) '\n');
      d.update(type);
      d.update(publicKey);
      byte[] h = d.digest();
      return ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A key id as 8 lower-case hexadecimal digits. */
  static String hex(long keyId) {
    return String.format("%08x", keyId);
  }
}

package io.citybrain.governance.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> base64(key id || signature)}.
 *
 * @param keyName the signer's key name
 * @param keyId the signer's 32-bit key id (unsigned, in a long)
 * @param signature the signature bytes (64 for Ed25519)
 */
public record NoteSignature(String keyName, long keyId, byte[] signature) {
  /** The em dash and space that start every signature line. */
  static final String PREFIX = "\u2014 ";

  public NoteSignature {
    KeyNames.check(keyName);
    Objects.requireNonNull(signature, "signature");
    if (keyId < 0 || keyId > 0xffffffffL) {
      throw new IllegalArgumentException("a note key id is a 32-bit unsigned value, got " + keyId);
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * Parses one line (without its newline).
   *
   * @throws NoteException naming the line when it is not {@code — name base64}
   */
  static NoteSignature parse(String line) throws NoteException {
    if (!line.startsWith(PREFIX)) {
      throw new NoteException("signature line must start with an em dash and a space: '" + line + "'");
    }
    String rest = line.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
      throw new NoteException("signature line must be '— <key name> <base64>': '" + line + "'");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new NoteException("signature line has no valid base64 signature: '" + line + "'", e);
    }
    if (raw.length < 5) {
      throw new NoteException("signature line's signature is shorter than a key id and one byte: '" + line + "'");
    }
    try {
      return new NoteSignature(
          rest.substring(0, space), ByteBuffer.wrap(raw, 0, 4).getInt() & 0xffffffffL, Arrays.copyOfRange(raw, 4, raw.length));
    } catch (IllegalArgumentException e) {
      throw new NoteException(e.getMessage() + " in '" + line + "'", e);
    }
  }

  /** The line, without its newline. */
  String format() {
    byte[] raw = ByteBuffer.allocate(4 + signature.length).putInt((int) keyId).put(signature).array();
    return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && s.keyName.equals(keyName)
        && s.keyId == keyId
        && Arrays.equals(s.signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return format();
  }
}

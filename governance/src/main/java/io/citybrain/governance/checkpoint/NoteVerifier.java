package io.citybrain.governance.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key that checks note signatures: its verifier key text ("vkey") is {@code <name>+<hex
 * key id>+base64(0x01 || 32-byte Ed25519 public key)} (C2SP signed-note, "Verifier keys"). This is
 * what a log publishes and a regulator configures.
 */
public final class NoteVerifier {
  private final String name;
  private final long keyId;
  private final byte[] publicKey;
  private final PublicKey jdkKey;

  NoteVerifier(String name, byte[] publicKey) throws InvalidKeyException {
    this.name = KeyNames.check(name);
    this.publicKey = publicKey.clone();
    this.jdkKey = Ed25519.publicKey(this.publicKey);
    this.keyId = KeyNames.keyId(name, KeyNames.ED25519, this.publicKey);
  }

  /**
   * Parses a verifier key.
   *
   * @throws NoteException naming the part that is wrong: the layout, an unknown signature type, a
   *     public key of the wrong length, or a key id that does not match the name and key
   */
  public static NoteVerifier parse(String vkey) throws NoteException {
    Objects.requireNonNull(vkey, "vkey");
    String[] parts = vkey.strip().split("\\+", 3); // base64 may hold plus signs
    if (parts.length != 3) {
      throw new NoteException("a verifier key is '<name>+<key id hex>+<base64 key>', got '" + vkey + "'");
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteException("verifier key '" + vkey + "': the key part is not base64", e);
    }
    if (typed.length == 0 || typed[0] != KeyNames.ED25519) {
      throw new NoteException(
          "verifier key '" + vkey + "': signature type " + (typed.length == 0 ? "missing" : String.format("0x%02x", typed[0]))
              + ", expected 0x01 (Ed25519)");
    }
    if (typed.length != 1 + Ed25519.KEY_BYTES) {
      throw new NoteException("verifier key '" + vkey + "': an Ed25519 public key has 32 bytes, got " + (typed.length - 1));
    }
    NoteVerifier v;
    try {
      v = new NoteVerifier(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
    } catch (IllegalArgumentException | InvalidKeyException e) {
      throw new NoteException("verifier key '" + vkey + "': " + e.getMessage(), e);
    }
    if (!KeyNames.hex(v.keyId).equals(parts[1])) {
      throw new NoteException(
          "verifier key '" + vkey + "': key id " + parts[1] + " does not match the name and key (expected "
              + KeyNames.hex(v.keyId) + ")");
    }
    return v;
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The 32-bit key id. */
  public long keyId() {
    return keyId;
  }

  /** The key id as 8 hexadecimal digits. */
  public String keyIdHex() {
    return KeyNames.hex(keyId);
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The verifier key text. */
  public String verifierKey() {
    return name + "+" + KeyNames.hex(keyId) + "+" + Base64.getEncoder().encodeToString(Ed25519.concat(new byte[] {KeyNames.ED25519}, publicKey));
  }

  /** True when this key's name and id are those of the signature line. */
  public boolean matches(NoteSignature s) {
    return s.keyName().equals(name) && s.keyId() == keyId;
  }

  /** Whether {@code signature} is this key's Ed25519 signature of the UTF-8 {@code text}. */
  public boolean verifies(String text, byte[] signature) {
    return Ed25519.verify(jdkKey, text.getBytes(StandardCharsets.UTF_8), signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return verifierKey();
  }
}

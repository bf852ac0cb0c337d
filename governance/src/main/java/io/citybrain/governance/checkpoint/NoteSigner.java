package io.citybrain.governance.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 signing key for notes. Its signer key text is {@code PRIVATE+KEY+<name>+<hex key
 * id>+base64(0x01 || 32-byte seed)}, the format of Go's {@code golang.org/x/mod/sumdb/note}, so a
 * key can move between this log and that ecosystem's tools. Keep it secret: {@link SigningKeyFile}
 * stores it readable by its owner only.
 */
public final class NoteSigner {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] seed;
  private final PrivateKey privateKey;
  private final NoteVerifier verifier;

  private NoteSigner(String name, byte[] seed) {
    this.name = KeyNames.check(name);
    this.seed = seed.clone();
    this.privateKey = Ed25519.privateKey(this.seed);
    try {
      this.verifier = new NoteVerifier(name, Ed25519.publicKeyOf(this.seed));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the JDK derived an invalid Ed25519 public key", e);
    }
  }

  /**
   * A new random key.
   *
   * @param name the key name; for a log, its origin (C2SP tlog-checkpoint: "SHOULD match")
   * @throws IllegalArgumentException when the name is empty or has a space or plus sign
   */
  public static NoteSigner generate(String name) {
    return new NoteSigner(name, Ed25519.newSeed());
  }

  /**
   * Parses a signer key text.
   *
   * @throws NoteException naming what is wrong (never echoing the secret part)
   */
  public static NoteSigner parse(String skey) throws NoteException {
    Objects.requireNonNull(skey, "skey");
    String s = skey.strip();
    if (!s.startsWith(PREFIX)) {
      throw new NoteException("a signer key starts with 'PRIVATE+KEY+'");
    }
    String[] parts = s.substring(PREFIX.length()).split("\\+", 3); // base64 may hold plus signs
    if (parts.length != 3) {
      throw new NoteException("a signer key is 'PRIVATE+KEY+<name>+<key id hex>+<base64 key>'");
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteException("signer key for '" + parts[0] + "': the key part is not base64");
    }
    if (typed.length != 1 + Ed25519.KEY_BYTES || typed[0] != KeyNames.ED25519) {
      throw new NoteException("signer key for '" + parts[0] + "': expected type 0x01 (Ed25519) and a 32-byte seed");
    }
    NoteSigner signer;
    try {
      signer = new NoteSigner(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
    } catch (IllegalArgumentException e) {
      throw new NoteException("signer key: " + e.getMessage());
    }
    if (!signer.verifier.keyIdHex().equals(parts[1])) {
      throw new NoteException(
          "signer key for '" + parts[0] + "': key id " + parts[1] + " does not match the key (expected "
              + signer.verifier.keyIdHex() + ")");
    }
    return signer;
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The matching public key. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /** The signer key text (secret). */
  public String signerKey() {
    return PREFIX + name + "+" + verifier.keyIdHex() + "+"
        + Base64.getEncoder().encodeToString(Ed25519.concat(new byte[] {KeyNames.ED25519}, seed));
  }

  /** This key's signature of a note text (which must end in a newline). */
  public NoteSignature sign(String text) {
    byte[] sig = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
    return new NoteSignature(name, verifier.keyId(), sig);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "NoteSigner[" + verifier.verifierKey() + "]";
  }
}

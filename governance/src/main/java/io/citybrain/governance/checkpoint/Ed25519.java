package io.citybrain.governance.checkpoint;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) on the JDK's SunEC provider, with keys as the raw bytes notes use: a 32-byte
 * private seed and a 32-byte public key. The JDK only speaks DER, so raw keys are wrapped in the
 * fixed DER prefixes of RFC 8410 (a PKCS #8 private key and an X.509 SubjectPublicKeyInfo).
 */
final class Ed25519 {
  static final int KEY_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  /** RFC 8410 §7: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING { 32 bytes } }. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** RFC 8410 §7: PKCS #8 v1 with OCTET STRING { OCTET STRING { 32-byte seed } }. */
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private Ed25519() {}

  /** A new random 32-byte private seed. */
  static byte[] newSeed() {
    byte[] seed = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(seed);
    return seed;
  }

  /** The JDK private key of a seed. */
  static PrivateKey privateKey(byte[] seed) {
    checkLength(seed, "private key seed");
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK refused an Ed25519 private key: " + e.getMessage(), e);
    }
  }

  /** The JDK public key of 32 raw bytes. */
  static PublicKey publicKey(byte[] raw) throws InvalidKeyException {
    checkLength(raw, "public key");
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** The 32 raw bytes of a JDK public key. */
  static byte[] raw(PublicKey key) {
    byte[] der = key.getEncoded();
    return Arrays.copyOfRange(der, der.length - KEY_BYTES, der.length);
  }

  /**
   * The public key of a seed. The JDK computes it only while generating a pair from 32 random
   * bytes (RFC 8032 §5.1.5), so the generator is handed a source that yields exactly the seed.
   */
  static byte[] publicKeyOf(byte[] seed) {
    checkLength(seed, "private key seed");
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(255, new FixedBytes(seed));
      KeyPair pair = g.generateKeyPair();
      return raw(pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot derive an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (SignatureException | InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available: " + e.getMessage(), e);
    }
  }

  private static void checkLength(byte[] b, String what) {
    if (b == null || b.length != KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 " + what + " has 32 bytes, got " + (b == null ? "none" : b.length));
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A "random" source that yields one fixed value, so key generation computes a seed's public key. */
  private static final class FixedBytes extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] value;

    FixedBytes(byte[] value) {
      super(new byte[0]);
      this.value = value.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != value.length) {
        throw new IllegalStateException("expected a request for " + value.length + " bytes, got " + bytes.length);
      }
      System.arraycopy(value, 0, bytes, 0, value.length);
    }
  }
}

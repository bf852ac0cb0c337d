package io.citybrain.commons.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) digests as 64 lower-case hexadecimal characters: the one hash every
 * citybrain module uses for input files, scenarios, tokens, audit entries and algorithm artifacts.
 */
public final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();
  private static final int BUFFER_BYTES = 1 << 16;

  private Sha256() {}

  /** A fresh SHA-256 digest; every Java platform must provide it (JCA standard names). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256, which every Java platform must provide", e);
    }
  }

  /** The digest of {@code bytes}, 32 bytes. */
  public static byte[] digest(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  /** The hex digest of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(digest(bytes));
  }

  /** The hex digest of {@code text} encoded as UTF-8. */
  public static String hexOfUtf8(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hex digest of everything {@code in} yields until its end; the stream is read but not
   * closed.
   *
   * @throws IOException when reading fails
   */
  public static String hex(InputStream in) throws IOException {
    MessageDigest md = newDigest();
    byte[] buffer = new byte[BUFFER_BYTES];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      md.update(buffer, 0, n);
    }
    return HEX.formatHex(md.digest());
  }

  /**
   * The hex digest of the content of {@code file}, read in a streaming way (files of any size).
   *
   * @throws IOException when the file cannot be read
   */
  public static String hex(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return hex(in);
    }
  }

  /** {@code bytes} as lower-case hex, two characters per byte. */
  public static String toHex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}

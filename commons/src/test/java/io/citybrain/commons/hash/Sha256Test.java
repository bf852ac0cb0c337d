package io.citybrain.commons.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIPS 180-4 / NIST example vectors, the same digest for bytes, streams and files. */
class Sha256Test {
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String TWO_BLOCKS = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

  @TempDir Path dir;

  @Test
  void nistVectors() {
    assertThat(Sha256.hexOfUtf8("abc")).isEqualTo(ABC);
    assertThat(Sha256.hex(new byte[0])).isEqualTo(EMPTY);
    assertThat(Sha256.hexOfUtf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).isEqualTo(TWO_BLOCKS);
  }

  @Test
  void streamsAndFilesLargerThanTheBufferGiveTheBytesDigest() throws IOException {
    byte[] content = new byte[(1 << 16) * 3 + 17];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Path file = dir.resolve("case.m");
    Files.write(file, content);

    String expected = Sha256.hex(content);
    assertThat(Sha256.hex(new ByteArrayInputStream(content))).isEqualTo(expected);
    assertThat(Sha256.hex(file)).isEqualTo(expected);
    assertThat(expected).isNotEqualTo(Sha256.hex("x".getBytes(StandardCharsets.UTF_8)));
  }
}

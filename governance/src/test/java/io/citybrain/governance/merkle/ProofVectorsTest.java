package io.citybrain.governance.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transparency-dev/merkle proof vectors (see {@code merkle/README.md} in the test resources):
 * every happy path verifies and every mutation (flipped bit, swapped roots, extra or missing hash,
 * wrong size or index, malformed hash) is rejected.
 */
class ProofVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<JsonNode> inclusion() throws IOException {
    return read("merkle/inclusion-vectors.jsonl").stream();
  }

  static Stream<JsonNode> consistency() throws IOException {
    return read("merkle/consistency-vectors.jsonl").stream();
  }

  private static List<JsonNode> read(String resource) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(ProofVectorsTest.class.getClassLoader().getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(JSON.readTree(line));
      }
    }
    assertThat(out).as(resource).hasSizeGreaterThan(90);
    return out;
  }

  /**
   * A hash from a vector. Cases that test only sizes use the placeholders "don't care 1" and "don't
   * care 2" (12 bytes) as roots; a {@link Sha256Hash} cannot hold 12 bytes, so each placeholder
   * stands for a fixed 32-byte value of its own, which keeps the cases' equalities.
   */
  private static Sha256Hash hash(String base64) {
    if (base64.equals("ZG9uJ3QgY2FyZSAx") || base64.equals("ZG9uJ3QgY2FyZSAy")) {
      return TreeHasher.leafHash(base64.getBytes(StandardCharsets.US_ASCII));
    }
    return Sha256Hash.fromBase64(base64);
  }

  private static List<Sha256Hash> hashes(JsonNode array) {
    List<Sha256Hash> out = new ArrayList<>();
    if (array != null && !array.isNull()) {
      array.forEach(h -> out.add(hash(h.asText())));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusion")
  void inclusionVector(JsonNode v) {
    boolean rejected;
    try {
      InclusionProof p = new InclusionProof(v.get("leafIdx").asLong(), v.get("treeSize").asLong(), hashes(v.get("proof")));
      p.verify(hash(v.get("leafHash").asText()), hash(v.get("root").asText()));
      rejected = false;
    } catch (ProofException | IllegalArgumentException e) {
      rejected = true;
    }
    assertThat(rejected).as("%s: %s", v.get("file").asText(), v.get("desc").asText()).isEqualTo(v.get("wantErr").asBoolean());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistency")
  void consistencyVector(JsonNode v) {
    boolean rejected;
    try {
      ConsistencyProof p = new ConsistencyProof(v.get("size1").asLong(), v.get("size2").asLong(), hashes(v.get("proof")));
      p.verify(hash(v.get("root1").asText()), hash(v.get("root2").asText()));
      rejected = false;
    } catch (ProofException | IllegalArgumentException e) {
      rejected = true;
    }
    assertThat(rejected).as("%s: %s", v.get("file").asText(), v.get("desc").asText()).isEqualTo(v.get("wantErr").asBoolean());
  }
}

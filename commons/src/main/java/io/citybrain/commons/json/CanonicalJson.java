package io.citybrain.commons.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.commons.hash.Sha256;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Canonical JSON for everything citybrain hashes or signs (audit entries, algorithm artifact
 * digests, checkpoints): the JSON Canonicalization Scheme of RFC 8785 (JCS). Object members
 * sorted by the UTF-16 code units of their names, no whitespace, strings escaped as ECMAScript's
 * {@code JSON.stringify} does, numbers written as ECMAScript's {@code Number.prototype.toString}
 * (RFC 8785 section 3.2.2.3), so any JCS implementation in any language produces the same bytes.
 *
 * <p>The canonical text comes from the RFC authors' Java implementation
 * ({@code io.github.erdtman:java-json-canonicalization}); this class turns Java values into JSON
 * with Jackson first and refuses what RFC 8785 (section 3.1, I-JSON) cannot represent exactly:
 * NaN and infinities, and integers beyond ±2<sup>53</sup> (JSON numbers are IEEE-754 doubles
 * there; such values belong in strings).
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigInteger MAX_EXACT = BigInteger.ONE.shiftLeft(53);

  private CanonicalJson() {}

  /**
   * The canonical text of {@code value} (a record, map, list, string, number, boolean, {@code
   * null} or a Jackson tree) as Jackson would serialise it.
   *
   * @throws IllegalArgumentException naming the JSON path of a number RFC 8785 cannot represent
   *     exactly (NaN, infinity, an integer beyond ±2^53), or when Jackson cannot serialise {@code value}
   */
  public static String canonicalize(Object value) {
    JsonNode tree = value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
    checkNumbers(tree, "");
    String text;
    try {
      text = MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
    return canonicalizeText(text);
  }

  /**
   * The canonical form of the JSON text {@code json}.
   *
   * @throws IllegalArgumentException when {@code json} is not well-formed JSON, has duplicate
   *     member names, or has a number that is not finite as a double
   */
  public static String canonicalizeText(String json) {
    try {
      return new JsonCanonicalizer(json).getEncodedString();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not canonicalisable JSON (RFC 8785): " + e.getMessage(), e);
    }
  }

  /** The canonical text of {@code value} as UTF-8 bytes (what is hashed or signed). */
  public static byte[] canonicalUtf8(Object value) {
    return canonicalize(value).getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 (hex) of the canonical UTF-8 bytes of {@code value}. */
  public static String sha256(Object value) {
    return Sha256.hex(canonicalUtf8(value));
  }

  private static void checkNumbers(JsonNode node, String path) {
    if (node.isNumber()) {
      if (node.isFloatingPointNumber()) {
        if (!Double.isFinite(node.doubleValue())) {
          throw new IllegalArgumentException(where(path) + " is " + node.doubleValue()
              + "; expected a finite number (RFC 8785 has no NaN or infinity)");
        }
      } else if (node.bigIntegerValue().abs().compareTo(MAX_EXACT) > 0) {
        throw new IllegalArgumentException(where(path) + " is " + node.bigIntegerValue()
            + "; expected an integer within ±2^53 (RFC 8785 numbers are doubles; write larger integers as strings)");
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkNumbers(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        checkNumbers(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "the value" : path;
  }
}

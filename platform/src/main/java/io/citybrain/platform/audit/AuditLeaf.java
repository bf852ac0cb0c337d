package io.citybrain.platform.audit;

import io.citybrain.commons.json.CanonicalJson;
import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.governance.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the audit log's Merkle tree hashes for an entry: the entry as a JSON object in the
 * canonical form of RFC 8785 (JCS), UTF-8 encoded, hashed as an RFC 6962 leaf ({@code SHA-256(0x00
 * || bytes)}). The object's members:
 *
 * <pre>
 * seq                 integer, 1, 2, ...; leaf index = seq - 1
 * at                  integer, epoch milliseconds (UTC)
 * actor, action, target, details   strings
 * controller, controllerVersion    strings, present only when the entry concerns an algorithm run
 * prevHash, hash      the entry's hash chain (64 hex digits each, see {@link AuditLog#hash})
 * </pre>
 *
 * <p>The chain fields are part of the leaf so that history written before the tree (chain only)
 * and after it have one format, and the old chain stays checkable inside the tree. Any JCS
 * implementation reproduces the bytes from the fields; the standalone verifier does so in Python.
 */
public final class AuditLeaf {
  private AuditLeaf() {}

  /** The entry's canonical JSON text (the leaf's content). */
  public static String canonicalJson(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.at().toEpochMilli());
    m.put("actor", e.event().actor());
    m.put("action", e.event().action());
    m.put("target", e.event().target());
    e.event().controller().ifPresent(c -> m.put("controller", c));
    e.event().controllerVersion().ifPresent(v -> m.put("controllerVersion", v));
    m.put("details", e.event().details());
    m.put("prevHash", e.prevHash());
    m.put("hash", e.hash());
    return CanonicalJson.canonicalize(m);
  }

  /** The RFC 6962 leaf hash of the entry: {@code SHA-256(0x00 || UTF-8(canonicalJson(e)))}. */
  public static Sha256Hash hash(AuditEntry e) {
    return TreeHasher.leafHash(canonicalJson(e).getBytes(StandardCharsets.UTF_8));
  }
}

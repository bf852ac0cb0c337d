/**
 * Governance of the algorithms that act on a city: filing, approval and the log a regulator can
 * verify (see {@code docs/audit-log.md}). The pure parts live here, without a database or web
 * library; the platform stores and serves them.
 *
 * <ul>
 *   <li>{@link io.citybrain.governance.merkle}: RFC 6962 / RFC 9162 Merkle tree hashing, tree heads,
 *       inclusion and consistency proofs.
 *   <li>{@link io.citybrain.governance.checkpoint}: signed checkpoints in the C2SP checkpoint and
 *       signed-note formats, Ed25519 keys.
 * </ul>
 */
package io.citybrain.governance;

/**
 * Signed checkpoints: the tree heads a log signs and its verifiers keep.
 *
 * <ul>
 *   <li>{@link io.citybrain.governance.checkpoint.SignedNote}: the C2SP signed-note format
 *       (https://c2sp.org/signed-note): a text, a blank line, then lines {@code — <key name>
 *       base64(key id || signature)}.
 *   <li>{@link io.citybrain.governance.checkpoint.Checkpoint}: the C2SP tlog-checkpoint note text
 *       (https://c2sp.org/tlog-checkpoint): origin, tree size, base64 root hash.
 *   <li>{@link io.citybrain.governance.checkpoint.NoteSigner} and {@link
 *       io.citybrain.governance.checkpoint.NoteVerifier}: Ed25519 (RFC 8032, from the JDK) signatures
 *       of type {@code 0x01}, with the key id {@code SHA-256(name || 0x0A || 0x01 || public key)[:4]}
 *       and the signer/verifier key texts of Go's {@code golang.org/x/mod/sumdb/note}, so keys and
 *       checkpoints work with that ecosystem's tools.
 *   <li>{@link io.citybrain.governance.checkpoint.SigningKeyFile}: a signing key created on first use
 *       in a file only its owner can read.
 * </ul>
 */
package io.citybrain.governance.checkpoint;

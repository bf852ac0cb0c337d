/**
 * Merkle tree hashing and proofs as defined by RFC 6962 §2.1 and restated in RFC 9162 §2.1 (the
 * Certificate Transparency log tree; also C2SP tlog-checkpoint's tree):
 *
 * <ul>
 *   <li>the hash of an empty tree is SHA-256 of nothing;
 *   <li>a leaf hash is {@code SHA-256(0x00 || entry)}, an interior node {@code SHA-256(0x01 || left
 *       || right)};
 *   <li>a tree of {@code n > 1} leaves splits at {@code k}, the largest power of two smaller than
 *       {@code n}: the left subtree holds leaves {@code [0, k)}, the right one {@code [k, n)}.
 * </ul>
 *
 * <p>Storage-independent: a log stores the hashes of the <em>perfect</em> subtrees ({@link
 * io.citybrain.governance.merkle.NodeAddress}) as it appends ({@link
 * io.citybrain.governance.merkle.TreeFrontier}); every root and proof of any tree size is a fold
 * over O(log n) of them ({@link io.citybrain.governance.merkle.ProofPlans}), read in one batch
 * ({@link io.citybrain.governance.merkle.ProofGenerator}). Proofs are verified with the algorithms of
 * RFC 9162 §2.1.3.2 and §2.1.4.2 ({@link io.citybrain.governance.merkle.InclusionProof}, {@link
 * io.citybrain.governance.merkle.ConsistencyProof}).
 */
package io.citybrain.governance.merkle;

package io.citybrain.platform.audit;

import java.util.Optional;

/**
 * The result of checking the audit log: entries, hash chain, Merkle tree and signed checkpoints.
 *
 * @param intact true when every check passed
 * @param entries entries checked (up to and including the first broken one)
 * @param lastHash chain hash of the last intact entry ({@link AuditLog#GENESIS} when the log is empty)
 * @param brokenAtSeq sequence number of the first entry that fails (for a log cut short: the first
 *     missing one), when not intact
 * @param problem what is wrong, when not intact
 * @param treeSize leaves in the tree rebuilt from the entries checked
 * @param rootHex RFC 6962 root (64 hex digits) of that tree
 * @param checkpointsChecked signed checkpoints whose root was compared with the rebuilt tree
 */
public record AuditVerification(
    boolean intact,
    long entries,
    String lastHash,
    Optional<Long> brokenAtSeq,
    Optional<String> problem,
    long treeSize,
    String rootHex,
    int checkpointsChecked) {

  /**
   * One line for people: {@code audit log intact: 12 entries, tree root 3f2a..., 2 checkpoints
   * match, last hash 9b1c...}.
   */
  public String describe() {
    if (intact) {
      return "audit log intact: " + entries + (entries == 1 ? " entry" : " entries") + ", tree root " + rootHex + ", "
          + checkpointsChecked + (checkpointsChecked == 1 ? " signed checkpoint matches" : " signed checkpoints match")
          + ", last hash " + lastHash;
    }
    return "audit log BROKEN at entry " + brokenAtSeq.orElse(-1L) + ": " + problem.orElse("?");
  }
}

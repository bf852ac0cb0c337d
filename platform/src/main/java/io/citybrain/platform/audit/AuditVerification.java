package io.citybrain.platform.audit;

import java.util.Optional;

/**
 * The result of checking the audit chain.
 *
 * @param intact true when every entry's hash matches its content and links to its predecessor
 * @param entries entries checked (up to and including the first broken one)
 * @param lastHash hash of the last intact entry ({@link AuditLog#GENESIS} when the log is empty)
 * @param brokenAtSeq sequence number of the first entry that fails, when not intact
 * @param problem what is wrong with it, when not intact
 */
public record AuditVerification(
    boolean intact, long entries, String lastHash, Optional<Long> brokenAtSeq, Optional<String> problem) {

  /** One line for people: {@code audit log intact: 12 entries, last hash 3f2a...}. */
  public String describe() {
    if (intact) {
      return "audit log intact: " + entries + (entries == 1 ? " entry" : " entries") + ", last hash " + lastHash;
    }
    return "audit log BROKEN at entry " + brokenAtSeq.orElse(-1L) + ": " + problem.orElse("?");
  }
}

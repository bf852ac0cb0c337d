package io.citybrain.platform.audit;

import java.time.Instant;

/**
 * One entry of the audit log as stored.
 *
 * @param seq position in the log, from 1, without gaps
 * @param at when it was appended (millisecond precision)
 * @param event what was recorded
 * @param prevHash the hash of entry {@code seq - 1} ({@link AuditLog#GENESIS} for the first)
 * @param hash SHA-256 (hex) of this entry's canonical form, see {@link AuditLog#hash}
 */
public record AuditEntry(long seq, Instant at, AuditEvent event, String prevHash, String hash) {}

package io.citybrain.platform.alarms;

import java.time.Instant;

/**
 * A stored alarm.
 *
 * @param id its number
 * @param source what raised it ({@link NewAlarm#source()})
 * @param kind what it is about
 * @param subject what it concerns
 * @param severity the highest severity any of its occurrences had
 * @param state where it is in its lifecycle
 * @param message the latest occurrence's message
 * @param jurisdiction its jurisdiction, or null
 * @param occurrences how many times it was raised while open (1 + repeats de-duplicated into it)
 * @param raisedAt when first raised
 * @param lastSeenAt when last raised
 * @param acknowledgedAt when acknowledged, or null
 * @param acknowledgedBy who acknowledged it, or null
 * @param clearedAt when cleared, or null
 * @param clearedBy who cleared it, or null
 * @param seriesJson the triggering series as JSON {@code [[epochMs, value], ...]}, or null
 */
public record Alarm(
    long id,
    String source,
    String kind,
    String subject,
    AlarmSeverity severity,
    AlarmState state,
    String message,
    String jurisdiction,
    long occurrences,
    Instant raisedAt,
    Instant lastSeenAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant clearedAt,
    String clearedBy,
    String seriesJson) {}

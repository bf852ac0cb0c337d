package io.citybrain.live.field;

/**
 * What a running field announces (retained, so that a centre starting later learns it): the
 * instant of its step 0 and its step, which the centre's loop needs to read decision times, and the
 * city it simulates.
 *
 * @param originMillis instant of step 0, ms since the epoch
 * @param intervalSeconds simulated seconds per step
 * @param city the scenario's name
 */
public record FieldSession(long originMillis, double intervalSeconds, String city) {}

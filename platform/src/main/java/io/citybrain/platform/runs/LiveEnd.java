package io.citybrain.platform.runs;

/**
 * The last event of a live stream.
 *
 * @param runId the run
 * @param status its final status ({@code succeeded}, {@code cancelled}, {@code failed})
 * @param statusText the status as shown to people, e.g. {@code failed (interrupted)}
 */
public record LiveEnd(long runId, String status, String statusText) {}

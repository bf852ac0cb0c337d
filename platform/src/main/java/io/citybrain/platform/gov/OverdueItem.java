package io.citybrain.platform.gov;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A filing whose lifecycle deadline has passed (SPEC section 6, check 8).
 *
 * @param filingNumber the filing
 * @param kind {@code change-filing} (filed information changed, no change filing within 10
 *     working days) or {@code cancellation} (service stopped, not cancelled within 20)
 * @param since when the information changed or the service stopped
 * @param deadline the last day allowed ({@link WorkingDays}, China Standard Time)
 * @param detail what changed or stopped
 */
public record OverdueItem(String filingNumber, String kind, Instant since, LocalDate deadline, String detail) {}

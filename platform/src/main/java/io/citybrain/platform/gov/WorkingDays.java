package io.citybrain.platform.gov;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Deadlines in working days, as China's filing rules count them (Algorithmic Recommendation
 * Provisions art. 25: a change within 10 working days, a cancellation within 20). Working days are
 * Monday to Friday in China Standard Time ({@link #ZONE}); public holidays and the weekend days
 * worked in their place are not modelled, so a deadline across a holiday comes early, never late.
 */
public final class WorkingDays {
  /** The time zone days are counted in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Working days for a change filing after filed information changed. */
  public static final int CHANGE_FILING = 10;

  /** Working days for a cancellation after the service stopped. */
  public static final int CANCELLATION = 20;

  private WorkingDays() {}

  /**
   * The last day allowed: the {@code n}-th working day after the day of {@code event} (the
   * event's own day is not counted). A change on Friday 2026-03-06 is due by Friday 2026-03-20.
   *
   * @param n at least 1
   */
  public static LocalDate deadline(Instant event, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    LocalDate d = event.atZone(ZONE).toLocalDate();
    int counted = 0;
    while (counted < n) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return d;
  }

  /** The moment the deadline has passed: the start of the day after {@link #deadline}, in {@link #ZONE}. */
  public static Instant passesAt(Instant event, int n) {
    return deadline(event, n).plusDays(1).atStartOfDay(ZONE).toInstant();
  }
}

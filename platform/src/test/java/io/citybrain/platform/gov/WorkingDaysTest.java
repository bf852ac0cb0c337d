package io.citybrain.platform.gov;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deadlines in working days, counted by hand on a calendar of March 2026. */
class WorkingDaysTest {
  @Test
  void tenWorkingDaysFromAFridaySkipTwoWeekends() {
    // Fri 6 March 2026, 10:00 in Beijing: Mon 9 ... Fri 13 (5), Mon 16 ... Fri 20 (10)
    Instant friday = Instant.parse("2026-03-06T02:00:00Z");
    assertThat(WorkingDays.deadline(friday, 10)).isEqualTo(LocalDate.parse("2026-03-20"));
    assertThat(WorkingDays.passesAt(friday, 10)).isEqualTo(Instant.parse("2026-03-20T16:00:00Z")); // 21 March 00:00 CST
  }

  @Test
  void theDayIsTheDayInChinaStandardTime() {
    // Sun 8 March 2026 20:00 UTC is Mon 9 March 04:00 in Beijing: Mon counts as day 0
    Instant sundayUtc = Instant.parse("2026-03-08T20:00:00Z");
    assertThat(WorkingDays.deadline(sundayUtc, 1)).isEqualTo(LocalDate.parse("2026-03-10"));
    // a Saturday event: Mon 9 is day 1; 20 working days end Fri 3 April
    assertThat(WorkingDays.deadline(Instant.parse("2026-03-07T04:00:00Z"), 20)).isEqualTo(LocalDate.parse("2026-04-03"));
  }
}

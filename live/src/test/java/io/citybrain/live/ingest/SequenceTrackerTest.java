package io.citybrain.live.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
  @Test
  void repeatsAreRecognisedAndGapsCounted() {
    SequenceTracker t = new SequenceTracker();
    assertThat(t.accept("s", 5)).isTrue();
    assertThat(t.accept("s", 6)).isTrue();
    assertThat(t.accept("s", 6)).isFalse();
    assertThat(t.accept("s", 9)).isTrue(); // 7 and 8 not (yet) received
    assertThat(t.missing()).isEqualTo(2);
    assertThat(t.accept("s", 8)).isTrue(); // late, not a repeat
    assertThat(t.accept("s", 8)).isFalse();
    assertThat(t.missing()).isEqualTo(1);
    assertThat(t.accept("other", 0)).isTrue();
    assertThat(t.senders()).isEqualTo(2);
  }

  @Test
  void numbersFarBehindTheWindowAreGivenUp() {
    SequenceTracker t = new SequenceTracker();
    t.accept("s", 0);
    t.accept("s", 2 + SequenceTracker.WINDOW * 2L);
    // 1 .. 2W+1 missing; the window moved past 1, which now counts as received before (a repeat)
    assertThat(t.missing()).isEqualTo(1 + SequenceTracker.WINDOW * 2L);
    assertThat(t.accept("s", 1)).isFalse();
    assertThat(t.accept("s", 1 + SequenceTracker.WINDOW * 2L)).isTrue();
  }
}

package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress line printed when standard error is not a terminal. */
class ProgressTest {
  @Test
  void lineSaysStepsShareVehiclesAndWallTime() {
    assertThat(Progress.line("max-pressure", 1200, 3600, 1234, 12.4))
        .isEqualTo("max-pressure: 1,200 / 3,600 steps (33 %), 1,234 vehicles in network, 12 s");
  }
}

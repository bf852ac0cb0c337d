package io.citybrain.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.traffic.metrics.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison printed by {@code demo} and {@code traffic compare}: its verdict and its width. */
class SummaryTablesTest {
  /** A summary with the figures the tables show; the rest are placeholders. */
  static RunSummary summary(String controller, double att, long finished) {
    return new RunSummary(
        "jinan/real", controller, "1", Map.of(), "sha256:0", 0, 3600, 3600, 12.5, att, att - 40, 6295, 6295, finished,
        1234, 56, finished, 123.4, 1.8, 10, 456.7, 12345, 2.35, 1812, 12_345_678, 2000, 1, 120, 80, 567, 3600, 12.3,
        "r", "f", "", Double.NaN, 0, 0, 0, Double.NaN, -1, -1);
  }

  // Jinan's real flow: fixed-time 516.79 s, max-pressure 329.46 s (CityFlow's figures, CompareIT)
  private final List<RunSummary> jinan =
      List.of(summary("fixed-time", 516.79, 5000), summary("max-pressure", 329.46, 6000), summary("discharge-pressure", 340.00, 5900));

  @Test
  void verdictNamesTheBestControllerAndItsSavingOverFixedTime() {
    // 516.79 - 329.46 = 187.33 s; 187.33 / 516.79 = 36.25 %
    assertThat(SummaryTables.verdict(jinan))
        .isEqualTo("Best: max-pressure, average travel time 329.46 s, 187.33 s (36.2 %) below fixed-time.\n");
  }

  @Test
  void withoutFixedTimeTheVerdictNamesTheRunnerUp() {
    assertThat(SummaryTables.verdict(jinan.subList(1, 3)))
        .isEqualTo("Best: max-pressure, average travel time 329.46 s; next discharge-pressure 340.00 s.\n");
    assertThat(SummaryTables.verdict(jinan.subList(1, 2))).isEmpty();
  }

  @Test
  void defaultTableFitsOneHundredColumnsAndShowsTheChangeFromFixedTime() {
    String table = SummaryTables.comparison(jinan);
    assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(SummaryTables.NARROW_COLUMNS));
    String maxPressure = table.lines().filter(l -> l.startsWith("max-pressure")).findFirst().orElseThrow();
    // 329.46 / 516.79 - 1 = -36.25 %
    assertThat(maxPressure.split("\\s{2,}")).startsWith("max-pressure", "329.46", "-36.2 %");
    assertThat(table.lines().filter(l -> l.startsWith("fixed-time")).findFirst().orElseThrow()).contains(" ref ");
    // the longest controller name winning by a three-digit margin still fits
    String longest = SummaryTables.comparison(List.of(summary("fixed-time", 1516.79, 5000), summary("discharge-pressure", 275.44, 6000)));
    assertThat(longest.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(SummaryTables.NARROW_COLUMNS));
  }

  @Test
  void wideTableHasEveryFigure() {
    String wide = SummaryTables.comparisonWide(jinan);
    assertThat(wide).contains("ATT finished s").contains("veh-steps/s").contains("queue (mean)");
    assertThat(wide.lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(SummaryTables.NARROW_COLUMNS);
  }
}

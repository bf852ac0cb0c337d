package io.citybrain.bench.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridBenchmarkTest {

  @Test
  void referenceResourceHoldsMatpowersFigures() {
    var reference = MatpowerReference.load();
    assertThat(reference.keySet()).containsExactly("case5", "case9", "case14", "case30", "case118", "case9241pegase");
    assertThat(reference.get("case9241pegase").dcOpfCostPerHour()).isEqualTo(312410.977673);
    assertThat(reference.get("case9241pegase").bestDcOpfSeconds()).isEqualTo(2.44);
  }

  @Test
  void timesSmallCasesAndPrintsRatios() {
    List<GridBenchmark.CaseTiming> timings = GridBenchmark.run(List.of("case5", "case9", "case57"), 1, 3);
    assertThat(timings).hasSize(3);
    assertThat(timings.get(0).costPerHour()).isCloseTo(17479.895776, within(1e-6 * 17479.895776));
    assertThat(timings.get(1).ratioToMatpower()).isPositive();
    assertThat(timings.get(2).reference()).isNull();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GridBenchmark.print(timings, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertThat(text).contains("case5").contains("0.24 / 0.29").contains("case57");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(GridBenchmark.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(GridBenchmark.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
  }
}

package io.citybrain.cli;

import static io.citybrain.cli.RunOutputs.assertWellFormedSummary;
import static io.citybrain.cli.RunOutputs.json;
import static io.citybrain.cli.RunOutputs.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citybrain demo} and {@code citybrain traffic compare} on the built jar. Each runs ten
 * one-hour simulations, so each is run once.
 */
class CompareIT {
  static final List<String> CONTROLLERS =
      List.of(
          "fixed-time",
          "roadnet-plan",
          "sotl",
          "max-pressure",
          "efficient-mp",
          "actuated-pressure",
          "advanced-mp",
          "discharge-pressure",
          "kdd-fixed-time",
          "kdd-max-pressure");

  @TempDir static Path dir;

  /** The README's main job: every controller on Jinan's real flow, one table. */
  @Test
  void demoComparesEveryControllerOnJinan() {
    Result demo = CitybrainJar.run(dir, "demo").assertSuccess();

    Map<String, String[]> rows = tableRows(demo.stdout());
    assertThat(rows.keySet()).as(demo.describe()).containsExactlyElementsOf(CONTROLLERS);
    // the table's second column is the average travel time; CityFlow's figure for max-pressure
    assertThat(rows.get("max-pressure")[1]).isEqualTo("329.46");
    assertThat(rows.get("fixed-time")[1]).isEqualTo("516.79");
    // the verdict comes first and every line fits a 100-column terminal
    assertThat(demo.stdout()).containsPattern("(?m)^Best: [a-z-]+, average travel time \\d+\\.\\d\\d s, \\d+\\.\\d\\d s \\(\\d+\\.\\d %\\) below fixed-time\\.$");
    assertThat(demo.stdout().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    assertThat(rows.get("fixed-time")[2]).isEqualTo("ref");
    // 329.46 / 516.79 - 1 = -36.25 %
    assertThat(rows.get("max-pressure")[2]).isEqualTo("-36.2");
  }

  @Test
  void compareOnHangzhouWritesOneSummaryPerController() {
    Result compare = CitybrainJar.run(dir, "traffic", "compare", "--city", "hangzhou", "--out", "hz").assertSuccess();
    assertThat(tableRows(compare.stdout()).keySet()).containsExactlyElementsOf(CONTROLLERS);
    assertThat(compare.stdout()).contains("comparison written to");

    JsonNode runs = json(dir.resolve("hz/comparison.json")).get("runs");
    assertThat(runs).as("comparison.json runs").isNotNull();
    assertThat(runs.size()).isEqualTo(CONTROLLERS.size());
    List<String> controllers = new ArrayList<>();
    for (JsonNode run : runs) {
      assertWellFormedSummary(run);
      String controller = run.get("controller").asText();
      controllers.add(controller);
      assertThat(run.get("scenario").asText()).isEqualTo("hangzhou/real");
      assertThat(run.get("simulatedSeconds").asDouble()).isEqualTo(3600.0);

      // each run's own files sit in a folder named after its controller, with the same figures
      Path own = dir.resolve("hz").resolve(controller);
      assertThat(json(own.resolve("summary.json")).get("averageTravelTimeSeconds").asDouble())
          .isCloseTo(run.get("averageTravelTimeSeconds").asDouble(), within(1e-9));
      assertThat(lines(own.resolve("timeseries.csv"))).hasSize(1 + 60);
      assertThat(lines(own.resolve("intersections.csv"))).as("Hangzhou's 16 intersections").hasSize(1 + 16);
    }
    assertThat(controllers).containsExactlyElementsOf(CONTROLLERS);

    // comparison.csv beside it: the same columns, one row per controller, the same figures
    List<String> csv = lines(dir.resolve("hz/comparison.csv"));
    assertThat(csv).hasSize(1 + CONTROLLERS.size());
    List<String> header = List.of(csv.get(0).split(","));
    assertThat(header).startsWith("scenario", "controller").contains("averageTravelTimeSeconds", "completed", "gridlocks");
    int att = header.indexOf("averageTravelTimeSeconds");
    for (int i = 0; i < CONTROLLERS.size(); i++) {
      String[] cells = csv.get(1 + i).split(",", -1);
      assertThat(cells[1]).isEqualTo(CONTROLLERS.get(i));
      assertThat(Double.parseDouble(cells[att])).isEqualTo(runs.get(i).get("averageTravelTimeSeconds").asDouble());
    }
  }

  /** The rows of the comparison table, by controller (first column), cells split on blanks. */
  private static Map<String, String[]> tableRows(String stdout) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String line : stdout.split("\\R")) {
      String[] cells = line.trim().split("\\s+");
      if (CONTROLLERS.contains(cells[0])) {
        rows.put(cells[0], cells);
      }
    }
    return rows;
  }
}

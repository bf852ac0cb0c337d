package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code algorithms list} shows every domain's algorithms with digests, and the digests that
 * traffic and grid results record are the same ones, computed in other processes (same build,
 * same parameters, same digest).
 */
class AlgorithmsIT {
  @TempDir Path dir;

  private static JsonNode byName(JsonNode list, String name) {
    for (JsonNode a : list) {
      if (a.get("name").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError("no algorithm " + name + " in " + list);
  }

  @Test
  void listShowsEveryDomainAndResultsRecordTheSameDigests() throws Exception {
    Result table = CitybrainJar.runQuick(dir, "algorithms", "list");
    Result json = CitybrainJar.runQuick(dir, "algorithms", "list", "--json");
    Result run = CitybrainJar.run(dir, "traffic", "run", "--city", "jinan", "--controller", "max-pressure",
        "--param", "minGreenSeconds=10", "--steps", "120", "--out", dir.resolve("mp").toString());
    Result dispatch = CitybrainJar.runQuick(dir, "grid", "dispatch", "case5", "--out", dir.resolve("case5").toString());

    assertThat(table.exitCode()).as(table.stderr()).isZero();
    assertThat(table.stdout()).contains("traffic-signal-control").contains("grid-dispatch").contains("max-pressure")
        .contains("dc-opf").contains("naive-dispatch").contains("relativeGap=")
        .contains("anomaly-detection").contains("range-break").contains("windowPoints=6000 points");
    assertThat(json.exitCode()).as(json.stderr()).isZero();
    JsonNode list = new ObjectMapper().readTree(json.stdout());
    JsonNode mp = byName(list, "max-pressure");
    JsonNode dcOpf = byName(list, "dc-opf");
    assertThat(mp.get("defaultDigest").asText()).hasSize(64);
    assertThat(mp.get("code").findValuesAsText("className")).contains("io.citybrain.traffic.control.MaxPressure");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("mp/summary.json")));
    String runDigest = summary.get("controllerDigest").asText();
    assertThat(runDigest).hasSize(64).isNotEqualTo(mp.get("defaultDigest").asText()); // minGreenSeconds=10, not 15
    assertThat(run.stdout()).contains(runDigest);

    assertThat(dispatch.exitCode()).as(dispatch.stderr()).isZero();
    JsonNode result = new ObjectMapper().readTree(Files.readString(dir.resolve("case5/case5-dispatch.json")));
    assertThat(result.at("/dispatcher/name").asText()).isEqualTo("dc-opf");
    assertThat(result.at("/dispatcher/digest").asText()).isEqualTo(dcOpf.get("defaultDigest").asText());
  }

  @Test
  void anUnknownDomainIsBadInput() {
    Result r = CitybrainJar.runQuick(dir, "algorithms", "list", "--domain", "weather");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("unknown algorithm domain 'weather'; known: traffic-signal-control, grid-dispatch");
  }
}

package io.citybrain.traffic.io;

import static io.citybrain.traffic.io.TestInputs.bundled;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled emergency scenarios are exactly what {@link EmergencyScenarios} builds from the real
 * flows. To rebuild them (after changing a rule), run from the repository root:
 *
 * <pre>
 * mvn -B -pl traffic -am test -Dtest=EmergencyScenariosTest -Dsurefire.failIfNoSpecifiedTests=false -Dcitybrain.writeEmergencyScenarios=true
 * </pre>
 *
 * which writes the files into {@code data/traffic/} (and then passes).
 */
class EmergencyScenariosTest {

  /** folder, roadnet, real flow, emergency flow, rule. */
  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "jinan_3_4", "roadnet_3_4.json", "anon_3_4_jinan_real.json", "anon_3_4_jinan_real_emergency.json",
            EmergencyScenarios.JINAN),
        Arguments.of(
            "hangzhou_4_4", "roadnet_4_4.json", "anon_4_4_hangzhou_real_5734.json",
            "anon_4_4_hangzhou_real_5734_emergency.json", EmergencyScenarios.HANGZHOU));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("scenarios")
  void theBundledFileIsTheRealFlowWithTheRulesTripsAppended(
      String folder, String roadnet, String real, String emergency, EmergencyScenarios.Rule rule) throws Exception {
    String built = EmergencyScenarios.build(text(folder + "/" + real), text(folder + "/" + roadnet), rule);
    if (Boolean.getBoolean("citybrain.writeEmergencyScenarios")) {
      Files.writeString(Path.of("..", "data", "traffic", folder, emergency), built, StandardCharsets.UTF_8);
      return;
    }
    assertThat(text(folder + "/" + emergency)).isEqualTo(built);
  }

  @org.junit.jupiter.api.Test
  void hangzhousTripsCrossItsBusiestIntersections() throws Exception {
    String flow = text("hangzhou_4_4/anon_4_4_hangzhou_real_5734.json");
    String roadnet = text("hangzhou_4_4/roadnet_4_4.json");
    assertThat(EmergencyScenarios.busiest(TestInputs.MAPPER.readTree(flow), roadEnds(roadnet), 4))
        .containsExactly("intersection_1_4", "intersection_4_4", "intersection_1_1", "intersection_1_2");
    List<EmergencyScenarios.Choice> chosen = EmergencyScenarios.choose(flow, roadnet, EmergencyScenarios.HANGZHOU);
    assertThat(chosen).hasSize(10);
    assertThat(chosen).allSatisfy(c -> {
      assertThat(c.route().size()).isBetween(6, 9);
      assertThat(c.busiestCrossed()).hasSizeGreaterThanOrEqualTo(2);
    });
    assertThat(chosen.get(0).trips()).isEqualTo(27);
    assertThat(chosen.get(9).trips()).isEqualTo(9);
  }

  private static java.util.Map<String, String> roadEnds(String roadnet) throws Exception {
    java.util.Map<String, String> end = new java.util.HashMap<>();
    for (var road : TestInputs.MAPPER.readTree(roadnet).get("roads")) {
      end.put(road.get("id").asText(), road.get("endIntersection").asText());
    }
    return end;
  }

  private static String text(String relative) throws Exception {
    try (InputStream in = TestInputs.resource(bundled(relative))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

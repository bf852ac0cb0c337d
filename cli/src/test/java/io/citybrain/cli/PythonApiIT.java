package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CityFlow-compatible Python package ({@code python/cityflow}) over the built jar, through
 * Debian's {@code python3-jpype}: a max-pressure script written the way the research repositories
 * write theirs reproduces CityFlow's own MaxPressure figure, and the API's calls keep CityFlow's
 * semantics. Needs {@code /usr/bin/python3} with JPype ({@code apt-get install python3-jpype});
 * without it this test fails, naming the package.
 */
class PythonApiIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JAR =
      Path.of(System.getProperty("citybrain.jar", "target/citybrain.jar")).toAbsolutePath();
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path dir;

  private Path jinanConfig() throws IOException {
    Path config = dir.resolve("config.json");
    String json =
        "{\"interval\": 1.0, \"seed\": 0, \"dir\": \""
            + ROOT.resolve("data/traffic/jinan_3_4") + "/\", \"roadnetFile\": \"roadnet_3_4.json\","
            + " \"flowFile\": \"anon_3_4_jinan_real.json\", \"rlTrafficLight\": true, \"laneChange\": false,"
            + " \"saveReplay\": false}";
    Files.writeString(config, json);
    return config;
  }

  private static String python(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(PYTHON));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PYTHONPATH", ROOT.resolve("python").toString());
    pb.environment().put("CITYBRAIN_JAR", JAR.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s exited with %d:%n%s", cmd, p.exitValue(), text).isZero();
    return text;
  }

  @Test
  void jpypeIsInstalled() throws Exception {
    assertThat(Path.of(PYTHON)).as("Debian's python3 (apt-get install python3-jpype)").exists();
    assertThat(python("-c", "import jpype; print(jpype.__version__)"))
        .as("python3-jpype must be installed (apt-get install python3-jpype)")
        .isNotBlank();
  }

  /** CityFlow's MaxPressure on Jinan's real flow: 329.46 s (traffic-reference.md). */
  @Test
  void aResearchStyleMaxPressureScriptReproducesCityFlowsFigureAndResetsExactly() throws Exception {
    String out =
        python(ROOT.resolve("python/examples/max_pressure.py").toString(), jinanConfig().toString(), "--episodes", "2");
    JsonNode r = JsonMapper.builder().build().readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(String.format("%.2f", r.get("averageTravelTime").asDouble())).isEqualTo("329.46");
    assertThat(r.get("allEqual").asBoolean()).as("a reset episode repeats the first exactly").isTrue();
    assertThat(r.get("steps").asInt()).isEqualTo(7200);
  }

  @Test
  void theCallsKeepCityFlowsSemantics() throws Exception {
    String out = python(ROOT.resolve("python/tests/check_api.py").toString(), jinanConfig().toString());
    assertThat(out).contains("api checks passed");
  }
}

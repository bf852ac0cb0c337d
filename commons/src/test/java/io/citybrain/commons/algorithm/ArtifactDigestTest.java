package io.citybrain.commons.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.commons.json.CanonicalJson;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest follows what runs: parameter values and code bytes change it; the same build and
 * values give the same digest; the recipe is the one documented (recomputed here by hand).
 */
class ArtifactDigestTest {
  @TempDir Path dir;

  private final AlgorithmProvider threshold = new TestProviders.Threshold();

  @Test
  void sameProviderAndValuesGiveTheSameDigest() {
    AlgorithmArtifact a = threshold.artifact(threshold.resolve(Map.of("limit", 20.0)));
    AlgorithmArtifact b = new TestProviders.Threshold().artifact(threshold.resolve(Map.of("limit", 20.0)));

    assertThat(a).isEqualTo(b);
    assertThat(a.digest()).hasSize(64).isEqualTo(b.digest());
  }

  @Test
  void aParameterValueChangesTheDigestButNotTheCodeDigest() {
    AlgorithmArtifact defaults = threshold.artifact(threshold.resolve(Map.of()));
    AlgorithmArtifact explicitDefault = threshold.artifact(threshold.resolve(Map.of("limit", 15.0)));
    AlgorithmArtifact other = threshold.artifact(threshold.resolve(Map.of("limit", 15.5)));

    assertThat(explicitDefault.digest()).isEqualTo(defaults.digest());
    assertThat(other.digest()).isNotEqualTo(defaults.digest());
    assertThat(other.codeDigest()).isEqualTo(defaults.codeDigest());
  }

  @Test
  void codeCoversNestedAndAnonymousClassesOfTheNest() throws IOException {
    List<CodeClass> code = threshold.artifact(threshold.resolve(Map.of())).code();
    String outer = TestProviders.class.getName();

    assertThat(code).extracting(CodeClass::className)
        .contains(outer, outer + "$Threshold", outer + "$Threshold$1", outer + "$Even", outer + "$OtherThreshold")
        .isSorted();
    byte[] anonymous;
    try (var in = getClass().getClassLoader().getResourceAsStream(outer.replace('.', '/') + "$Threshold$1.class")) {
      anonymous = in.readAllBytes();
    }
    assertThat(code).contains(new CodeClass(outer + "$Threshold$1", Sha256.hex(anonymous)));
  }

  @Test
  void digestIsTheSha256OfTheDocumentedCanonicalDocument() {
    AlgorithmArtifact a = threshold.artifact(threshold.resolve(Map.of("limit", 20.0)));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", "citybrain-algorithm-artifact/1");
    doc.put("domain", "anomaly-detection");
    doc.put("name", "threshold");
    doc.put("version", "1.0");
    doc.put("code", a.code());
    assertThat(a.codeDigest()).isEqualTo(Sha256.hexOfUtf8(CanonicalJson.canonicalize(doc)));
    doc.put("parameters", Map.of("limit", 20));

    assertThat(a.digest()).isEqualTo(Sha256.hexOfUtf8(CanonicalJson.canonicalize(doc)));
    assertThat(CanonicalJson.canonicalize(doc)).contains("\"parameters\":{\"limit\":20}");
  }

  @Test
  void changedCodeChangesTheDigestAndRecompiledSameCodeKeepsIt() throws Exception {
    String v1 = providerSource("v > limit");
    String v2 = providerSource("v >= limit"); // one operator differs; name, version and parameters do not

    AlgorithmArtifact first = artifactOf(compile(v1, "a"));
    AlgorithmArtifact again = artifactOf(compile(v1, "b"));
    AlgorithmArtifact changed = artifactOf(compile(v2, "c"));

    assertThat(again.digest()).isEqualTo(first.digest());
    assertThat(changed.digest()).isNotEqualTo(first.digest());
    assertThat(changed.codeDigest()).isNotEqualTo(first.codeDigest());
    assertThat(changed.name()).isEqualTo(first.name());
    assertThat(changed.version()).isEqualTo(first.version());
    assertThat(changed.parameters()).isEqualTo(first.parameters());
  }

  private static String providerSource(String rule) {
    return """
        package generated;
        import io.citybrain.commons.algorithm.*;
        import java.util.List;
        public class Spike implements AlgorithmProvider {
          public String name() { return "spike"; }
          public String version() { return "1.0"; }
          public AlgorithmDomain domain() { return AlgorithmDomain.ANOMALY_DETECTION; }
          public String description() { return "flags spikes"; }
          public String source() { return "test"; }
          public List<ParameterSpec> parameters() {
            return List.of(new ParameterSpec("limit", 3, 0, 10, "1", "z-score limit"));
          }
          public boolean flag(double v, double limit) { return RULE; }
        }
        """.replace("RULE", rule);
  }

  private Path compile(String source, String folder) throws IOException {
    Path src = dir.resolve(folder).resolve("src/generated/Spike.java");
    Path classes = dir.resolve(folder).resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source);
    String commonsClasses = Path.of(AlgorithmProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-classpath", commonsClasses, "-d", classes.toString(), src.toString());
    assertThat(status).as("javac exit status").isZero();
    return classes;
  }

  private static AlgorithmArtifact artifactOf(Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, AlgorithmProvider.class.getClassLoader())) {
      AlgorithmProvider p = (AlgorithmProvider) loader.loadClass("generated.Spike").getConstructor().newInstance();
      return p.artifact(p.resolve(Map.of()));
    }
  }
}

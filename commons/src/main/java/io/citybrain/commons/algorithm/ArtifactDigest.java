package io.citybrain.commons.algorithm;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.commons.json.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The artifact digest of an algorithm: a SHA-256 computed from what actually runs, so that a
 * filing, an approval or an audit entry names the exact code and settings, not a hand-typed
 * version string.
 *
 * <p>Exactly (also in {@code docs/algorithms.md}):
 *
 * <ol>
 *   <li>The code classes are the provider's {@link AlgorithmProvider#codeClasses()}, each widened
 *       to its whole nest (JVMS 4.7.28–29: the top-level class and every member, local and
 *       anonymous class compiled inside it; lambdas are in their enclosing class's bytecode).
 *   <li>Each class file's bytes, as its class loader serves them, are hashed with SHA-256;
 *       the list {@code [{"className", "sha256"}]} is sorted by binary class name.
 *   <li>The code document {@code {"format": "citybrain-algorithm-artifact/1", "domain", "name",
 *       "version", "code"}} is serialised as canonical JSON (RFC 8785) and hashed: the code digest.
 *   <li>The artifact document is the code document plus {@code "parameters": {name: value}} with
 *       every declared parameter's value (given or default; numbers as RFC 8785 writes them, so
 *       15 and 15.0 are the same value). Its canonical JSON's SHA-256 is the digest.
 * </ol>
 *
 * Same build and same parameter values give the same digest on any machine; changing a parameter
 * value, or any byte of the code classes, changes it.
 */
public final class ArtifactDigest {
  /** The document format identifier, part of what is hashed; changes if the recipe changes. */
  public static final String FORMAT = "citybrain-algorithm-artifact/1";

  /** Class file hashes per listed class; class files do not change while a JVM runs. */
  private static final Map<Class<?>, List<CodeClass>> NESTS = new ConcurrentHashMap<>();

  private ArtifactDigest() {}

  /**
   * The artifact of {@code provider} run with {@code values}.
   *
   * @throws IllegalStateException when a code class file cannot be read (a JDK class, or a class
   *     generated at run time with no class file)
   */
  public static AlgorithmArtifact of(AlgorithmProvider provider, ParameterValues values) {
    List<CodeClass> code = code(provider.codeClasses());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("domain", provider.domain().id());
    document.put("name", provider.name());
    document.put("version", provider.version());
    document.put("code", code);
    String codeDigest = CanonicalJson.sha256(document);
    document.put("parameters", values.asMap());
    String digest = CanonicalJson.sha256(document);
    return new AlgorithmArtifact(
        provider.domain().id(), provider.name(), provider.version(), code, values.asMap(), codeDigest, digest);
  }

  /** The class files of {@code classes} and their nests, sorted by class name, without repeats. */
  public static List<CodeClass> code(List<Class<?>> classes) {
    Map<String, CodeClass> byName = new TreeMap<>();
    for (Class<?> c : classes) {
      for (CodeClass cc : NESTS.computeIfAbsent(c.getNestHost(), ArtifactDigest::hashNest)) {
        byName.put(cc.className(), cc);
      }
    }
    return List.copyOf(byName.values());
  }

  private static List<CodeClass> hashNest(Class<?> host) {
    List<Class<?>> members = new ArrayList<>(List.of(host.getNestMembers())); // includes the host
    members.sort(Comparator.comparing(Class::getName));
    List<CodeClass> hashed = new ArrayList<>();
    for (Class<?> m : members) {
      hashed.add(new CodeClass(m.getName(), Sha256.hex(classFile(m))));
    }
    return List.copyOf(hashed);
  }

  private static byte[] classFile(Class<?> c) {
    ClassLoader loader = c.getClassLoader();
    String resource = c.getName().replace('.', '/') + ".class";
    if (loader == null) {
      throw new IllegalStateException(c.getName() + " is a JDK class; list only the algorithm's own classes as its code");
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no class file for " + c.getName() + " (" + resource + ") in its class loader;"
            + " an algorithm's code must be loaded from class files");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the class file of " + c.getName() + ": " + e.getMessage(), e);
    }
  }
}

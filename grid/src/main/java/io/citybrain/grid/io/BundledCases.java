package io.citybrain.grid.io;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The MATPOWER cases bundled in the {@code citybrain-data} artifact under {@code
 * citybrain/data/grid/} (see that folder's README and NOTICE for provenance and terms). The data
 * artifact must be on the class path at run time.
 */
public final class BundledCases {
  /** Resource folder of the bundled cases. */
  public static final String RESOURCE_FOLDER = "citybrain/data/grid/";

  private static final List<String> NAMES =
      List.of("case5", "case9", "case14", "case30", "case57", "case118", "case300", "case9241pegase");

  private BundledCases() {}

  /** Names of the bundled cases, smallest first (e.g. {@code case118}). */
  public static List<String> names() {
    return NAMES;
  }

  /** Whether {@code name} (with or without {@code .m}) is a bundled case. */
  public static boolean isBundled(String name) {
    return NAMES.contains(stripExtension(name));
  }

  /**
   * Reads a bundled case.
   *
   * @param name a name from {@link #names()}, with or without {@code .m}
   * @throws IllegalArgumentException if {@code name} is not bundled (the message lists the names)
   * @throws IOException if the resource cannot be read (data artifact missing from the class path)
   * @throws InputValidationException never for the bundled files, declared for the reader's contract
   */
  public static PowerNetwork read(String name) throws IOException, InputValidationException {
    String base = stripExtension(name);
    if (!NAMES.contains(base)) {
      throw new IllegalArgumentException("'" + name + "' is not a bundled case; bundled: " + String.join(", ", NAMES));
    }
    try (InputStream in = open(base).orElseThrow(() -> new IOException(
        "bundled case " + base + " not found on the class path under " + RESOURCE_FOLDER
            + " (is citybrain-data a dependency?)"))) {
      return MatpowerReader.read(base + ".m", in);
    }
  }

  private static Optional<InputStream> open(String base) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = BundledCases.class.getClassLoader();
    }
    return Optional.ofNullable(loader.getResourceAsStream(RESOURCE_FOLDER + base + ".m"));
  }

  private static String stripExtension(String name) {
    return name.endsWith(".m") ? name.substring(0, name.length() - 2) : name;
  }
}

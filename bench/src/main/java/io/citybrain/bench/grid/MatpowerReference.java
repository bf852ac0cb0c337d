package io.citybrain.bench.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MATPOWER's own figures for the bundled cases, from the classpath resource {@value #RESOURCE}
 * (transcribed from the project's benchmark reference; the file's header gives the provenance).
 *
 * @param caseName case name, e.g. {@code case118}
 * @param buses number of buses
 * @param loadMw total PD, MW
 * @param dcOpfCostPerHour MATPOWER {@code rundcopf} objective, $/h
 * @param dcOpfSecondsRun1 first timed run, s
 * @param dcOpfSecondsRun2 second timed run, s
 * @param lmpMinPerMwh smallest LMP, $/MWh
 * @param lmpMaxPerMwh largest LMP, $/MWh
 * @param naiveSavingPercent saving of the DC-OPF over the naive baseline, %
 */
public record MatpowerReference(String caseName, int buses, double loadMw, double dcOpfCostPerHour,
    double dcOpfSecondsRun1, double dcOpfSecondsRun2, double lmpMinPerMwh, double lmpMaxPerMwh,
    double naiveSavingPercent) {

  /** Classpath location of the reference table. */
  public static final String RESOURCE = "citybrain/bench/grid-reference.tsv";

  /** The faster of MATPOWER's two timed runs, s. */
  public double bestDcOpfSeconds() {
    return Math.min(dcOpfSecondsRun1, dcOpfSecondsRun2);
  }

  /**
   * All reference rows by case name, in file order.
   *
   * @throws UncheckedIOException if the resource is missing or malformed
   */
  public static Map<String, MatpowerReference> load() {
    Map<String, MatpowerReference> rows = new LinkedHashMap<>();
    InputStream in = MatpowerReference.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new UncheckedIOException(new IOException("resource " + RESOURCE + " not found"));
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 9) {
          throw new IOException(RESOURCE + ": expected 9 tab-separated fields, got " + f.length + " in: " + line);
        }
        rows.put(f[0], new MatpowerReference(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
            Double.parseDouble(f[7]), Double.parseDouble(f[8])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The reference row for {@code caseName}, if MATPOWER's figures include it. */
  public static Optional<MatpowerReference> of(String caseName) {
    return Optional.ofNullable(load().get(caseName));
  }
}

package io.citybrain.bench.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/** Reads the stored anomaly scores of NAB's own detectors (test resources {@code nab/published/}). */
final class PublishedResults {
  private PublishedResults() {}

  /** The detector's anomaly scores, one array per series of {@code corpus}, in corpus order. */
  static List<double[]> scores(String detector, NabCorpus corpus) throws IOException {
    Map<String, double[]> byPath = new HashMap<>();
    String resource = "/nab/published/" + detector + ".txt.gz";
    try (InputStream raw = Objects.requireNonNull(PublishedResults.class.getResourceAsStream(resource), resource);
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
            StandardCharsets.US_ASCII))) {
      String path = null;
      double[] values = new double[0];
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("# ")) {
          if (path != null) {
            byPath.put(path, java.util.Arrays.copyOf(values, n));
          }
          path = line.substring(2);
          values = new double[30000];
          n = 0;
        } else {
          values[n++] = Double.parseDouble(line);
        }
      }
      byPath.put(path, java.util.Arrays.copyOf(values, n));
    }
    List<double[]> out = new ArrayList<>();
    for (NabSeries s : corpus.series()) {
      out.add(Objects.requireNonNull(byPath.get(s.path()), detector + " has no result for " + s.path()));
    }
    return out;
  }
}

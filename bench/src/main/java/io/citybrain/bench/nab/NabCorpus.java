package io.citybrain.bench.nab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled NAB corpus: series in the label file's order. The bundled one
 * ({@link NabCorpusReader#bundled()}) has 58 series, 365,558 rows and 116 windows.
 */
public final class NabCorpus {
  private final List<NabSeries> series;

  /** A corpus of these series (kept in the given order). */
  public NabCorpus(List<NabSeries> series) {
    this.series = List.copyOf(series);
  }

  /** The series, in label-file order. */
  public List<NabSeries> series() {
    return series;
  }

  /** Total rows over all series. */
  public long rows() {
    return series.stream().mapToLong(NabSeries::rows).sum();
  }

  /** Total labelled windows over all series. */
  public int windows() {
    return series.stream().mapToInt(s -> s.windows().size()).sum();
  }

  /** The series grouped by category, categories in order of first appearance. */
  public Map<String, List<NabSeries>> byCategory() {
    Map<String, List<NabSeries>> out = new LinkedHashMap<>();
    for (NabSeries s : series) {
      out.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  /** The sub-corpus of the series whose paths satisfy {@code keep}. */
  public NabCorpus filter(java.util.function.Predicate<NabSeries> keep) {
    return new NabCorpus(series.stream().filter(keep).toList());
  }
}

package io.citybrain.bench.nab;

import java.util.List;
import java.util.Objects;

/**
 * One NAB series: its rows (timestamp, value) and its labelled anomaly windows.
 *
 * <p>Rows are kept exactly as the file has them, one entry per data line, so that an anomaly score
 * per row never shifts against the labels. A value that is not a number in the file (NAB's corpus
 * has none) is {@link Double#NaN} here; what a detector makes of it is decided by the series guard
 * ({@code io.citybrain.live.anomaly.SeriesGuard}), not here.
 */
public final class NabSeries {
  private final String path;
  private final long[] timestampsEpochSeconds;
  private final double[] values;
  private final List<NabWindow> windows;

  /**
   * @param path the series' path relative to the corpus's {@code data/} folder, with {@code /}
   *     separators, e.g. {@code realKnownCause/nyc_taxi.csv}: NAB's key for it in the label file
   * @param timestampsEpochSeconds the rows' timestamps, seconds since 1970-01-01 00:00:00 (NAB's
   *     timestamps carry no zone; they are read as UTC)
   * @param values the rows' values (units depend on the series), same length
   * @param windows the labelled windows, in time order, not overlapping
   * @throws IllegalArgumentException if lengths differ or a window lies outside the rows
   */
  public NabSeries(String path, long[] timestampsEpochSeconds, double[] values, List<NabWindow> windows) {
    this.path = Objects.requireNonNull(path, "path");
    if (timestampsEpochSeconds.length != values.length) {
      throw new IllegalArgumentException(path + ": " + timestampsEpochSeconds.length + " timestamps but "
          + values.length + " values");
    }
    int previousEnd = -1;
    for (NabWindow w : windows) {
      if (w.lastRow() >= values.length || w.firstRow() <= previousEnd) {
        throw new IllegalArgumentException(path + ": window rows [" + w.firstRow() + ", " + w.lastRow()
            + "] lie outside the " + values.length + " rows or overlap the previous window");
      }
      previousEnd = w.lastRow();
    }
    this.timestampsEpochSeconds = timestampsEpochSeconds.clone();
    this.values = values.clone();
    this.windows = List.copyOf(windows);
  }

  /** NAB's key of the series, e.g. {@code realKnownCause/nyc_taxi.csv}. */
  public String path() {
    return path;
  }

  /** The category: the folder part of {@link #path()}, e.g. {@code realKnownCause}. */
  public String category() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The file name part of {@link #path()}, e.g. {@code nyc_taxi.csv}. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Number of rows N. */
  public int rows() {
    return values.length;
  }

  /** Timestamp of row {@code i}, seconds since the epoch (UTC reading of NAB's zone-less times). */
  public long timestampEpochSeconds(int i) {
    return timestampsEpochSeconds[i];
  }

  /** Value of row {@code i}; NaN where the file's value was not a number. */
  public double value(int i) {
    return values[i];
  }

  /** A copy of all timestamps, seconds since the epoch. */
  public long[] timestampsEpochSeconds() {
    return timestampsEpochSeconds.clone();
  }

  /** A copy of all values. */
  public double[] values() {
    return values.clone();
  }

  /** The labelled windows, in time order. */
  public List<NabWindow> windows() {
    return windows;
  }

  /**
   * NAB's probationary period P in rows: min(floor(0.15 N), 750) (NAB {@code sweeper.py},
   * {@code probationPercent} 0.15; 750 = 15 % of 5,000). The scorer ignores these rows; detectors
   * still see them.
   */
  public int probationRows() {
    return probationRows(rows());
  }

  /** {@link #probationRows()} for a series of {@code rows} rows. */
  public static int probationRows(int rows) {
    return (int) Math.min(Math.floor(0.15 * rows), 750);
  }

  @Override
  public String toString() {
    return path + " (" + rows() + " rows, " + windows.size() + " windows)";
  }
}

package io.citybrain.bench.nab;

/**
 * One labelled anomaly window of a NAB series, as row indexes (0-based, both ends inclusive) into
 * the series' rows. NAB's label file gives windows as timestamps; {@link NabCorpusReader} maps
 * them onto the rows whose timestamps they equal.
 *
 * @param firstRow index of the window's first row, ≥ 0
 * @param lastRow index of the window's last row, ≥ {@code firstRow}
 */
public record NabWindow(int firstRow, int lastRow) {
  /**
   * @throws IllegalArgumentException if the rows are negative or reversed
   */
  public NabWindow {
    if (firstRow < 0 || lastRow < firstRow) {
      throw new IllegalArgumentException("a NAB window needs 0 <= firstRow <= lastRow, got [" + firstRow + ", "
          + lastRow + "]");
    }
  }

  /** The window's width W in rows. */
  public int widthRows() {
    return lastRow - firstRow + 1;
  }

  /** Whether row {@code i} lies in the window. */
  public boolean contains(int i) {
    return i >= firstRow && i <= lastRow;
  }
}

package io.citybrain.live.anomaly;

/**
 * What NAB's harness tells each detector before a series starts: the series' global minimum and
 * maximum value and its probationary length. This is look-ahead (the minimum and maximum of the
 * whole series are not known while it streams), kept only so that published NAB baselines that
 * use it can be reproduced; production detectors never receive it.
 *
 * @param minValue the smallest value of the whole series
 * @param maxValue the largest value of the whole series
 * @param probationRows NAB's probationary period, min(floor(0.15 N), 750) rows
 */
public record SeriesHints(double minValue, double maxValue, int probationRows) {}

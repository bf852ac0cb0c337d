package io.citybrain.grid.report;

/**
 * A branch and its loading in a dispatch.
 *
 * @param branch 0-based branch index
 * @param fromBus from-bus number
 * @param toBus to-bus number
 * @param flowMw flow from → to, MW
 * @param rateAMva RATE_A, MVA
 * @param loadingPercent |flow| / RATE_A × 100
 */
public record LoadedBranch(int branch, int fromBus, int toBus, double flowMw, double rateAMva, double loadingPercent) {}

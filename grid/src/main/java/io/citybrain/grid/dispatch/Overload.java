package io.citybrain.grid.dispatch;

/**
 * A branch whose flow exceeds its RATE_A.
 *
 * @param branch 0-based branch index
 * @param fromBus from-bus number
 * @param toBus to-bus number
 * @param flowMw flow from → to, MW
 * @param rateAMva rating, MVA (applied to MW in the DC model)
 * @param loadingPercent |flow| / RATE_A × 100, &gt; 100
 */
public record Overload(int branch, int fromBus, int toBus, double flowMw, double rateAMva, double loadingPercent) {}

package io.citybrain.grid.dispatch;

import java.util.List;

/**
 * The naive dispatch of {@link NaiveDispatch}: outputs, cost, DC flows and overloads. Arrays are
 * indexed like the network's lists and returned as copies.
 *
 * @param success whether the dispatch could be formed (demand within total capacity)
 * @param message empty on success, else why not
 * @param fractionOfPmax the common fraction of PMAX per island (in island order)
 * @param generationMw output per generator, MW (0 out of service)
 * @param totalCostPerHour cost of the dispatch on the case's cost curves, $/h
 * @param flowsMw DC branch flows, MW, from → to (0 out of service)
 * @param overloads branches above RATE_A, most loaded first
 */
public record NaiveDispatchResult(
    boolean success,
    String message,
    double[] fractionOfPmax,
    double[] generationMw,
    double totalCostPerHour,
    double[] flowsMw,
    List<Overload> overloads) {

  /** Copies the arrays and list. */
  public NaiveDispatchResult {
    fractionOfPmax = fractionOfPmax.clone();
    generationMw = generationMw.clone();
    flowsMw = flowsMw.clone();
    overloads = List.copyOf(overloads);
  }

  /** The common fraction of PMAX per island (a copy). */
  @Override
  public double[] fractionOfPmax() {
    return fractionOfPmax.clone();
  }

  /** Output per generator, MW (a copy). */
  @Override
  public double[] generationMw() {
    return generationMw.clone();
  }

  /** DC branch flows, MW (a copy). */
  @Override
  public double[] flowsMw() {
    return flowsMw.clone();
  }

  /** Loading of the most overloaded branch, % (0 if none is overloaded). */
  public double worstLoadingPercent() {
    return overloads.isEmpty() ? 0 : overloads.get(0).loadingPercent();
  }
}

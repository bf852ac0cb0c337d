package io.citybrain.grid.dispatch;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.DomainAlgorithms;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.grid.network.PowerNetwork;

/**
 * A grid dispatch algorithm: the {@link AlgorithmDomain#GRID_DISPATCH} domain of the one algorithm
 * registry. Adding one is one class and one line in {@code
 * META-INF/services/io.citybrain.commons.algorithm.AlgorithmProvider}.
 */
public interface GridDispatcherProvider extends AlgorithmProvider {

  /** Grid dispatch. */
  @Override
  default AlgorithmDomain domain() {
    return AlgorithmDomain.GRID_DISPATCH;
  }

  /**
   * Dispatches the generators of {@code network}.
   *
   * @param network the case, with generator costs
   * @param parameters values of {@link #parameters()}
   * @return the dispatch; infeasible or all-isolated cases give {@code success() == false} with a
   *     message, never an exception
   */
  DispatchResult dispatch(PowerNetwork network, ParameterValues parameters);

  /** The grid dispatchers of {@link AlgorithmRegistry#shared()}. */
  static DomainAlgorithms<GridDispatcherProvider> all() {
    return AlgorithmRegistry.shared().domain(AlgorithmDomain.GRID_DISPATCH, GridDispatcherProvider.class);
  }
}

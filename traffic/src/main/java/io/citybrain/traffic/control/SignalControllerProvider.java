package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.List;

/**
 * A signal-control algorithm: the {@link AlgorithmDomain#SIGNAL_CONTROL} domain of the one
 * algorithm registry ({@link io.citybrain.commons.algorithm.AlgorithmRegistry}), found by name
 * through {@link SignalControllers}. Adding an algorithm means adding one provider class and one
 * line in {@code META-INF/services/io.citybrain.commons.algorithm.AlgorithmProvider}.
 */
public interface SignalControllerProvider extends AlgorithmProvider {

  /** Signal control. */
  @Override
  default AlgorithmDomain domain() {
    return AlgorithmDomain.SIGNAL_CONTROL;
  }

  /** A fresh controller for one run. */
  SignalController create(ParameterValues parameters);

  /**
   * What {@code citybrain traffic tune} searches: a plausible interval and grid step per tunable
   * parameter. Parameters not listed keep their given or default value; {@code yellowSeconds}
   * is a safety interval and is never listed. Empty by default (the baselines are not tuned).
   */
  default List<TuningRange> tuningRanges() {
    return List.of();
  }

  /** The timing the engine enforces for this controller. */
  default SignalTiming timing(ParameterValues parameters) {
    return SignalTiming.of(parameters);
  }
}

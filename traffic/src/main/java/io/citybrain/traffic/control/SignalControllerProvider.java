package io.citybrain.traffic.control;

import java.util.List;

/**
 * A named signal-control algorithm, found by {@link SignalControllers} through {@link
 * java.util.ServiceLoader}. Adding an algorithm means adding one provider class and one line in
 * {@code META-INF/services/io.citybrain.traffic.control.SignalControllerProvider}.
 */
public interface SignalControllerProvider {

  /** Unique name used on the command line and in results, e.g. {@code max-pressure}. */
  String name();

  /** Version of the algorithm's implementation, recorded with every run. */
  String version();

  /** One-line description with its source (paper, textbook). */
  String description();

  /** Declared parameters, including the engine timing parameters. */
  List<ParameterSpec> parameters();

  /** A fresh controller for one run. */
  SignalController create(ControllerParameters parameters);

  /**
   * What {@code citybrain traffic tune} searches: a plausible interval and grid step per tunable
   * parameter. Parameters not listed keep their given or default value; {@code yellowSeconds}
   * is a safety interval and is never listed. Empty by default (the baselines are not tuned).
   */
  default List<TuningRange> tuningRanges() {
    return List.of();
  }

  /** The timing the engine enforces for this controller. */
  default SignalTiming timing(ControllerParameters parameters) {
    return parameters.timing();
  }
}

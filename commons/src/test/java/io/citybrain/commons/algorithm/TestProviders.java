package io.citybrain.commons.algorithm;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Small providers for the registry and digest tests. */
public final class TestProviders {
  private TestProviders() {}

  /** A detector with one parameter, whose code has an anonymous class. */
  public static class Threshold implements AlgorithmProvider {
    @Override
    public String name() {
      return "threshold";
    }

    @Override
    public String version() {
      return "1.0";
    }

    @Override
    public AlgorithmDomain domain() {
      return AlgorithmDomain.ANOMALY_DETECTION;
    }

    @Override
    public String description() {
      return "flags values above a threshold";
    }

    @Override
    public String source() {
      return "citybrain (test)";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(new ParameterSpec("limit", 15, 0, 100, "vehicles", "values above it are flagged"));
    }

    /** The anonymous class here is part of the code and must be hashed. */
    DoubleUnaryOperator score(double limit) {
      return new DoubleUnaryOperator() {
        @Override
        public double applyAsDouble(double v) {
          return v > limit ? 1 : 0;
        }
      };
    }
  }

  /** A provider named like {@link Threshold}, in another domain. */
  static class OtherThreshold extends Threshold {
    @Override
    public AlgorithmDomain domain() {
      return AlgorithmDomain.INCIDENT_DETECTION;
    }
  }

  /** A dispatcher with no parameters. */
  public static class Even extends Threshold {
    @Override
    public String name() {
      return "even";
    }

    @Override
    public AlgorithmDomain domain() {
      return AlgorithmDomain.GRID_DISPATCH;
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of();
    }
  }
}

package io.citybrain.commons.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One registry: unique names, typed views per domain, helpful answers for unknown names. */
class AlgorithmRegistryTest {

  @Test
  void duplicateNamesAreRefusedEvenAcrossDomains() {
    assertThatThrownBy(() -> AlgorithmRegistry.of(List.of(new TestProviders.Threshold(), new TestProviders.OtherThreshold())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two algorithms named 'threshold'")
        .hasMessageContaining("anomaly-detection")
        .hasMessageContaining("incident-detection");
  }

  @Test
  void unknownNamesAreAnsweredWithTheKnownOnes() {
    AlgorithmRegistry r = AlgorithmRegistry.of(List.of(new TestProviders.Threshold(), new TestProviders.Even()));

    assertThatThrownBy(() -> r.require("zscore"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown algorithm 'zscore'; known: even, threshold");
    assertThatThrownBy(() -> r.domain(AlgorithmDomain.GRID_DISPATCH, AlgorithmProvider.class).require("threshold"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dispatcher 'threshold'; known: even");
  }

  @Test
  void providersAreOrderedByDomainAndTypedViewsHoldOnlyTheirDomain() {
    AlgorithmRegistry r = AlgorithmRegistry.of(List.of(new TestProviders.Threshold(), new TestProviders.Even()));

    // grid dispatch comes before anomaly detection in the domain order
    assertThat(r.all()).extracting(AlgorithmProvider::name).containsExactly("even", "threshold");
    DomainAlgorithms<TestProviders.Threshold> detectors =
        r.domain(AlgorithmDomain.ANOMALY_DETECTION, TestProviders.Threshold.class);
    assertThat(detectors.names()).containsExactly("threshold");
    assertThat(detectors.require("threshold")).isInstanceOf(TestProviders.Threshold.class);
    assertThat(r.domain(AlgorithmDomain.SIGNAL_CONTROL, AlgorithmProvider.class).names()).isEmpty();
  }

  @Test
  void aProviderOfTheWrongTypeForItsDomainIsRefused() {
    AlgorithmProvider plain = new TestProviders.Even();
    AlgorithmRegistry r = AlgorithmRegistry.of(List.of(plain));

    assertThatThrownBy(() -> r.domain(AlgorithmDomain.GRID_DISPATCH, TestProviders.OtherThreshold.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not implement");
  }

  @Test
  void badNamesAndRepeatedParametersAreRefusedAtLoad() {
    AlgorithmProvider badName = new TestProviders.Threshold() {
      @Override
      public String name() {
        return "Max Pressure";
      }
    };
    AlgorithmProvider twice = new TestProviders.Threshold() {
      @Override
      public List<ParameterSpec> parameters() {
        ParameterSpec p = new ParameterSpec("limit", 1, 0, 2, "1", "x");
        return List.of(p, p);
      }
    };

    assertThatThrownBy(() -> AlgorithmRegistry.of(List.of(badName))).hasMessageContaining("lower-case words");
    assertThatThrownBy(() -> AlgorithmRegistry.of(List.of(twice))).hasMessageContaining("declared twice");
  }

  @Test
  void sharedRegistryLoadsProvidersNamedInServiceFiles() {
    assertThat(AlgorithmRegistry.shared().find("even")).isPresent();
    assertThat(AlgorithmRegistry.shared().require("even").domain()).isEqualTo(AlgorithmDomain.GRID_DISPATCH);
  }

  @Test
  void parameterValuesAreCheckedAgainstTheirRangeAndUnit() {
    AlgorithmProvider t = new TestProviders.Threshold();

    assertThatThrownBy(() -> t.resolve(Map.of("limit", 101.0, "window", 3.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 'limit' of anomaly detector 'threshold' is 101.0; expected a number in [0, 100] vehicles")
        .hasMessageContaining("unknown parameter 'window' for anomaly detector 'threshold'; known: limit");
    assertThat(t.resolve(Map.of()).get("limit")).isEqualTo(15.0);
  }
}

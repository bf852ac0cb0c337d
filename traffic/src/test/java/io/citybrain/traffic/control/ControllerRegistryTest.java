package io.citybrain.traffic.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.commons.algorithm.AlgorithmArtifact;
import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.CodeClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signal controllers are the signal-control domain of the one registry, with digests of their code. */
class ControllerRegistryTest {

  @Test
  void everyControllerIsInTheSharedRegistryUnderSignalControl() {
    assertThat(SignalControllers.names())
        .contains("fixed-time", "roadnet-plan", "sotl", "max-pressure", "actuated-pressure", "advanced-mp")
        .doesNotHaveDuplicates();
    for (String name : SignalControllers.names()) {
      assertThat(AlgorithmRegistry.shared().require(name).domain()).isEqualTo(AlgorithmDomain.SIGNAL_CONTROL);
      assertThat(AlgorithmRegistry.shared().require(name)).isSameAs(SignalControllers.require(name));
    }
    assertThatThrownBy(() -> SignalControllers.require("green-wave"))
        .hasMessage("unknown controller 'green-wave'; known: " + String.join(", ", SignalControllers.names()));
  }

  @Test
  void helpersTheDecisionsDependOnAreHashedWithTheController() {
    SignalControllerProvider p = SignalControllers.require("actuated-pressure");
    AlgorithmArtifact a = p.artifact(p.resolve(Map.of()));

    assertThat(a.code()).extracting(CodeClass::className)
        .contains(ActuatedPressure.class.getName(), EmergencyPreemption.class.getName(), LaneScan.class.getName(),
            PhaseLanes.class.getName())
        .doesNotContain(MaxPressure.class.getName());
  }

  @Test
  void aParameterChangesTheDigestAndControllersDiffer() {
    SignalControllerProvider mp = SignalControllers.require("max-pressure");
    String defaults = mp.artifact(mp.resolve(Map.of())).digest();

    assertThat(mp.artifact(mp.resolve(Map.of("minGreenSeconds", 15.0))).digest()).isEqualTo(defaults);
    assertThat(mp.artifact(mp.resolve(Map.of("minGreenSeconds", 10.0))).digest()).isNotEqualTo(defaults);
    SignalControllerProvider advanced = SignalControllers.require("advanced-mp");
    assertThat(advanced.artifact(advanced.resolve(Map.of())).digest()).isNotEqualTo(defaults);
  }
}

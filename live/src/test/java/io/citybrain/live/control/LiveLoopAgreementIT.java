package io.citybrain.live.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live-versus-offline agreement over half a simulated hour of Jinan, for a count-based
 * controller and two that read tracked positions and speeds.
 */
class LiveLoopAgreementIT {
  @ParameterizedTest
  @ValueSource(strings = {"max-pressure", "actuated-pressure", "sotl", "fixed-time"})
  void liveRunEqualsOfflineRunOverHalfAnHour(String controller) throws Exception {
    LiveLoopAgreementTest.assertAgreement(controller, 1800);
  }
}

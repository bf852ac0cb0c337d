package io.citybrain.live.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.live.LiveFixtures;
import io.citybrain.live.centre.LiveCentre;
import io.citybrain.live.control.ActuationGate;
import io.citybrain.live.control.ActuationMode;
import io.citybrain.live.control.ActuationPolicy;
import io.citybrain.live.control.LiveControlLoop;
import io.citybrain.live.control.LoopSettings;
import io.citybrain.live.field.FieldPace;
import io.citybrain.live.field.FieldRunner;
import io.citybrain.live.field.FieldSummary;
import io.citybrain.live.health.HealthLimits;
import io.citybrain.live.history.MemoryObservationStore;
import io.citybrain.live.ingest.Reconciliation;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.IntersectionLayouts;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop over a real MQTT 5 broker (embedded): the field publishes at QoS 1, the centre
 * stores before acknowledging, commands come back over the broker, and the result equals the
 * offline run; published = received = stored = aggregated.
 */
class MqttLiveLoopIT {
  public static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void loopOverTheEmbeddedBrokerEqualsTheOfflineRun(@TempDir Path dir) throws Exception {
    Scenario jinan = LiveFixtures.scenario("jinan");
    int steps = 120;
    String name = "max-pressure";
    double offline = TrafficRunner.run(jinan, name, Map.of(), SimulationConfig.defaults(), steps, RunListener.NONE)
        .summary().averageTravelTimeSeconds();
    SignalControllerProvider p = SignalControllers.require(name);
    ParameterValues params = p.resolve(Map.of());
    SignalControllerProvider fixed = SignalControllers.require("fixed-time");
    ParameterValues fp = fixed.resolve(Map.of());
    MemoryObservationStore store = new MemoryObservationStore();
    try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(freePort(), dir.resolve("broker"), 1000);
        LiveCentre centre = new LiveCentre(store, 300, HealthLimits.DEFAULTS, 1 << 14);
        MqttCentreLink centreLink = new MqttCentreLink(broker.endpoint(), "centre-test", centre.pipeline(), centre.codec(), 1000);
        MqttFieldLink fieldLink = new MqttFieldLink(broker.endpoint(), "field-test", 1000)) {
      LiveControlLoop loop = new LiveControlLoop(new LaneTable(jinan.compiled()), IntersectionLayouts.of(jinan.compiled()),
          jinan.compiled().intersectionCount(), p.create(params), name + "@" + p.version(), p.timing(params),
          LiveFixtures.ORIGIN_MILLIS, LoopSettings.defaults(), new ActuationPolicy(ActuationMode.ACTUATING, ActuationGate.OPEN, name),
          centreLink.commands(), centreLink.advice(), id -> centre.pipeline().operators().status(id));
      centre.deploy(loop);
      try (FieldRunner field = new FieldRunner(jinan, SimulationConfig.defaults(), fieldLink, fixed.create(fp), fixed.timing(fp),
          p.timing(params), LiveFixtures.ORIGIN_MILLIS, 1, 2, FieldPace.lockStep(10_000))) {
        FieldSummary f = field.run(steps, k -> {});
        assertThat(centre.pipeline().awaitDrained(Duration.ofSeconds(30))).isTrue();
        Thread.sleep(200);
        assertThat(centre.pipeline().awaitDrained(Duration.ofSeconds(30))).isTrue();
        assertThat(f.averageTravelTimeSeconds()).isEqualTo(offline);
        assertThat(f.localDecisions()).isZero();
        assertThat(fieldLink.publishFailures()).isZero();
        assertThat(fieldLink.published()).isEqualTo(f.reportsPublished() + f.statesPublished());
        Reconciliation r = centre.pipeline().reconciliation();
        assertThat(r.messagesReceived()).isEqualTo(fieldLink.published());
        assertThat(r.observationsReceived()).isEqualTo(f.observationsPublished());
        assertThat(r.observationsStored()).isEqualTo(f.observationsPublished());
        assertThat(r.observationsAggregated()).isEqualTo(f.observationsPublished());
        assertThat(r.balanced()).isTrue();
        // commands decided for the last rounds may still be on their way when the field stops
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (field.summary().commandsReceived() < loop.stats().commands() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(field.summary().commandsReceived()).as("command loss").isEqualTo(loop.stats().commands());
      }
    }
  }
}

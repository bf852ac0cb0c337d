package io.citybrain.live.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
  private static final MessageCodec CODEC = new MessageCodec();
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static Decoded<DetectorReport> report(String json) {
    return CODEC.decodeDetectorReport(json.getBytes(StandardCharsets.UTF_8), "city/det/s1", T1);
  }

  private static String obs(String extra) {
    return "{\"detectorId\":\"d1\",\"laneId\":\"road_1_0\",\"intervalStart\":\"2026-03-02T08:00:00Z\","
        + "\"intervalEnd\":\"2026-03-02T08:01:00Z\",\"count\":12,\"occupancyFraction\":0.25" + extra + "}";
  }

  @Test
  void roundTripKeepsEveryField() {
    DetectorObservation loop = DetectorObservation.loop("d1", "road_1_0", T0, T1, 12, 0.25, 8.5);
    DetectorObservation tracked = new DetectorObservation("d2", "road_1_1", T0, T1, 3, 0.5, Double.NaN, 2, 1,
        new double[] {1.5, 20.25}, new double[] {0.0, 7.5});
    DetectorReport r = new DetectorReport("s1", 41, List.of(loop, tracked));
    Decoded<DetectorReport> back = CODEC.decodeDetectorReport(CODEC.encode(r), "t", T1);
    assertThat(back.rejections()).isEmpty();
    assertThat(back.value()).isEqualTo(r);

    SignalCommand c = new SignalCommand("i1", 7, 2, T0, T0.plusSeconds(10), T0.plusSeconds(3), T0, "max-pressure@1.0");
    assertThat(CODEC.decodeSignalCommand(CODEC.encode(c), "t", T1).value()).isEqualTo(c);
    SignalState s = new SignalState("i1", 3, 0, PhaseKind.YELLOW, T0, null, ControlSource.LOCAL_PLAN, -1);
    assertThat(CODEC.decodeSignalState(CODEC.encode(s), "t", T1).value()).isEqualTo(s);
    MeterReading m = new MeterReading("f1", MeterLevel.FEEDER, 9, T0, T0.plusSeconds(900), 250.0, Double.NaN, 10_500, "7");
    Decoded<MeterReading> mb = CODEC.decodeMeterReading(CODEC.encode(m), "t", T1);
    assertThat(mb.value()).isEqualTo(m);
    // 250 kWh over a quarter hour is 1,000 kW on average
    assertThat(mb.value().meanActivePowerKilowatts()).isEqualTo(1000.0);
  }

  @Test
  void percentOccupancyIsRefusedAtItsFieldWhileTheOtherLanesPass() {
    Decoded<DetectorReport> d = report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s1\",\"seq\":1,"
        + "\"observations\":[" + obs("") + "," + obs("").replace("0.25", "25") + "]}");
    assertThat(d.value().observations()).hasSize(1);
    assertThat(d.rejections()).singleElement().satisfies(r -> {
      assertThat(r.field()).isEqualTo("$.observations[1].occupancyFraction");
      assertThat(r.reason()).contains("1");
      assertThat(r.observations()).isEqualTo(1);
      assertThat(r.source()).isEqualTo("city/det/s1");
    });
  }

  @Test
  void messageLevelFaultsRefuseTheWholeReport() {
    Decoded<DetectorReport> noSeq = report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s1\","
        + "\"observations\":[" + obs("") + "," + obs("") + "]}");
    assertThat(noSeq.value()).isNull();
    assertThat(noSeq.rejections()).singleElement().satisfies(r -> {
      assertThat(r.field()).isEqualTo("$.seq");
      assertThat(r.observations()).isEqualTo(2);
    });
    Decoded<DetectorReport> notJson = report("{\"schema\": nope");
    assertThat(notJson.value()).isNull();
    assertThat(notJson.rejections().get(0).reason()).startsWith("not JSON");
    Decoded<DetectorReport> wrongVersion = report("{\"schema\":\"citybrain.detector-report/2\",\"stationId\":\"s1\",\"seq\":1,"
        + "\"observations\":[" + obs("") + "]}");
    assertThat(wrongVersion.rejections().get(0).field()).isEqualTo("$.schema");
  }

  @Test
  void personalIdentifiersAreNotAccepted() {
    Decoded<DetectorReport> d = report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s1\",\"seq\":1,"
        + "\"observations\":[" + obs(",\"plate\":\"ABC123\"") + "]}");
    assertThat(d.value()).isNull();
    assertThat(d.rejections().get(0).reason()).contains("plate");
  }

  @Test
  void rulesBeyondTheSchemaNameTheirField() {
    String bad = obs("").replace("08:01:00Z", "07:59:00Z");
    assertThat(report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s\",\"seq\":0,\"observations\":[" + bad + "]}")
        .rejections().get(0).field()).isEqualTo("$.observations[0].intervalEnd");
    String halting = obs(",\"vehiclesPresent\":2,\"vehiclesHalting\":3");
    assertThat(report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s\",\"seq\":0,\"observations\":[" + halting + "]}")
        .rejections().get(0).field()).isEqualTo("$.observations[0].vehiclesHalting");
    String tracks = obs(",\"distancesToStopLineMeters\":[5,1],\"speedsMetersPerSecond\":[0,0]");
    assertThat(report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s\",\"seq\":0,\"observations\":[" + tracks + "]}")
        .rejections().get(0).field()).isEqualTo("$.observations[0].distancesToStopLineMeters[1]");
    String notTime = obs("").replace("2026-03-02T08:00:00Z", "yesterday");
    assertThat(report("{\"schema\":\"citybrain.detector-report/1\",\"stationId\":\"s\",\"seq\":0,\"observations\":[" + notTime + "]}")
        .rejections().get(0).field()).isEqualTo("$.observations[0].intervalStart");
  }

  @Test
  void householdMetersAndBackwardCommandsAreRefused() {
    String meter = "{\"schema\":\"citybrain.meter-reading/1\",\"meterId\":\"m\",\"level\":\"household\",\"seq\":1,"
        + "\"intervalStart\":\"2026-03-02T08:00:00Z\",\"intervalEnd\":\"2026-03-02T08:15:00Z\",\"activeEnergyKilowattHours\":1}";
    Decoded<MeterReading> m = CODEC.decodeMeterReading(meter.getBytes(StandardCharsets.UTF_8), "t", T1);
    assertThat(m.value()).isNull();
    assertThat(m.rejections().get(0).field()).isEqualTo("$.level");
    String cmd = "{\"schema\":\"citybrain.signal-command/1\",\"intersectionId\":\"i\",\"seq\":1,\"phase\":1,"
        + "\"since\":\"2026-03-02T08:00:10Z\",\"until\":\"2026-03-02T08:00:05Z\",\"expiresAt\":\"2026-03-02T08:00:12Z\","
        + "\"issuedAt\":\"2026-03-02T08:00:10Z\",\"controller\":\"x@1\"}";
    Decoded<SignalCommand> c = CODEC.decodeSignalCommand(cmd.getBytes(StandardCharsets.UTF_8), "t", T1);
    assertThat(c.value()).isNull();
    assertThat(c.rejections().get(0).field()).isEqualTo("$.until");
  }
}

package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.live.health.DetectorStatus;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.alarms.Alarm;
import io.citybrain.platform.alarms.AlarmService;
import io.citybrain.platform.alarms.AlarmSeverity;
import io.citybrain.platform.alarms.AlarmState;
import io.citybrain.platform.alarms.NewAlarm;
import io.citybrain.platform.audit.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarms: lifecycle, de-duplication, severity, audit, detector health, over HTTP on H2. */
class AlarmApiTest {
  @TempDir static Path dir;
  static TestServer api;
  static AlarmService alarms;

  @BeforeAll
  static void start() {
    api = new TestServer(PlatformConfig.defaults(dir));
    alarms = api.server().platform().alarms();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> auditActions(long afterSeq) {
    return api.server().platform().audit().list(afterSeq, 100).stream().map(e -> e.event().action() + " " + e.event().target()).toList();
  }

  private static long lastSeq() {
    return api.server().platform().audit().last().map(AuditEntry::seq).orElse(0L);
  }

  @Test
  void anIncidentAlarmIsRaisedDeduplicatedAcknowledgedAndClearedWithAnAuditTrail() {
    long seq = lastSeq();
    NewAlarm incident = new NewAlarm("section-balance", "incident", "road_0_1_0_1", AlarmSeverity.MAJOR,
        "2 vehicles overdue between the loops", null, List.of(new double[] {1_000, 3}, new double[] {31_000, 0.5}));
    Alarm a = alarms.raise("system", incident);
    assertThat(a.state()).isEqualTo(AlarmState.RAISED);
    assertThat(a.occurrences()).isEqualTo(1);
    assertThat(a.jurisdiction()).isNull();
    // the same source, kind and subject while open: one more occurrence, the higher severity
    Alarm again = alarms.raise("system", new NewAlarm("section-balance", "incident", "road_0_1_0_1", AlarmSeverity.CRITICAL,
        "5 vehicles overdue", null, List.of()));
    assertThat(again.id()).isEqualTo(a.id());
    assertThat(again.occurrences()).isEqualTo(2);
    assertThat(again.severity()).isEqualTo(AlarmSeverity.CRITICAL);
    assertThat(again.message()).isEqualTo("5 vehicles overdue");
    assertThat(again.seriesJson()).isEqualTo("[[1000,3],[31000,0.5]]");

    JsonNode listed = api.get("/api/alarms?state=raised").json();
    assertThat(listed.get(0).get("id").asLong()).isEqualTo(a.id());
    assertThat(listed.get(0).get("severity").asText()).isEqualTo("critical");
    assertThat(listed.get(0).get("series").toString()).isEqualTo("[[1000,3],[31000,0.5]]");

    assertThat(api.postAs("/api/alarms/" + a.id() + "/ack", "", null).status()).isEqualTo(401);
    Answer ack = api.post("/api/alarms/" + a.id() + "/ack", "");
    assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    assertThat(ack.json().get("state").asText()).isEqualTo("acknowledged");
    assertThat(ack.json().get("acknowledgedBy").asText()).startsWith("token:");
    assertThat(api.post("/api/alarms/" + a.id() + "/ack", "").json().get("state").asText()).isEqualTo("acknowledged");
    Answer cleared = api.post("/api/alarms/" + a.id() + "/clear", "{\"note\":\"tow truck removed the car\"}");
    assertThat(cleared.json().get("state").asText()).isEqualTo("cleared");
    assertThat(api.post("/api/alarms/" + a.id() + "/clear", "").status()).isEqualTo(409);
    assertThat(api.post("/api/alarms/" + a.id() + "/ack", "").status()).isEqualTo(409);
    assertThat(api.post("/api/alarms/" + a.id() + "/clear", "{\"why\":1}").status()).isEqualTo(422);

    // once cleared, the next raise is a new alarm
    assertThat(alarms.raise("system", incident).id()).isNotEqualTo(a.id());
    // raise, ack, clear, raise: repeats and the idempotent acknowledgement are not audited
    assertThat(auditActions(seq)).containsExactly(
        "alarm.raise alarm/" + a.id(), "alarm.ack alarm/" + a.id(), "alarm.clear alarm/" + a.id(), "alarm.raise alarm/" + (a.id() + 1));
    assertThat(api.get("/api/alarms/999999").status()).isEqualTo(404);
    assertThat(api.get("/api/alarms?state=open").status()).isEqualTo(422);
    assertThat(api.get("/api/alarms?limit=0").status()).isEqualTo(422);
  }

  @Test
  void detectorHealthRaisesItsOwnAlarmsAndClearsThemWhenTheDetectorRecovers() {
    alarms.applyDetectorHealth("det-7", DetectorStatus.MAX_PRESENCE, "3601");
    alarms.applyDetectorHealth("det-7", DetectorStatus.MAX_PRESENCE, "3601");
    List<Alarm> open = alarms.list(AlarmState.RAISED, "3601", 10);
    assertThat(open).hasSize(1);
    assertThat(open.get(0).kind()).isEqualTo("max-presence");
    assertThat(open.get(0).severity()).isEqualTo(AlarmSeverity.MAJOR);
    assertThat(open.get(0).occurrences()).isEqualTo(2);
    // chattering replaces stuck-on: the old alarm is cleared, a minor one raised
    alarms.applyDetectorHealth("det-7", DetectorStatus.ERRATIC_COUNTS, "3601");
    open = alarms.list(AlarmState.RAISED, "3601", 10);
    assertThat(open).extracting(Alarm::kind).containsExactly("erratic-counts");
    assertThat(open.get(0).severity()).isEqualTo(AlarmSeverity.MINOR);
    alarms.applyDetectorHealth("det-7", DetectorStatus.OK, "3601");
    assertThat(alarms.list(AlarmState.RAISED, "3601", 10)).isEmpty();
    assertThat(alarms.list(AlarmState.CLEARED, "3601", 10)).hasSize(2);
    assertThat(AlarmService.forDetectorHealth("d", DetectorStatus.SILENT, null).orElseThrow().message())
        .isEqualTo("detector d has stopped reporting");
  }
}

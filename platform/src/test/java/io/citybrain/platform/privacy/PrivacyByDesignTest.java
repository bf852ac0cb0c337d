package io.citybrain.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.live.contract.ControlSource;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.PhaseKind;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.health.DetectorStatus;
import io.citybrain.live.ngsild.SmartDataModels;
import io.citybrain.platform.privacy.PersonalFieldScan.Field;
import io.citybrain.platform.privacy.PersonalFieldScan.Hit;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseSettings;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.replay.ReplayWriter;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 9 and SPEC §6 check 10 (privacy half): no table, column, API schema, message
 * contract or written file format carries a personal identifier. Every suspect field name must be
 * in {@code privacy/allowed-fields.txt} with the reason it names no person; the scan is shown to
 * catch a planted column and a planted schema property.
 */
class PrivacyByDesignTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALLOW_LIST = "privacy/allowed-fields.txt";
  private static final String CONTRACTS = "io/citybrain/live/contract/";
  private static final String OPENAPI = "io/citybrain/platform/http/openapi.json";

  @Test
  void personalTermsAreFoundInEveryNamingStyleAndFieldTermsAreNot() {
    assertThat(PersonalFieldScan.personalTerms("licencePlate")).containsExactly("plate");
    assertThat(PersonalFieldScan.personalTerms("PLATE_NUMBER")).containsExactly("plate");
    assertThat(PersonalFieldScan.personalTerms("driver-phone")).containsExactly("driver", "phone");
    assertThat(PersonalFieldScan.personalTerms("macAddress")).containsExactly("mac", "address");
    assertThat(PersonalFieldScan.personalTerms("IMSI")).containsExactly("imsi");
    assertThat(PersonalFieldScan.personalTerms("imeiHash")).containsExactly("imei");
    assertThat(PersonalFieldScan.personalTerms("face_embedding")).containsExactly("face");
    assertThat(PersonalFieldScan.personalTerms("idNumber")).containsExactly("id number");
    assertThat(PersonalFieldScan.personalTerms("vehicleTrajectory")).containsExactly("trajectory");
    assertThat(PersonalFieldScan.personalTerms("passengerCount")).containsExactly("passenger");
    assertThat(PersonalFieldScan.personalTerms("ownerName")).containsExactly("owner", "name");
    // field terms that merely contain a personal word inside a longer word are not suspects
    assertThat(PersonalFieldScan.personalTerms("macroscopicModel")).isEmpty();
    assertThat(PersonalFieldScan.personalTerms("averageTravelTimeSeconds")).isEmpty();
    assertThat(PersonalFieldScan.personalTerms("surfaceArea")).isEmpty();
    assertThat(PersonalFieldScan.personalTerms("throughputVehiclesPerHour")).isEmpty();
  }

  @Test
  void noPersonalIdentifierAnywhereOutsideTheDocumentedAllowList(@TempDir Path dir) throws Exception {
    Map<String, String> allowed = PersonalFieldScan.allowList(ALLOW_LIST);
    List<Field> fields = everyField(dir);
    List<Hit> hits = PersonalFieldScan.suspects(fields, allowed.keySet());
    assertThat(hits)
        .as("fields whose names look like personal identifiers (rename them, or add 'location | reason' to "
            + ALLOW_LIST + " when the field names no person)")
        .isEmpty();

    // every allow-list entry still points at a field that exists and is a suspect: no stale entry
    Set<String> suspectLocations = new HashSet<>();
    for (Hit h : PersonalFieldScan.suspects(fields, Set.of())) {
      suspectLocations.add(h.field().location());
    }
    assertThat(suspectLocations).as("allow-list entries that no longer match a suspect field").containsAll(allowed.keySet());
    // the scan saw every source (a silently empty source would make this test pass vacuously)
    for (String source : List.of("db:GOV_", "db:RUNS", "contract:detector-report-1", "openapi#/paths", "openapi#/components",
        "summary.json:", "timeseries.csv:", "intersections.csv:", "replay_roadnet.json:", "ngsi-ld:TrafficFlowObserved",
        "ngsi-ld:TrafficSignal", "ngsi-ld:Device", "ngsi-ld:Alert")) {
      assertThat(fields).as("fields from " + source).anyMatch(f -> f.location().startsWith(source));
    }
  }

  @Test
  void thePlantedPlateColumnIsCaught(@TempDir Path dir) throws Exception {
    DatabaseSettings settings = DatabaseSettings.embedded(dir);
    try (Database db = Database.open(settings)) {
      // nothing else: the pool only had to create and migrate the database
    }
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user().orElse(null), settings.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE planted_sightings (lane_id VARCHAR(50), plate_number VARCHAR(20), seen_at_ms BIGINT)");
      List<Hit> hits =
          PersonalFieldScan.suspects(PersonalFieldScan.databaseFields(c), PersonalFieldScan.allowList(ALLOW_LIST).keySet());
      // the migrated tables pass (allowed), the planted column alone is caught
      assertThat(hits).extracting(Hit::toString).containsExactly("db:PLANTED_SIGHTINGS.PLATE_NUMBER (plate)");
    }
  }

  @Test
  void aPlantedPhonePropertyInAMessageContractIsCaught() throws Exception {
    JsonNode schema = resourceJson(CONTRACTS + "detector-report-1.schema.json");
    ObjectNode planted = schema.deepCopy();
    ((ObjectNode) planted.get("properties")).putObject("observerPhone").put("type", "string");
    List<Hit> hits =
        PersonalFieldScan.suspects(
            PersonalFieldScan.schemaFields("contract:detector-report-1", planted),
            PersonalFieldScan.allowList(ALLOW_LIST).keySet());
    assertThat(hits).extracting(Hit::toString).containsExactly("contract:detector-report-1#/properties/observerPhone (phone)");
  }

  /** Every field of every source the project stores, exchanges or writes. */
  private static List<Field> everyField(Path dir) throws Exception {
    List<Field> fields = new ArrayList<>();
    // database: all Flyway migrations applied on H2
    DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
    try (Database db = Database.open(settings)) {
      fields.addAll(db.jdbi().withHandle(h -> PersonalFieldScan.databaseFields(h.getConnection())));
    }
    // live message contracts: every schema in the contract folder
    for (String name : contractSchemas()) {
      fields.addAll(
          PersonalFieldScan.schemaFields("contract:" + name.replace(".schema.json", ""), resourceJson(CONTRACTS + name)));
    }
    // the HTTP API: request and response schemas and parameters
    fields.addAll(PersonalFieldScan.schemaFields("openapi", resourceJson(OPENAPI)));
    // files a run writes: summary.json, timeseries.csv, intersections.csv, the replay roadnet
    Path out = Files.createDirectories(dir.resolve("run"));
    Scenario scenario = ScenarioLoader.loadBundled(BundledCity.JINAN, "real");
    RunResult result;
    try (ReplayWriter replay = ReplayWriter.openIn(scenario.compiled(), out)) {
      result = TrafficRunner.run(scenario, "max-pressure", Map.of(), SimulationConfig.defaults(), 60, replay.around(RunListener.NONE));
    }
    ResultFiles.writeRun(result, out);
    fields.addAll(PersonalFieldScan.documentFields(ResultFiles.SUMMARY, JSON.readTree(out.resolve(ResultFiles.SUMMARY).toFile())));
    for (String csv : List.of(ResultFiles.TIME_SERIES, ResultFiles.INTERSECTIONS)) {
      fields.addAll(PersonalFieldScan.csvHeaderFields(csv, Files.readAllLines(out.resolve(csv)).get(0)));
    }
    fields.addAll(
        PersonalFieldScan.documentFields(
            ReplayWriter.ROADNET_FILE, JSON.readTree(out.resolve(ReplayWriter.ROADNET_FILE).toFile())));
    // the replay log is positional (no field names); its vehicle ids are the simulator's own
    // <flowId>_<serial>, never an observed vehicle's: check that instead of names
    Set<String> flowIds = new HashSet<>();
    scenario.demand().flows().forEach(f -> flowIds.add(f.id()));
    int replayVehicles = 0;
    for (String line : Files.readAllLines(out.resolve(ReplayWriter.LOG_FILE))) {
      String vehicles = line.substring(0, line.indexOf(';'));
      for (String rec : vehicles.split(",")) {
        if (rec.isBlank()) {
          continue;
        }
        String id = rec.trim().split(" ")[3].replaceAll("_shadow$", "");
        if (!flowIds.contains(id.substring(0, id.lastIndexOf('_')))) {
          throw new AssertionError("replay vehicle " + id + " is not <flowId>_<serial> of a simulated flow");
        }
        replayVehicles++;
      }
    }
    assertThat(replayVehicles).as("vehicle records in the replay log").isPositive();
    // NGSI-LD entities the live centre publishes
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    DetectorObservation o = DetectorObservation.loop("d1", "road_1_0_0", t, t.plusSeconds(60), 12, 0.2, 8.5);
    SignalState s = new SignalState("intersection_1_1", 3, 2, PhaseKind.GREEN, t, t.plusSeconds(30), ControlSource.CENTRAL, 7);
    fields.addAll(PersonalFieldScan.documentFields("ngsi-ld:TrafficFlowObserved", JSON.valueToTree(SmartDataModels.normalized(SmartDataModels.trafficFlowObserved(o, "road_1_0")))));
    fields.addAll(PersonalFieldScan.documentFields("ngsi-ld:Device", JSON.valueToTree(SmartDataModels.normalized(SmartDataModels.device("d1", "road_1_0_0", DetectorStatus.OK, t.toEpochMilli())))));
    fields.addAll(PersonalFieldScan.documentFields("ngsi-ld:TrafficSignal", JSON.valueToTree(SmartDataModels.normalized(SmartDataModels.trafficSignal(s)))));
    fields.addAll(PersonalFieldScan.documentFields("ngsi-ld:Alert", JSON.valueToTree(SmartDataModels.normalized(SmartDataModels.alert("d1", DetectorStatus.SILENT, t.toEpochMilli())))));
    return fields;
  }

  /** The schema files in the live contract folder, from a directory or a jar alike. */
  private static List<String> contractSchemas() throws IOException {
    URL url = PrivacyByDesignTest.class.getClassLoader().getResource(CONTRACTS);
    assertThat(url).as(CONTRACTS + " on the class path").isNotNull();
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return list(fs.getPath(CONTRACTS));
        }
      }
      return list(Path.of(uri));
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted().toList();
      assertThat(names).as("contract schemas").isNotEmpty();
      return names;
    }
  }

  private static JsonNode resourceJson(String resource) throws IOException {
    try (InputStream in = PrivacyByDesignTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}

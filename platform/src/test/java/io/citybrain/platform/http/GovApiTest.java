package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The governance registry over HTTP ({@code /api/gov/...}): shapes, errors, audit. */
class GovApiTest {
  @TempDir static Path dir;
  static TestServer api;

  @BeforeAll
  static void start() {
    api = new TestServer(PlatformConfig.defaults(dir));
    api.server().platform().governance().seedExample("test");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void jurisdictionsAreListedInPathOrderAndBySubtree() {
    JsonNode all = api.get("/api/gov/jurisdictions").json().get("jurisdictions");
    assertThat(all).hasSize(13);
    assertThat(all.get(0).get("path").asText()).isEqualTo("CN");
    assertThat(all.get(0).get("parent").isNull()).isTrue();
    assertThat(ids(api.get("/api/gov/jurisdictions?under=3601").json().get("jurisdictions")))
        .containsExactly("3601", "360102", "360103");
    JsonNode donghu = api.get("/api/gov/jurisdictions/360102").json();
    assertThat(donghu.get("path").asText()).isEqualTo("CN/36/3601/360102");
    assertThat(donghu.get("level").asText()).isEqualTo("district");
    assertThat(donghu.get("ancestors").toString()).isEqualTo("[\"CN\",\"36\",\"3601\"]");
    assertThat(api.get("/api/gov/jurisdictions/3601").json().get("children").toString()).isEqualTo("[\"360102\",\"360103\"]");
    Answer unknown = api.get("/api/gov/jurisdictions/atlantis");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(api.get("/api/gov/jurisdictions?under=atlantis").json().get("fields").get("under").asText())
        .isEqualTo("jurisdiction 'atlantis' does not exist");
  }

  @Test
  void creatingAJurisdictionNeedsATokenAndAValidParentAndIsAudited() {
    String body = "{\"id\":\"360111\",\"level\":\"district\",\"parent\":\"3601\",\"name\":\"Qingshanhu\"}";
    assertThat(api.postAs("/api/gov/jurisdictions", body, null).status()).isEqualTo(401);

    Answer wrongParent = api.post("/api/gov/jurisdictions", "{\"id\":\"360112\",\"level\":\"district\",\"parent\":\"99\",\"name\":\"X\"}");
    assertThat(wrongParent.status()).isEqualTo(422);
    assertThat(wrongParent.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(wrongParent.json().get("fields").get("parent").asText()).isEqualTo("jurisdiction '99' does not exist");

    Answer typed = api.post("/api/gov/jurisdictions", "{\"id\":360112,\"level\":\"district\",\"parent\":\"3601\",\"name\":\"X\",\"colour\":1}");
    assertThat(typed.status()).isEqualTo(422);
    assertThat(typed.json().get("fields").has("colour")).isTrue();

    Answer created = api.post("/api/gov/jurisdictions", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location")).contains("/api/gov/jurisdictions/360111");
    assertThat(created.json().get("path").asText()).isEqualTo("CN/36/3601/360111");
    assertThat(created.json().get("createdBy").asText()).startsWith("token:tester-");
    assertThat(api.post("/api/gov/jurisdictions", body).status()).isEqualTo(409);

    JsonNode newest = api.get("/api/audit?newest=true&limit=1").json();
    assertThat(newest.toString()).contains("gov.jurisdiction.create").contains("jurisdiction/360111");
  }

  @Test
  void organisationsRoundTripAndNameEveryInvalidField() {
    String body =
        "{\"id\":\"nc-tmb\",\"name\":\"Nanchang Traffic Management Bureau\",\"registrationCode\":\"11360100MB1234567X\","
            + "\"roles\":[\"deployer\"],\"contact\":\"signals@nc-tmb.example\",\"securityResponsible\":\"information security office\","
            + "\"homeJurisdiction\":\"3601\"}";
    Answer created = api.post("/api/gov/organisations", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("roles").toString()).isEqualTo("[\"deployer\"]");
    assertThat(api.get("/api/gov/organisations/nc-tmb").json().get("homeJurisdiction").asText()).isEqualTo("3601");
    assertThat(ids(api.get("/api/gov/organisations").json().get("organisations"))).contains("nc-tmb");

    Answer bad = api.post("/api/gov/organisations", "{\"id\":\"x\",\"roles\":\"regulator\",\"homeJurisdiction\":\"moon\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("fields").get("roles").asText()).isEqualTo("expected an array of strings, got string");
    Answer missing = api.post("/api/gov/organisations", "{\"id\":\"x\",\"roles\":[],\"homeJurisdiction\":\"moon\"}");
    assertThat(missing.json().get("fields").get("homeJurisdiction").asText()).isEqualTo("jurisdiction 'moon' does not exist");
    assertThat(missing.json().get("fields").has("registrationCode")).isTrue();
    assertThat(missing.json().get("fields").has("roles")).isTrue();
  }
}

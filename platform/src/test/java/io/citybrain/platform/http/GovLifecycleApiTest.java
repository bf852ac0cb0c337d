package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.gov.GovRegistry;
import io.citybrain.platform.gov.NewOrganisation;
import io.citybrain.platform.gov.PublicDisclosure;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filing lifecycle over HTTP, end to end: register, file, approve, deploy, act, suspend, and
 * the public disclosure, which shows disclosure fields only.
 */
class GovLifecycleApiTest {
  @TempDir static Path dir;
  static TestServer api;

  @BeforeAll
  static void start() {
    api = new TestServer(PlatformConfig.defaults(dir));
    GovRegistry gov = api.server().platform().governance();
    gov.seedExample("test");
    gov.createOrganisation("test", new NewOrganisation("acme", "Acme Signals Ltd", "91110000ACME00001X", List.of("provider"), "filings@acme.example", "security office", "CN"));
    gov.createOrganisation("test", new NewOrganisation("nc-tmb", "Nanchang Traffic Management Bureau", "11360100TMB000002Y", List.of("deployer"), "ops@nc.example", "ops security desk", "3601"));
    gov.createOrganisation("test", new NewOrganisation("jx-reg", "Jiangxi Cyberspace Administration", "11360000REG000003Z", List.of("regulator"), "algo@jx.example", "filing office", "36"));
    gov.createOrganisation("test", new NewOrganisation("zj-reg", "Zhejiang Cyberspace Administration", "11330000REG000004W", List.of("regulator"), "algo@zj.example", "filing office", "33"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode created(Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  @Test
  void fileApproveDeployActAndDisclose() {
    created(api.post("/api/gov/algorithms", "{\"id\":\"mp\",\"registryName\":\"max-pressure\",\"provider\":\"acme\"}"));
    JsonNode v = created(api.post("/api/gov/versions", "{\"algorithmId\":\"mp\",\"parameters\":{}}"));
    long versionId = v.get("id").asLong();
    assertThat(v.get("status").asText()).isEqualTo("draft");
    assertThat(v.get("artifactSha256").asText()).hasSize(64);

    String filing =
        "{\"versionId\":" + versionId + ",\"filer\":\"acme\",\"filerRole\":\"provider\",\"product\":\"Acme Signals\","
            + "\"mainUse\":\"adaptive signal control\",\"disclosureText\":\"Acme MaxPressure sets green splits from queue counts.\","
            + "\"jurisdictions\":[\"3601\"]}";
    // a malformed filing: every missing field, each with the rule asking for it
    Answer incomplete = api.post("/api/gov/filings", filing);
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.json().get("fields").get("algorithm.tradeName").asText())
        .isEqualTo("is missing; required by EU AI Act Annex VIII A.4 (trade name and unambiguous reference)");
    assertThat(incomplete.json().get("fields").has("version.oversight")).isTrue();

    Answer changed =
        api.post("/api/gov/algorithms/mp/changes",
            "{\"tradeName\":\"Acme MaxPressure\",\"algorithmType\":\"scheduling-decision\",\"intendedPurpose\":\"signal timing\","
                + "\"publicSummary\":\"queue counts in, green splits out\",\"highRiskBasis\":\"EU AI Act Annex III point 2\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    v = created(api.post("/api/gov/versions",
        "{\"algorithmId\":\"mp\",\"parameters\":{},\"modelCard\":\"card\",\"selfAssessment\":\"report\",\"oversight\":\"stop to fixed plan\"}"
            .replace("\"parameters\":{}", "\"parameters\":{\"" + firstParameter() + "\":" + otherValue() + "}")));
    versionId = v.get("id").asLong();
    String digest = v.get("artifactSha256").asText();
    JsonNode f = created(api.post("/api/gov/filings", filing.replaceFirst("\"versionId\":\\d+", "\"versionId\":" + versionId)));
    String number = f.get("filingNumber").asText();
    assertThat(number).matches("CBF-\\d{4}-000001");

    String until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    // a regulator outside the subtree: 403 naming the field
    Answer outside =
        api.post("/api/gov/approvals", "{\"filingNumber\":\"" + number + "\",\"jurisdiction\":\"3601\",\"regulator\":\"zj-reg\","
            + "\"decision\":\"approve\",\"reason\":\"ok\",\"validUntil\":\"" + until + "\"}");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.json().get("error").asText()).isEqualTo("forbidden");
    assertThat(outside.json().get("fields").has("jurisdiction")).isTrue();
    Answer badTime =
        api.post("/api/gov/approvals", "{\"filingNumber\":\"" + number + "\",\"jurisdiction\":\"atlantis\",\"regulator\":\"jx-reg\","
            + "\"decision\":\"approve\",\"reason\":\"ok\",\"validUntil\":\"next year\"}");
    assertThat(badTime.status()).isEqualTo(422);
    assertThat(badTime.json().get("fields").get("validUntil").asText()).contains("ISO-8601");
    JsonNode approval =
        created(api.post("/api/gov/approvals", "{\"filingNumber\":\"" + number + "\",\"jurisdiction\":\"360102\",\"regulator\":\"jx-reg\","
            + "\"decision\":\"approve\",\"reason\":\"meets the conditions\",\"validUntil\":\"" + until + "\"}"));
    long approvalId = approval.get("id").asLong();

    Answer sibling =
        api.post("/api/gov/deployments", "{\"versionId\":" + versionId + ",\"approvalId\":" + approvalId
            + ",\"deployer\":\"nc-tmb\",\"jurisdiction\":\"360103\",\"mode\":\"actuating\"}");
    assertThat(sibling.status()).isEqualTo(403);
    JsonNode d =
        created(api.post("/api/gov/deployments", "{\"versionId\":" + versionId + ",\"approvalId\":" + approvalId
            + ",\"deployer\":\"nc-tmb\",\"jurisdiction\":\"360102\",\"mode\":\"actuating\"}"));
    long deploymentId = d.get("id").asLong();
    assertThat(d.get("authorisation").get("allowed").asBoolean()).isTrue();
    assertThat(api.get("/api/gov/orphans").json().get("orphans")).isEmpty();

    Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    String action = "{\"versionDigest\":\"" + digest + "\",\"spanStart\":\"" + t + "\",\"spanEnd\":\"" + t.plusSeconds(10) + "\","
        + "\"inputSha256\":\"" + "ab".repeat(32) + "\",\"output\":{\"phase\":2},\"applied\":true}";
    created(api.post("/api/gov/deployments/" + deploymentId + "/actions", action));
    Answer wrongDigest = api.post("/api/gov/deployments/" + deploymentId + "/actions", action.replace(digest, "00".repeat(32)));
    assertThat(wrongDigest.status()).isEqualTo(403);
    assertThat(wrongDigest.json().get("fields").has("versionDigest")).isTrue();
    assertThat(api.get("/api/gov/deployments/" + deploymentId + "/actions").json().get("actions").get(0).get("versionDigest").asText())
        .isEqualTo(digest);

    Answer suspended = api.post("/api/gov/approvals/" + approvalId + "/suspend", "{\"regulator\":\"jx-reg\",\"reason\":\"incident\"}");
    assertThat(suspended.json().get("status").asText()).isEqualTo("suspended");
    JsonNode orphans = api.get("/api/gov/orphans").json().get("orphans");
    assertThat(orphans).hasSize(1);
    assertThat(orphans.get(0).get("reason").asText()).contains("suspended (incident)");
    assertThat(api.get("/api/gov/deployments/" + deploymentId).json().get("authorisation").get("allowed").asBoolean()).isFalse();
    assertThat(api.get("/api/gov/overdue?at=2030-01-01T00:00:00Z").json().get("overdue")).isEmpty();
    assertThat(api.post("/api/gov/algorithms/mp/changes", "{\"outOfScopeUses\":\"ramp metering\"}").status()).isEqualTo(200);
    assertThat(api.get("/api/gov/overdue?at=2030-01-01T00:00:00Z").json().get("overdue").get(0).get("kind").asText())
        .isEqualTo("change-filing");
    assertThat(api.get("/api/gov/overdue?at=tomorrow").status()).isEqualTo(422);

    // change filing, then cancellation: the public history shows both
    JsonNode f2 = created(api.post("/api/gov/filings/" + number + "/change", filing.replaceFirst("\"versionId\":\\d+", "\"versionId\":" + versionId)
        .replace("adaptive signal control", "adaptive signal control and bus priority")));
    String number2 = f2.get("filingNumber").asText();
    Answer cancelled = api.post("/api/gov/filings/" + number2 + "/cancel", "{\"reason\":\"internal: contract 42 ended\"}");
    assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");

    // the disclosure: no token needed (a wrong one is not even looked at), disclosure fields only
    Answer pub = api.postAs("/api/public/filings", "{}", null);
    assertThat(pub.status()).isIn(401, 404, 405);
    Answer disclosed = api.get("/api/public/filings");
    assertThat(disclosed.status()).isEqualTo(200);
    JsonNode filings = disclosed.json().get("filings");
    assertThat(filings).hasSize(2);
    JsonNode newest = filings.get(0);
    List<String> fields = new ArrayList<>();
    newest.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(PublicDisclosure.FIELDS);
    assertThat(newest.get("filingNumber").asText()).isEqualTo(number2);
    assertThat(newest.get("entity").asText()).isEqualTo("Acme Signals Ltd");
    assertThat(newest.get("algorithm").asText()).isEqualTo("Acme MaxPressure");
    assertThat(newest.get("status").asText()).isEqualTo("cancelled");
    assertThat(newest.get("supersedes").asText()).isEqualTo(number);
    assertThat(newest.get("jurisdictions").toString()).isEqualTo("[\"Nanchang\"]");
    List<String> events = new ArrayList<>();
    newest.get("history").forEach(e -> events.add(e.get("event").asText() + " " + e.get("filingNumber").asText()));
    assertThat(events).containsExactly("filed " + number, "superseded " + number, "change-filed " + number2, "cancelled " + number2);
    assertThat(filings.get(1).get("status").asText()).isEqualTo("changed");
    assertThat(filings.get(1).get("supersededBy").asText()).isEqualTo(number2);
    // nothing internal: actors, contacts, registration codes, digests, reasons, internal ids
    String body = disclosed.body();
    for (String internal :
        List.of("token:", "filings@acme.example", "91110000ACME00001X", digest, "contract 42", "filedBy", "versionId", "\"id\"",
            "security office", "meets the conditions", "jx-reg", "approval")) {
      assertThat(body).as("the disclosure must not show " + internal).doesNotContain(internal);
    }
    // the page shows the same rows, escaped, without a token
    Answer page = api.get("/public/filings");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<td>" + number2 + "</td>").contains("Acme Signals Ltd").doesNotContain("token:");
  }

  private static String firstParameter() {
    return io.citybrain.commons.algorithm.AlgorithmRegistry.shared().require("max-pressure").parameters().get(0).name();
  }

  private static String otherValue() {
    var p = io.citybrain.commons.algorithm.AlgorithmRegistry.shared().require("max-pressure").parameters().get(0);
    return io.citybrain.commons.algorithm.ParameterValues.format(p.defaultValue() == p.max() ? p.min() : p.max());
  }
}

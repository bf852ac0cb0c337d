package io.citybrain.platform.gov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.platform.ConflictException;
import io.citybrain.platform.ForbiddenException;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.TestDatabases;
import io.citybrain.platform.audit.AuditEntry;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filing and approval lifecycle against each database ({@link GovLifecycleH2Test},
 * {@link GovLifecyclePostgresIT}): SPEC section 6 checks 1 (no orphans), 2 (complete filings),
 * 3 and 4 on the record side (no approval no action, digest binding), 8 (deadlines).
 */
abstract class GovLifecycleSuite {
  /** Monday 2 March 2026, 09:00 in Beijing. */
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  @TempDir Path tmp;

  abstract String kind();

  interface Body {
    void run(World w) throws Exception;
  }

  /** A registry with the example tree, a provider, a deployer in Nanchang and two provincial regulators. */
  record World(GovRegistry gov, GovLifecycle life, AuditLog audit, MutableClock clock) {
    Algorithm draftAlgorithm() {
      return life.createAlgorithm(
          "cli:provider", new NewAlgorithm("mp", "max-pressure", null, null, null, null, null, null, "acme", null));
    }

    Algorithm describedAlgorithm() {
      draftAlgorithm();
      return life.updateAlgorithm(
          "cli:provider",
          "mp",
          new NewAlgorithm(null, null, "Acme MaxPressure", "scheduling-decision", "adaptive signal timing at urban intersections",
              "motorway ramp metering", "inputs: queue counts per lane every 10 s; logic: max pressure (Varaiya 2013)",
              "EU AI Act Annex III point 2 (road traffic)", null, null));
    }

    AlgorithmVersion completeVersion(Map<String, Double> parameters) {
      return life.createVersion(
          "cli:provider", new NewVersion("mp", parameters, List.of(), "model card", "self-assessment report", "override, stop to fixed plan"));
    }

    NewFiling filing(long versionId) {
      return new NewFiling(versionId, "acme", "provider", "Acme Signals", "signal control", "Acme MaxPressure adapts green splits.", null,
          List.of("36"));
    }

    Approval approve(long filingId, String jurisdiction, Instant until) {
      return life.decide(
          "cli:regulator", new NewApproval(filingId, jurisdiction, "jx-reg", "approve", "meets the conditions", null, null, null, until));
    }
  }

  void withWorld(Body body) throws Exception {
    try (TestDatabases.TestDb tdb = TestDatabases.of(kind(), tmp);
        Database db = Database.open(tdb.settings())) {
      MutableClock clock = new MutableClock(T0);
      AuditLog audit = new AuditLog(db, clock);
      GovRegistry gov = new GovRegistry(db, audit, clock);
      gov.seedExample("test");
      org(gov, "acme", List.of("provider"), "CN");
      org(gov, "nc-tmb", List.of("deployer"), "3601");
      org(gov, "jx-reg", List.of("regulator"), "36");
      org(gov, "zj-reg", List.of("regulator"), "33");
      body.run(new World(gov, gov.lifecycle(), audit, clock));
    }
  }

  private static void org(GovRegistry gov, String id, List<String> roles, String home) {
    gov.createOrganisation("test", new NewOrganisation(id, id.toUpperCase(), "code-" + id, roles, id + "@example.org", "security office", home));
  }

  @Test
  void theVersionDigestIsTheRegistrysDigestOfItsParameters() throws Exception {
    withWorld(
        w -> {
          w.draftAlgorithm();
          AlgorithmVersion v = w.life().createVersion("p", new NewVersion("mp", Map.of(), List.of(), null, null, null));
          AlgorithmProvider mp = AlgorithmRegistry.shared().require("max-pressure");
          String expected = mp.artifact(ParameterValues.resolve("controller", "max-pressure", mp.parameters(), Map.of())).digest();
          assertThat(v.artifactSha256()).isEqualTo(expected).hasSize(64);
          assertThat(v.version()).isEqualTo(mp.version());
          String minGreen = mp.parameters().get(0).name();
          double other = mp.parameters().get(0).defaultValue() == mp.parameters().get(0).max() ? mp.parameters().get(0).min() : mp.parameters().get(0).max();
          AlgorithmVersion v2 = w.life().createVersion("p", new NewVersion("mp", Map.of(minGreen, other), List.of(), null, null, null));
          assertThat(v2.artifactSha256()).isNotEqualTo(v.artifactSha256());
          assertThat(v2.codeSha256()).isEqualTo(v.codeSha256());
          assertThatThrownBy(() -> w.life().createVersion("p", new NewVersion("mp", Map.of(), List.of(), null, null, null)))
              .isInstanceOf(ConflictException.class);
          assertThatThrownBy(() -> w.life().createVersion("p", new NewVersion("mp", Map.of("warp", 9.0), List.of("nope"), null, null, null)))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> {
                    assertThat(e.fields()).containsOnlyKeys("parameters", "datasets");
                    assertThat(e.fields().get("parameters")).contains("unknown parameter 'warp'");
                  });
          assertThatThrownBy(() -> w.life().createAlgorithm("p", new NewAlgorithm("x", "no-such", null, "magic", null, null, null, null, "nc-tmb", null)))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> {
                    assertThat(e.fields()).containsOnlyKeys("registryName", "algorithmType", "provider");
                    assertThat(e.fields().get("registryName")).contains("known: ").contains("max-pressure");
                    assertThat(e.fields().get("provider")).isEqualTo("organisation 'nc-tmb' does not have the role provider");
                  });
        });
  }

  @Test
  void anIncompleteFilingNamesEveryMissingFieldAndItsRule() throws Exception {
    withWorld(
        w -> {
          w.draftAlgorithm();
          AlgorithmVersion v = w.life().createVersion("p", new NewVersion("mp", Map.of(), List.of(), null, null, null));
          long logged = w.audit().count();
          assertThatThrownBy(
                  () -> w.life().submitFiling("p", new NewFiling(v.id(), "acme", "provider", " ", null, null, null, List.of())))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> {
                    assertThat(e.fields())
                        .containsOnlyKeys(
                            "product", "mainUse", "disclosureText", "jurisdictions", "algorithm.tradeName", "algorithm.algorithmType",
                            "algorithm.intendedPurpose", "algorithm.publicSummary", "algorithm.highRiskBasis", "version.selfAssessment",
                            "version.oversight", "version.modelCard");
                    assertThat(e.fields().get("algorithm.intendedPurpose"))
                        .isEqualTo("is missing; required by EU AI Act Annex VIII A.5 (intended purpose)");
                    assertThat(e.fields().get("version.selfAssessment"))
                        .isEqualTo("is missing; required by CAC Algorithmic Recommendation Provisions art. 24 (algorithm self-assessment report)");
                    assertThat(e.fields().get("disclosureText")).contains("art. 24 (content to be made public)");
                  });
          assertThat(w.life().filings()).isEmpty();
          assertThat(w.audit().count()).isEqualTo(logged);
          assertThat(w.life().versionStatus(v.id(), T0)).isEqualTo(VersionStatus.DRAFT);
        });
  }

  @Test
  void fileApproveDeployAndTheNoOrphansCheck() throws Exception {
    withWorld(
        w -> {
          w.describedAlgorithm();
          AlgorithmVersion v = w.completeVersion(Map.of());
          Filing f = w.life().submitFiling("cli:provider", w.filing(v.id()));
          assertThat(f.filingNumber()).isEqualTo("CBF-2026-000001");
          assertThat(w.life().versionStatus(v.id(), T0)).isEqualTo(VersionStatus.SUBMITTED);
          assertThatThrownBy(() -> w.life().submitFiling("p", w.filing(v.id()))).isInstanceOf(ConflictException.class);

          // a regulator decides only within its own subtree, and only where the filing applies
          assertThatThrownBy(
                  () -> w.life().decide("z", new NewApproval(f.id(), "3601", "zj-reg", "approve", "ok", null, null, null, T0.plus(Duration.ofDays(365)))))
              .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                assertThat(e.field()).isEqualTo("jurisdiction");
                assertThat(e.getMessage()).contains("outside the subtree of regulator 'zj-reg' (home CN/33)");
              });
          assertThatThrownBy(() -> w.approve(f.id(), "3301", T0.plus(Duration.ofDays(365))))
              .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields().get("jurisdiction")).contains("not covered by filing CBF-2026-000001"));
          assertThatThrownBy(() -> w.approve(f.id(), "3601", T0.minusSeconds(1)))
              .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields()).containsOnlyKeys("validUntil"));

          Approval a = w.approve(f.id(), "360102", T0.plus(Duration.ofDays(30)));
          assertThat(a.contentSha256()).hasSize(64);
          assertThat(w.life().versionStatus(v.id(), T0)).isEqualTo(VersionStatus.APPROVED);

          Deployment d = w.life().deploy("cli:operator", new NewDeployment(v.id(), a.id(), "nc-tmb", "360102", List.of("i-1", "i-2"), "actuating"));
          assertThat(d.status()).isEqualTo(DeploymentStatus.IN_SERVICE);
          assertThat(w.life().orphans(T0)).isEmpty();
          // the sibling district is outside the approval
          assertThatThrownBy(() -> w.life().deploy("o", new NewDeployment(v.id(), a.id(), "nc-tmb", "360103", null, "actuating")))
              .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.field()).isEqualTo("jurisdiction"));
          // the deployer cannot act outside its home city
          assertThatThrownBy(() -> w.life().deploy("o", new NewDeployment(v.id(), null, "nc-tmb", "330106", null, "shadow")))
              .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.getMessage()).contains("home subtree of deployer 'nc-tmb'"));
          // shadow mode needs no approval; advisory does
          assertThat(w.life().deploy("o", new NewDeployment(v.id(), null, "nc-tmb", "360103", null, "shadow")).mode())
              .isEqualTo(DeploymentMode.SHADOW);
          assertThatThrownBy(() -> w.life().deploy("o", new NewDeployment(v.id(), null, "nc-tmb", "360103", null, "advisory")))
              .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields()).containsOnlyKeys("approvalId"));

          // suspension: refused, listed as an orphan; reinstated: fine again; expiry: listed again
          w.life().suspend("cli:regulator", a.id(), "jx-reg", "incident under investigation");
          assertThat(w.life().authorisation(d.id(), T0).reason()).contains("suspended (incident under investigation)");
          assertThat(w.life().orphans(T0)).extracting(o -> o.deployment().id()).containsExactly(d.id());
          assertThat(w.life().versionStatus(v.id(), T0)).isEqualTo(VersionStatus.SUSPENDED);
          assertThatThrownBy(() -> w.life().suspend("z", a.id(), "zj-reg", "x")).isInstanceOf(ForbiddenException.class);
          w.life().reinstate("cli:regulator", a.id(), "jx-reg", "investigation closed");
          assertThat(w.life().orphans(T0)).isEmpty();
          Instant afterExpiry = T0.plus(Duration.ofDays(30));
          assertThat(w.life().orphans(afterExpiry)).singleElement().satisfies(o -> assertThat(o.reason()).contains("expired at 2026-04-01T01:00:00Z"));
          w.clock().set(afterExpiry);
          assertThatThrownBy(() -> w.life().deploy("o", new NewDeployment(v.id(), a.id(), "nc-tmb", "360102", null, "advisory")))
              .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                assertThat(e.field()).isEqualTo("approvalId");
                assertThat(e.getMessage()).contains("expired");
              });
          w.clock().set(T0.plus(Duration.ofDays(1)));
          w.life().revoke("cli:regulator", a.id(), "jx-reg", "conditions broken");
          assertThat(w.life().authorisation(d.id(), w.clock().instant()).allowed()).isFalse();
          assertThat(w.life().versionStatus(v.id(), w.clock().instant())).isEqualTo(VersionStatus.REJECTED);
          assertThatThrownBy(() -> w.life().reinstate("r", a.id(), "jx-reg", "again")).isInstanceOf(ConflictException.class);

          List<String> actions = w.audit().list(0, 1000).stream().map(e -> e.event().action()).filter(x -> x.startsWith("gov.a") || x.startsWith("gov.f") || x.startsWith("gov.d")).toList();
          assertThat(actions)
              .containsExactly(
                  "gov.algorithm.create", "gov.algorithm.change", "gov.filing.submit", "gov.approval.approve", "gov.deployment.start",
                  "gov.deployment.start", "gov.approval.suspend", "gov.approval.reinstate", "gov.approval.revoke");
          assertThat(w.audit().verify().intact()).isTrue();
        });
  }

  @Test
  void actionRecordsCarryTheApprovedDigestAndApplyOnlyWhenAuthorised() throws Exception {
    withWorld(
        w -> {
          w.describedAlgorithm();
          AlgorithmVersion v = w.completeVersion(Map.of());
          Filing f = w.life().submitFiling("p", w.filing(v.id()));
          Approval a = w.approve(f.id(), "3601", T0.plus(Duration.ofDays(30)));
          Deployment d = w.life().deploy("o", new NewDeployment(v.id(), a.id(), "nc-tmb", "360102", null, "actuating"));
          String input = "ab".repeat(32);
          ActionRecord ok =
              w.life().recordAction("system", new NewAction(d.id(), v.artifactSha256(), T0, T0.plusSeconds(10), input, "{\"phase\":2}", true, null, null));
          assertThat(ok.versionDigest()).isEqualTo(v.artifactSha256());
          assertThatThrownBy(
                  () -> w.life().recordAction("system", new NewAction(d.id(), "00".repeat(32), T0, T0.plusSeconds(10), input, "{}", true, null, null)))
              .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.field()).isEqualTo("versionDigest"));
          AuditEntry refused = w.audit().last().orElseThrow();
          assertThat(refused.event().action()).isEqualTo("gov.action.refused");
          w.life().suspend("r", a.id(), "jx-reg", "storm");
          assertThatThrownBy(
                  () -> w.life().recordAction("system", new NewAction(d.id(), v.artifactSha256(), T0, T0.plusSeconds(20), input, "{}", true, null, null)))
              .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.field()).isEqualTo("applied"));
          // computed and logged but not applied: allowed, with the operator's override
          ActionRecord notApplied =
              w.life().recordAction("system", new NewAction(d.id(), v.artifactSha256(), T0, T0.plusSeconds(20), input, "{}", false, "operator", "held phase 1"));
          assertThat(notApplied.overrideRole()).contains("operator");
          assertThat(w.life().actions(d.id(), 10)).hasSize(2);
          assertThatThrownBy(
                  () -> w.life().recordAction("s", new NewAction(d.id(), v.artifactSha256(), T0, T0.minusSeconds(1), "x", "", false, "mayor", null)))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> assertThat(e.fields()).containsOnlyKeys("spanEnd", "inputSha256", "outputJson", "overrideRole", "overrideReason"));
        });
  }

  @Test
  void changeFilingsAndCancellationsHaveDeadlinesInWorkingDays() throws Exception {
    withWorld(
        w -> {
          w.describedAlgorithm();
          AlgorithmVersion v = w.completeVersion(Map.of());
          Filing f = w.life().submitFiling("p", w.filing(v.id()));
          Approval a = w.approve(f.id(), "3601", T0.plus(Duration.ofDays(90)));
          Deployment d = w.life().deploy("o", new NewDeployment(v.id(), a.id(), "nc-tmb", "360102", null, "actuating"));

          // filed information changes on Friday 6 March (10:00 in Beijing): a change filing is due by Friday 20 March
          w.clock().set(Instant.parse("2026-03-06T02:00:00Z"));
          w.life().updateAlgorithm("p", "mp", new NewAlgorithm(null, null, null, null, "adaptive timing, now also for bus priority", null, null, null, null, null));
          assertThat(w.life().overdue(Instant.parse("2026-03-20T15:59:59Z"))).isEmpty();
          assertThat(w.life().overdue(Instant.parse("2026-03-20T16:00:00Z")))
              .singleElement()
              .satisfies(
                  o -> {
                    assertThat(o.kind()).isEqualTo("change-filing");
                    assertThat(o.filingNumber()).isEqualTo("CBF-2026-000001");
                    assertThat(o.deadline()).isEqualTo(LocalDate.parse("2026-03-20"));
                  });

          // the change filing, for the same version: the old one is superseded, its approval still authorises
          w.clock().set(Instant.parse("2026-03-23T02:00:00Z"));
          Filing changed = w.life().fileChange("p", f.id(), w.filing(v.id()));
          assertThat(changed.filingNumber()).isEqualTo("CBF-2026-000002");
          assertThat(changed.supersedesId()).contains(f.id());
          assertThat(w.life().filing(f.id()).status()).isEqualTo(FilingStatus.CHANGED);
          assertThat(w.life().overdue(w.clock().instant())).isEmpty();
          assertThat(w.life().authorisation(d.id(), w.clock().instant()).allowed()).isTrue();
          assertThatThrownBy(() -> w.life().fileChange("p", f.id(), w.filing(v.id()))).isInstanceOf(ConflictException.class);

          // the service stops on Tuesday 24 March: the filing must be cancelled by Tuesday 21 April
          w.clock().set(Instant.parse("2026-03-24T02:00:00Z"));
          w.life().stopDeployment("o", d.id(), "contract ended");
          assertThat(w.life().overdue(Instant.parse("2026-04-21T15:59:59Z"))).isEmpty();
          assertThat(w.life().overdue(Instant.parse("2026-04-21T16:00:00Z")))
              .singleElement()
              .satisfies(o -> {
                assertThat(o.kind()).isEqualTo("cancellation");
                assertThat(o.filingNumber()).isEqualTo("CBF-2026-000002");
                assertThat(o.deadline()).isEqualTo(LocalDate.parse("2026-04-21"));
              });
          w.life().cancelFiling("p", changed.id(), "service ended");
          assertThat(w.life().overdue(Instant.parse("2026-05-01T00:00:00Z"))).isEmpty();
          assertThat(w.life().versionStatus(v.id(), w.clock().instant())).isEqualTo(VersionStatus.WITHDRAWN);
          assertThatThrownBy(() -> w.life().cancelFiling("p", changed.id(), "again")).isInstanceOf(ConflictException.class);
        });
  }

  @Test
  void datasetsWithPersonalDataAreRefused() throws Exception {
    withWorld(
        w -> {
          assertThatThrownBy(() -> w.life().createDataset("p", new NewDataset("plates", "ANPR reads", "police", "plates per camera", true, 1, null, 30)))
              .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fields()).containsOnlyKeys("personalData"));
          Dataset d = w.life().createDataset("p", new NewDataset("jinan-counts", "Jinan flows", "CityFlow / Tsinghua FIB", "vehicles per lane per 10 s", false, 5, 0.5, 365));
          assertThat(d.epsilon()).contains(0.5);
          w.draftAlgorithm();
          AlgorithmVersion v = w.life().createVersion("p", new NewVersion("mp", Map.of(), List.of("jinan-counts"), null, null, null));
          assertThat(v.datasetIds()).containsExactly("jinan-counts");
        });
  }
}

package io.citybrain.platform.gov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.live.control.ActuationMode;
import io.citybrain.live.control.ActuationPolicy;
import io.citybrain.live.control.ActuationPolicy.Route;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.audit.AuditEntry;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No approval, no action in the live loop (issue 9 item 3; SPEC §6 checks 3 and 4): the live
 * loop's gate answered by the registry on embedded H2. Refusals are audited; a revocation or
 * suspension during a run stops commands within the gate's refresh (1 s), after which the field
 * falls back to the fixed plan when the last command expires.
 */
class GovernedActuationGateTest {
  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  private static final Duration REFRESH = GovernedActuationGate.DEFAULT_REFRESH;

  @TempDir Path tmp;

  private record World(GovLifecycle life, AuditLog audit, MutableClock clock, AlgorithmVersion version, Approval approval) {}

  private interface Body {
    void run(World w) throws Exception;
  }

  private void withApprovedVersion(Body body) throws Exception {
    try (Database db = Database.open(DatabaseSettings.embedded(tmp))) {
      MutableClock clock = new MutableClock(T0);
      AuditLog audit = new AuditLog(db, clock);
      GovRegistry gov = new GovRegistry(db, audit, clock);
      gov.seedExample("test");
      gov.createOrganisation("test", new NewOrganisation("acme", "ACME", "code-acme", List.of("provider"), "desk@example.org", "security office", "CN"));
      gov.createOrganisation("test", new NewOrganisation("nc-tmb", "NC-TMB", "code-nc", List.of("deployer"), "desk@example.org", "security office", "3601"));
      gov.createOrganisation("test", new NewOrganisation("jx-reg", "JX-REG", "code-jx", List.of("regulator"), "desk@example.org", "security office", "36"));
      GovLifecycle life = gov.lifecycle();
      life.createAlgorithm("p", new NewAlgorithm("mp", "max-pressure", null, null, null, null, null, null, "acme", null));
      life.updateAlgorithm(
          "p",
          "mp",
          new NewAlgorithm(null, null, "Acme MaxPressure", "scheduling-decision", "adaptive signal timing at urban intersections",
              "motorway ramp metering", "inputs: queue counts per lane; logic: max pressure (Varaiya 2013)",
              "EU AI Act Annex III point 2 (road traffic)", null, null));
      AlgorithmVersion v = life.createVersion("p", new NewVersion("mp", Map.of(), List.of(), "model card", "self-assessment", "override, stop"));
      Filing f =
          life.submitFiling(
              "p", new NewFiling(v.id(), "acme", "provider", "Acme Signals", "signal control", "Adapts green splits.", null, List.of("36")));
      Approval a =
          life.decide("r", new NewApproval(f.id(), "360102", "jx-reg", "approve", "meets the conditions", null, null, null, T0.plus(Duration.ofDays(30))));
      body.run(new World(life, audit, clock, v, a));
    }
  }

  private static long refusals(AuditLog audit) {
    return audit.list(0, 10_000).stream().filter(e -> e.event().action().equals("gov.actuation.refused")).count();
  }

  @Test
  void anApprovedActuatingDeploymentActsOnItsOwnJunctionsOnlyAndRevocationStopsItWithinTheRefresh() throws Exception {
    withApprovedVersion(
        w -> {
          Deployment d = w.life().deploy("o", new NewDeployment(w.version().id(), w.approval().id(), "nc-tmb", "360102", List.of("i-1", "i-2"), "actuating"));
          GovernedActuationGate gate = new GovernedActuationGate(w.life(), w.audit(), w.clock(), d.id(), w.version().artifactSha256(), REFRESH);
          ActuationPolicy policy = new ActuationPolicy(ActuationMode.ACTUATING, gate, "max-pressure@" + w.version().version());
          assertThat(policy.route("i-1")).isEqualTo(Route.COMMAND);
          assertThat(policy.route("i-2")).isEqualTo(Route.COMMAND);
          // a junction the deployment does not name: refused and logged once, however often asked
          assertThat(policy.route("i-9")).isEqualTo(Route.ADVICE);
          assertThat(policy.route("i-9")).isEqualTo(Route.ADVICE);
          assertThat(refusals(w.audit())).isEqualTo(1);
          assertThat(w.audit().last().orElseThrow().event().details()).contains("junction=i-9 field=assets");

          // revoked at T0 + 10 s: the answer read at T0 holds until T0 + 1 s, then commands stop
          w.clock().set(T0.plusSeconds(10));
          w.life().revoke("r", w.approval().id(), "jx-reg", "conditions broken");
          w.clock().set(T0.plusSeconds(10).plus(REFRESH));
          assertThat(policy.route("i-1")).isEqualTo(Route.ADVICE);
          assertThat(policy.route("i-2")).isEqualTo(Route.ADVICE);
          AuditEntry last = w.audit().last().orElseThrow();
          assertThat(last.event().action()).isEqualTo("gov.actuation.refused");
          assertThat(last.event().details()).contains("junction=i-2 field=approvalId").contains("revoked");
          assertThat(gate.refusal()).get().asString().startsWith("approvalId: approval " + w.approval().id() + " is revoked");
          assertThat(w.audit().verify().intact()).isTrue();
        });
  }

  @Test
  void aSuspensionTakesEffectAtTheNextRefreshAndAReinstatementRestoresCommands() throws Exception {
    withApprovedVersion(
        w -> {
          Deployment d = w.life().deploy("o", new NewDeployment(w.version().id(), w.approval().id(), "nc-tmb", "360102", List.of("i-1"), "actuating"));
          GovernedActuationGate gate = new GovernedActuationGate(w.life(), w.audit(), w.clock(), d.id(), w.version().artifactSha256(), REFRESH);
          assertThat(gate.mayActuate("mp", "i-1")).isTrue();
          w.life().suspend("r", w.approval().id(), "jx-reg", "storm");
          // within the refresh the cached answer still allows: this is the stated delay
          w.clock().set(T0.plus(REFRESH).minusMillis(1));
          assertThat(gate.mayActuate("mp", "i-1")).isTrue();
          w.clock().set(T0.plus(REFRESH));
          assertThat(gate.mayActuate("mp", "i-1")).isFalse();
          w.life().reinstate("r", w.approval().id(), "jx-reg", "storm over");
          w.clock().set(T0.plus(REFRESH.multipliedBy(2)));
          assertThat(gate.mayActuate("mp", "i-1")).isTrue();
          assertThat(w.audit().last().orElseThrow().event().action()).isEqualTo("gov.actuation.allowed");
        });
  }

  @Test
  void aRunningArtifactOtherThanTheApprovedOneNeverActs() throws Exception {
    withApprovedVersion(
        w -> {
          Deployment d = w.life().deploy("o", new NewDeployment(w.version().id(), w.approval().id(), "nc-tmb", "360102", List.of("i-1"), "actuating"));
          GovernedActuationGate gate = new GovernedActuationGate(w.life(), w.audit(), w.clock(), d.id(), "00".repeat(32), REFRESH);
          assertThat(gate.mayActuate("mp", "i-1")).isFalse();
          assertThat(w.audit().last().orElseThrow().event().details())
              .contains("field=versionDigest")
              .contains("is not the approved digest " + w.version().artifactSha256());
        });
  }

  @Test
  void expiryAndStoppedDeploymentsAndUnknownDeploymentsAreRefused() throws Exception {
    withApprovedVersion(
        w -> {
          Deployment d = w.life().deploy("o", new NewDeployment(w.version().id(), w.approval().id(), "nc-tmb", "360102", List.of("i-1"), "actuating"));
          GovernedActuationGate gate = new GovernedActuationGate(w.life(), w.audit(), w.clock(), d.id(), w.version().artifactSha256(), REFRESH);
          assertThat(gate.mayActuate("mp", "i-1")).isTrue();
          w.clock().set(T0.plus(Duration.ofDays(30)));
          assertThat(gate.mayActuate("mp", "i-1")).isFalse();
          assertThat(gate.refusal()).get().asString().contains("expired at 2026-04-01T01:00:00Z");
          // a shadow deployment never acts, approved or not
          Deployment shadow = w.life().deploy("o", new NewDeployment(w.version().id(), null, "nc-tmb", "360103", List.of("i-1"), "shadow"));
          GovernedActuationGate shadowGate = new GovernedActuationGate(w.life(), w.audit(), w.clock(), shadow.id(), w.version().artifactSha256(), REFRESH);
          assertThat(shadowGate.mayActuate("mp", "i-1")).isFalse();
          assertThat(new ActuationPolicy(ActuationMode.SHADOW, shadowGate, "mp").route("i-1")).isEqualTo(Route.RECORD_ONLY);
          assertThatThrownBy(() -> new GovernedActuationGate(w.life(), w.audit(), w.clock(), 999, w.version().artifactSha256(), REFRESH))
              .isInstanceOf(NotFoundException.class);
        });
  }
}

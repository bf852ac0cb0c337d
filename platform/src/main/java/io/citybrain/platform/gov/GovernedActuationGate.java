package io.citybrain.platform.gov;

import io.citybrain.live.control.ActuationGate;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The live loop's {@link ActuationGate} answered by the governance registry: "no approval, no
 * action" (issue 9 item 3; SPEC §6 checks 3 and 4). A junction may be acted on only when
 *
 * <ul>
 *   <li>the named deployment is in service and {@link GovLifecycle#authorisation authorised} now
 *       (shadow needs nothing; advisory and actuating need an active, unexpired approval of a
 *       filing in force for this very version, whose jurisdiction contains the deployment's);
 *   <li>the running artifact's SHA-256 (the controller's code and parameter values, {@code
 *       AlgorithmProvider.artifact(...).digest()}) equals the deployed version's approved digest;
 *   <li>the junction is one of the deployment's assets (an empty asset list covers none: a
 *       deployment that acts must name what it acts on).
 * </ul>
 *
 * <p>The answer is re-read from the database at most every {@code refresh} (wall clock), so a
 * suspension or revocation takes effect within {@code refresh}; the live loop then sends the
 * junction no further command, and its cabinet holds the last command's green to its end, waits
 * the command grace and runs its local fixed plan ({@code SignalCabinets}). Bound after a
 * revocation: refresh + remaining hold of the last command + grace (1 s + hold + 2 s with the
 * defaults). Every change from allowed to refused, and every
 * refused junction the first time it is asked about, is appended to the audit log as {@code
 * gov.actuation.refused} naming the field ({@code approvalId}, {@code status}, {@code
 * versionDigest}, {@code assets}) and the reason; a return to allowed as {@code
 * gov.actuation.allowed}.
 *
 * <p>Thread-safe; cheap per call between refreshes.
 */
public final class GovernedActuationGate implements ActuationGate {
  /** How often the registry is asked again by default. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

  private final GovLifecycle life;
  private final AuditLog audit;
  private final Clock clock;
  private final long deploymentId;
  private final String runningDigest;
  private final Duration refresh;
  private final Set<String> refusedLogged = new HashSet<>();
  private Instant checkedAt;
  private Decision decision;

  /** The current answer: allowed or not, and for which junctions. */
  private record Decision(boolean allowed, String field, String reason, Set<String> assets) {}

  /**
   * @param life the registry's lifecycle service
   * @param audit where refusals are logged
   * @param clock wall clock for refresh and approval expiry
   * @param deploymentId the deployment the loop runs as
   * @param runningDigest SHA-256 (64 lower-case hex) of the artifact actually running
   * @param refresh how long an answer is reused, &gt; 0
   * @throws NotFoundException when there is no such deployment
   */
  public GovernedActuationGate(
      GovLifecycle life, AuditLog audit, Clock clock, long deploymentId, String runningDigest, Duration refresh) {
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("refresh must be > 0, got " + refresh);
    }
    this.life = life;
    this.audit = audit;
    this.clock = clock;
    this.deploymentId = deploymentId;
    this.runningDigest = runningDigest;
    this.refresh = refresh;
    life.deployment(deploymentId); // fails early on an unknown deployment
  }

  @Override
  public synchronized boolean mayActuate(String deployment, String intersectionId) {
    Instant now = clock.instant();
    if (decision == null || !now.isBefore(checkedAt.plus(refresh))) {
      Decision next = decide(now);
      if (decision != null && decision.allowed() && !next.allowed()) {
        refusedLogged.clear();
      }
      if (decision != null && !decision.allowed() && next.allowed()) {
        refusedLogged.clear();
        audit.append(event("gov.actuation.allowed", deployment, "deployment " + deploymentId + " is authorised again"));
      }
      decision = next;
      checkedAt = now;
    }
    if (decision.allowed() && decision.assets().contains(intersectionId)) {
      return true;
    }
    if (refusedLogged.add(intersectionId)) {
      String field = decision.allowed() ? "assets" : decision.field();
      String reason =
          decision.allowed()
              ? "junction " + intersectionId + " is not among deployment " + deploymentId + "'s assets " + decision.assets()
              : decision.reason();
      audit.append(event("gov.actuation.refused", deployment, "junction=" + intersectionId + " field=" + field + " reason=" + reason));
    }
    return false;
  }

  /** The reason the gate refuses now, or empty when it allows (for status pages and tests). */
  public synchronized Optional<String> refusal() {
    Decision d = decide(clock.instant());
    return d.allowed() ? Optional.empty() : Optional.of(d.field() + ": " + d.reason());
  }

  private Decision decide(Instant now) {
    Deployment d = life.deployment(deploymentId);
    Set<String> assets = Set.copyOf(d.assets());
    String approved = life.version(d.versionId()).artifactSha256();
    if (!approved.equals(runningDigest)) {
      return new Decision(false, "versionDigest",
          "the running artifact's digest " + runningDigest + " is not the approved digest " + approved + " of version " + d.versionId(),
          assets);
    }
    if (d.mode() == DeploymentMode.SHADOW) {
      return new Decision(false, "mode", "deployment " + deploymentId + " is in shadow mode: compute and log only", assets);
    }
    Authorisation a = life.authorisation(deploymentId, now);
    return a.allowed() ? new Decision(true, "", "", assets) : new Decision(false, a.field(), a.reason(), assets);
  }

  private AuditEvent event(String action, String deployment, String details) {
    return new AuditEvent("system:live-loop", action, "deployment/" + deploymentId, Optional.ofNullable(deployment), Optional.empty(), details);
  }
}

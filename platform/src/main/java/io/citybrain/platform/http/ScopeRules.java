package io.citybrain.platform.http;

import static io.citybrain.platform.access.Permission.AUDIT;
import static io.citybrain.platform.access.Permission.FILE;
import static io.citybrain.platform.access.Permission.OPERATE;
import static io.citybrain.platform.access.Permission.READ;
import static io.citybrain.platform.access.Permission.REGULATE;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.access.Caller;
import io.citybrain.platform.access.Jurisdictions;
import io.citybrain.platform.access.Permission;
import io.citybrain.platform.scenarios.ScenarioInfo;
import io.citybrain.platform.storage.JobKind;
import io.citybrain.platform.storage.Json;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table of scoped access: every route the server registers ({@code METHOD path}, as
 * registered) with its {@link ScopeRule}. A route missing here is refused when the server starts,
 * and {@code ScopeRulesTest} fails the build on a route of {@code /openapi.json} without a rule.
 * docs/governance.md ("Access by jurisdiction") shows this table.
 */
final class ScopeRules {
  private ScopeRules() {}

  /** Route → rule, in the order of docs/governance.md. */
  static final Map<String, ScopeRule> TABLE;

  static {
    Map<String, ScopeRule> t = new LinkedHashMap<>();
    ScopeRule.Resolver root = (p, ctx) -> Optional.of(Jurisdictions.ROOT);
    t.put("GET /", ScopeRule.publicRoute());
    t.put("GET /openapi.json", ScopeRule.publicRoute());
    t.put("GET /metrics", ScopeRule.target(READ, root));
    t.put("GET /api/health", ScopeRule.anyCaller());
    t.put("GET /api/controllers", ScopeRule.anyCaller());
    t.put("GET /api/algorithms", ScopeRule.anyCaller());
    t.put("GET /api/algorithms/{name}", ScopeRule.anyCaller());
    t.put("GET /api/grid/cases", ScopeRule.anyCaller());

    t.put("GET /api/scenarios", ScopeRule.list(READ));
    // the jurisdiction comes from the upload's form part, read after the upload gate (ApiRoutes)
    t.put("POST /api/scenarios", ScopeRule.target(OPERATE, (p, ctx) -> Optional.empty()));
    t.put("GET /api/scenarios/{id}", ScopeRule.item(READ, "scenario", ScopeRules::scenario));
    t.put("GET /api/scenarios/{id}/map", ScopeRule.item(READ, "scenario", ScopeRules::scenario));

    t.put("GET /api/runs", ScopeRule.list(READ));
    t.put("POST /api/runs", ScopeRule.target(OPERATE, ScopeRules::runTarget));
    for (String sub : List.of("", "/summary", "/timeseries", "/intersections", "/replay/roadnet", "/replay/frames", "/live")) {
      t.put("GET /api/runs/{id}" + sub, ScopeRule.item(READ, "run", (p, ctx) -> job(p, ctx, JobKind.TRAFFIC_RUN)));
    }
    t.put("POST /api/runs/{id}/cancel", ScopeRule.item(OPERATE, "run", (p, ctx) -> job(p, ctx, JobKind.TRAFFIC_RUN)));
    t.put("GET /api/compare", ScopeRule.list(READ));
    t.put("GET /api/jobs", ScopeRule.list(READ));

    t.put("GET /api/grid/dispatches", ScopeRule.list(READ));
    t.put("POST /api/grid/dispatches", ScopeRule.target(OPERATE, ScopeRules::dispatchTarget));
    t.put("GET /api/grid/dispatches/{id}", ScopeRule.item(READ, "dispatch", (p, ctx) -> job(p, ctx, JobKind.GRID_DISPATCH)));
    t.put("GET /api/grid/dispatches/{id}/result", ScopeRule.item(READ, "dispatch", (p, ctx) -> job(p, ctx, JobKind.GRID_DISPATCH)));
    t.put("POST /api/grid/dispatches/{id}/cancel", ScopeRule.item(OPERATE, "dispatch", (p, ctx) -> job(p, ctx, JobKind.GRID_DISPATCH)));

    // governance registry: the tree and the organisations are the registry's public frame (the
    // disclosure names both); creating them is a regulator's act in the parent's (home) subtree
    t.put("GET /api/gov/jurisdictions", ScopeRule.anyCaller());
    t.put("POST /api/gov/jurisdictions", ScopeRule.target(REGULATE, (p, ctx) -> bodyJurisdiction(p, ctx, "parent", true)));
    t.put("GET /api/gov/jurisdictions/{id}", ScopeRule.anyCaller());
    t.put("GET /api/gov/organisations", ScopeRule.anyCaller());
    t.put("POST /api/gov/organisations", ScopeRule.target(REGULATE, (p, ctx) -> bodyJurisdiction(p, ctx, "homeJurisdiction", false)));
    t.put("GET /api/gov/organisations/{id}", ScopeRule.anyCaller());

    // the filed side (algorithms, datasets, versions, filings) is what the disclosure publishes:
    // anyone with a token reads it, providers file it
    for (String kind : List.of("algorithms", "datasets", "versions", "filings")) {
      t.put("GET /api/gov/" + kind, ScopeRule.anyCaller());
      t.put("POST /api/gov/" + kind, ScopeRule.holds(FILE));
    }
    t.put("GET /api/gov/algorithms/{id}", ScopeRule.anyCaller());
    t.put("POST /api/gov/algorithms/{id}/changes", ScopeRule.holds(FILE));
    t.put("GET /api/gov/versions/{id}", ScopeRule.anyCaller());
    t.put("GET /api/gov/filings/{number}", ScopeRule.anyCaller());
    t.put("POST /api/gov/filings/{number}/change", ScopeRule.holds(FILE));
    t.put("POST /api/gov/filings/{number}/cancel", ScopeRule.holds(FILE));
    // approvals and deployments belong to a jurisdiction: regulators decide, operators deploy there
    ScopeRule.Resolver bodyJurisdiction = (p, ctx) -> bodyJurisdiction(p, ctx, "jurisdiction", false);
    t.put("GET /api/gov/approvals", ScopeRule.list(READ));
    t.put("POST /api/gov/approvals", ScopeRule.target(REGULATE, bodyJurisdiction));
    t.put("GET /api/gov/approvals/{id}", ScopeRule.item(READ, "approval", ScopeRules::approval));
    for (String change : List.of("suspend", "reinstate", "revoke")) {
      t.put("POST /api/gov/approvals/{id}/" + change, ScopeRule.item(REGULATE, "approval", ScopeRules::approval));
    }
    t.put("GET /api/gov/deployments", ScopeRule.list(READ));
    t.put("POST /api/gov/deployments", ScopeRule.target(OPERATE, bodyJurisdiction));
    t.put("GET /api/gov/deployments/{id}", ScopeRule.item(READ, "deployment", ScopeRules::deployment));
    t.put("GET /api/gov/deployments/{id}/actions", ScopeRule.item(READ, "deployment", ScopeRules::deployment));
    t.put("POST /api/gov/deployments/{id}/actions", ScopeRule.item(OPERATE, "deployment", ScopeRules::deployment));
    t.put("POST /api/gov/deployments/{id}/stop", ScopeRule.item(OPERATE, "deployment", ScopeRules::deployment));
    t.put("POST /api/gov/deployments/{id}/recall", ScopeRule.item(OPERATE, "deployment", ScopeRules::deployment));
    // regulator's checks over the whole registry
    t.put("GET /api/gov/orphans", ScopeRule.holds(AUDIT));
    t.put("GET /api/gov/overdue", ScopeRule.holds(AUDIT));
    // the public disclosure (issue 9 item 7)
    t.put("GET /api/public/filings", ScopeRule.publicRoute());
    t.put("GET /public/filings", ScopeRule.publicRoute());

    // alarms belong to the nation until they carry a jurisdiction of their own (their column is empty)
    t.put("GET /api/alarms", ScopeRule.target(READ, root));
    t.put("GET /api/alarms/{id}", ScopeRule.target(READ, root));
    t.put("POST /api/alarms/{id}/ack", ScopeRule.target(OPERATE, root));
    t.put("POST /api/alarms/{id}/clear", ScopeRule.target(OPERATE, root));

    t.put("GET /api/audit", ScopeRule.list(AUDIT));
    t.put("GET /api/audit/verify", ScopeRule.holds(AUDIT));
    // the whole log's tree heads and proofs (hashes, no entry content) are for whoever audits
    // somewhere; the checkpoints' public key is for anyone who verifies
    t.put("GET /api/audit/checkpoint", ScopeRule.holds(AUDIT));
    t.put("GET /api/audit/key", ScopeRule.anyCaller());
    t.put("GET /api/audit/proof/inclusion", ScopeRule.holds(AUDIT));
    t.put("GET /api/audit/proof/consistency", ScopeRule.holds(AUDIT));

    // live operations: the installation's detectors and signals belong to the nation until live
    // deployments carry a jurisdiction of their own
    for (String path : List.of("/api/live/status", "/api/live/detectors", "/api/live/signals", "/api/live/dead-letters",
        "/api/live/history/{detectorId}", "/api/live/schemas/{kind}", "/ngsi-ld/v1/entities", "/ngsi-ld/v1/entities/{id}",
        "/ngsi-ld/v1/temporal/entities/{id}", "/ngsi-ld/v1/types", "/ngsi-ld/v1/subscriptions", "/ngsi-ld/v1/subscriptions/{id}")) {
      t.put("GET " + path, ScopeRule.target(READ, root));
    }
    t.put("POST /ngsi-ld/v1/subscriptions", ScopeRule.target(OPERATE, root));
    t.put("DELETE /ngsi-ld/v1/subscriptions/{id}", ScopeRule.target(OPERATE, root));
    TABLE = Collections.unmodifiableMap(t);
  }

  /** The rule of {@code route} ({@code METHOD path}), if any. */
  static Optional<ScopeRule> of(String route) {
    return Optional.ofNullable(TABLE.get(route));
  }

  private static Optional<String> approval(Platform p, Context ctx) {
    try {
      return Optional.of(p.governance().lifecycle().approval(Long.parseLong(ctx.pathParam("id"))).jurisdictionId());
    } catch (NumberFormatException | io.citybrain.platform.NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> deployment(Platform p, Context ctx) {
    try {
      return Optional.of(p.governance().lifecycle().deployment(Long.parseLong(ctx.pathParam("id"))).jurisdictionId());
    } catch (NumberFormatException | io.citybrain.platform.NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> scenario(Platform p, Context ctx) {
    return p.scenarios().find(ctx.pathParam("id")).map(ScenarioInfo::jurisdictionId);
  }

  private static Optional<String> job(Platform p, Context ctx, JobKind kind) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return p.runStore().find(id).filter(r -> r.run().kind() == kind).map(r -> r.run().jurisdictionId());
  }

  /**
   * A new run belongs to its scenario's jurisdiction. A scenario the caller cannot see is refused
   * exactly as an unknown one (the validator's message), so that its existence does not leak.
   */
  private static Optional<String> runTarget(Platform p, Context ctx) {
    JsonNode body = jsonBody(ctx);
    JsonNode s = body == null ? null : body.get("scenario");
    if (s == null || !s.isTextual()) {
      return Optional.empty(); // the validator names the problem
    }
    Optional<ScenarioInfo> scenario = p.scenarios().find(s.asText());
    if (scenario.isEmpty()) {
      return Optional.empty();
    }
    if (!AccessControl.caller(ctx).may(READ, scenario.get().jurisdictionId())) {
      throw InvalidRequestException.of("scenario", "unknown scenario '" + s.asText() + "'; see GET /api/scenarios for the ids");
    }
    return Optional.of(scenario.get().jurisdictionId());
  }

  /**
   * The existing jurisdiction a body field names; the nation when the field is absent and {@code
   * absentMeansNation} (a new nation is the nation regulator's act); empty otherwise, so the
   * handler names the problem.
   */
  private static Optional<String> bodyJurisdiction(Platform p, Context ctx, String field, boolean absentMeansNation) {
    JsonNode body = jsonBody(ctx);
    if (body == null || !body.isObject()) {
      return Optional.empty();
    }
    JsonNode j = body.get(field);
    if (j == null || j.isNull()) {
      return absentMeansNation ? Optional.of(Jurisdictions.ROOT) : Optional.empty();
    }
    return j.isTextual() && p.access().jurisdictions().exists(j.asText()) ? Optional.of(j.asText()) : Optional.empty();
  }

  /** A dispatch belongs to the jurisdiction its request names, or to the caller's only one. */
  private static Optional<String> dispatchTarget(Platform p, Context ctx) {
    JsonNode body = jsonBody(ctx);
    if (body == null || !body.isObject()) {
      return Optional.empty(); // the body reader names the problem
    }
    JsonNode j = body.get("jurisdiction");
    String given = j == null || j.isNull() ? null : j.isTextual() ? j.asText() : "";
    return Optional.of(targetJurisdiction(p, AccessControl.caller(ctx), OPERATE, given));
  }

  /**
   * The jurisdiction a new object is created in: {@code given} when set (it must exist), else the
   * caller's only jurisdiction with {@code permission}.
   *
   * @throws InvalidRequestException naming field {@code jurisdiction}
   */
  static String targetJurisdiction(Platform p, Caller caller, Permission permission, String given) {
    if (given != null) {
      if (given.isBlank() || !p.access().jurisdictions().exists(given)) {
        throw InvalidRequestException.of(
            "jurisdiction", "unknown jurisdiction '" + given + "'; expected an id from GET /api/gov/jurisdictions");
      }
      return given;
    }
    List<String> roots = caller.roots(permission);
    if (roots.size() == 1) {
      return roots.get(0);
    }
    if (roots.isEmpty()) {
      // no grant at all: the 403 that follows names the caller's grants
      return Jurisdictions.ROOT;
    }
    throw InvalidRequestException.of(
        "jurisdiction", "is required: " + caller.describe() + " may do this in " + String.join(", ", roots) + "; name one");
  }

  private static JsonNode jsonBody(Context ctx) {
    try {
      return Json.mapper().readTree(ctx.bodyAsBytes());
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}

package io.citybrain.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.gov.GovLifecycle;
import io.citybrain.platform.gov.GovRegistry;
import io.citybrain.platform.gov.GovViews;
import io.citybrain.platform.gov.Jurisdiction;
import io.citybrain.platform.gov.NewAction;
import io.citybrain.platform.gov.NewAlgorithm;
import io.citybrain.platform.gov.NewApproval;
import io.citybrain.platform.gov.NewDataset;
import io.citybrain.platform.gov.NewDeployment;
import io.citybrain.platform.gov.NewFiling;
import io.citybrain.platform.gov.NewJurisdiction;
import io.citybrain.platform.gov.NewOrganisation;
import io.citybrain.platform.gov.NewVersion;
import io.citybrain.platform.gov.Organisation;
import io.citybrain.platform.gov.PublicDisclosure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The governance registry's routes under {@code /api/gov}: jurisdictions and organisations.
 * Handlers translate only; the rules live in {@link GovRegistry}.
 */
final class GovRoutes {
  private static final int MAX_LIST = 1000;

  private final GovRegistry gov;
  private final GovLifecycle life;
  private final PublicDisclosure disclosure;

  GovRoutes(Platform platform) {
    this.gov = platform.governance();
    this.life = gov.lifecycle();
    this.disclosure = new PublicDisclosure(gov);
  }

  void register(RoutesConfig r) {
    ApiRoutes.get(r, "/api/gov/jurisdictions", this::jurisdictions);
    ApiRoutes.post(r, "/api/gov/jurisdictions", this::createJurisdiction);
    ApiRoutes.get(r, "/api/gov/jurisdictions/{id}", this::jurisdiction);
    ApiRoutes.get(r, "/api/gov/organisations", this::organisations);
    ApiRoutes.post(r, "/api/gov/organisations", this::createOrganisation);
    ApiRoutes.get(r, "/api/gov/organisations/{id}", this::organisation);
    ApiRoutes.get(r, "/api/gov/algorithms", ctx -> ctx.json(Map.of("algorithms", life.algorithms().stream().map(GovViews::algorithm).toList())));
    ApiRoutes.post(r, "/api/gov/algorithms", this::createAlgorithm);
    ApiRoutes.get(r, "/api/gov/algorithms/{id}", ctx -> ctx.json(GovViews.algorithm(life.algorithm(ctx.pathParam("id")))));
    ApiRoutes.post(r, "/api/gov/algorithms/{id}/changes", this::changeAlgorithm);
    ApiRoutes.get(r, "/api/gov/datasets", ctx -> ctx.json(Map.of("datasets", life.datasets().stream().map(GovViews::dataset).toList())));
    ApiRoutes.post(r, "/api/gov/datasets", this::createDataset);
    ApiRoutes.get(r, "/api/gov/versions", this::versions);
    ApiRoutes.post(r, "/api/gov/versions", this::createVersion);
    ApiRoutes.get(r, "/api/gov/versions/{id}", ctx -> ctx.json(versionView(life.version(id(ctx, "version")))));
    ApiRoutes.get(r, "/api/gov/filings", ctx -> ctx.json(Map.of("filings", life.filings().stream().map(GovViews::filing).toList())));
    ApiRoutes.post(r, "/api/gov/filings", this::submitFiling);
    ApiRoutes.get(r, "/api/gov/filings/{number}", ctx -> ctx.json(GovViews.filing(life.filingByNumber(ctx.pathParam("number")))));
    ApiRoutes.post(r, "/api/gov/filings/{number}/change", this::changeFiling);
    ApiRoutes.post(r, "/api/gov/filings/{number}/cancel", this::cancelFiling);
    ApiRoutes.get(r, "/api/gov/approvals", ctx -> ctx.json(Map.of("approvals", life.approvals().stream().map(GovViews::approval).toList())));
    ApiRoutes.post(r, "/api/gov/approvals", this::decide);
    ApiRoutes.get(r, "/api/gov/approvals/{id}", ctx -> ctx.json(GovViews.approval(life.approval(id(ctx, "approval")))));
    ApiRoutes.post(r, "/api/gov/approvals/{id}/suspend", ctx -> changeApproval(ctx, "suspend"));
    ApiRoutes.post(r, "/api/gov/approvals/{id}/reinstate", ctx -> changeApproval(ctx, "reinstate"));
    ApiRoutes.post(r, "/api/gov/approvals/{id}/revoke", ctx -> changeApproval(ctx, "revoke"));
    ApiRoutes.get(r, "/api/gov/deployments", ctx -> ctx.json(Map.of("deployments", life.deployments().stream().map(this::deploymentView).toList())));
    ApiRoutes.post(r, "/api/gov/deployments", this::deploy);
    ApiRoutes.get(r, "/api/gov/deployments/{id}", ctx -> ctx.json(deploymentView(life.deployment(id(ctx, "deployment")))));
    ApiRoutes.post(r, "/api/gov/deployments/{id}/stop", ctx -> endDeployment(ctx, false));
    ApiRoutes.post(r, "/api/gov/deployments/{id}/recall", ctx -> endDeployment(ctx, true));
    ApiRoutes.get(r, "/api/gov/deployments/{id}/actions", this::actions);
    ApiRoutes.post(r, "/api/gov/deployments/{id}/actions", this::recordAction);
    ApiRoutes.get(r, "/api/gov/orphans", ctx -> ctx.json(Map.of("at", at(ctx).toString(), "orphans", life.orphans(at(ctx)).stream().map(GovViews::orphan).toList())));
    ApiRoutes.get(r, "/api/gov/overdue", ctx -> ctx.json(Map.of("at", at(ctx).toString(), "overdue", life.overdue(at(ctx)).stream().map(GovViews::overdue).toList())));
    ApiRoutes.get(r, "/api/public/filings", ctx -> ctx.json(disclosure.document()));
    r.get("/public/filings", ctx -> ctx.html(PublicFilingsPage.html(disclosure.document())));
  }

  // ------------------------------------------------------------------ lifecycle handlers

  private void createAlgorithm(Context ctx) {
    String actor = AccessControl.actor(ctx);
    NewAlgorithm a = algorithmBody(ctx, true);
    ctx.status(201).header("Location", "/api/gov/algorithms/" + a.id()).json(GovViews.algorithm(life.createAlgorithm(actor, a)));
  }

  private void changeAlgorithm(Context ctx) {
    String actor = AccessControl.actor(ctx);
    NewAlgorithm a = algorithmBody(ctx, false);
    ctx.json(GovViews.algorithm(life.updateAlgorithm(actor, ctx.pathParam("id"), a)));
  }

  private static final List<String> DESCRIBED =
      List.of("tradeName", "algorithmType", "intendedPurpose", "outOfScopeUses", "publicSummary", "highRiskBasis", "technicalSupplier");

  private static NewAlgorithm algorithmBody(Context ctx, boolean create) {
    java.util.Set<String> known = new java.util.HashSet<>(DESCRIBED);
    if (create) {
      known.addAll(List.of("id", "registryName", "provider"));
    }
    JsonNode b = object(ctx, known);
    Map<String, String> errors = new LinkedHashMap<>();
    NewAlgorithm a =
        new NewAlgorithm(
            text(b, "id", errors), text(b, "registryName", errors), text(b, "tradeName", errors), text(b, "algorithmType", errors),
            text(b, "intendedPurpose", errors), text(b, "outOfScopeUses", errors), text(b, "publicSummary", errors),
            text(b, "highRiskBasis", errors), text(b, "provider", errors), text(b, "technicalSupplier", errors));
    throwIfAny(errors);
    return a;
  }

  private void createDataset(Context ctx) {
    String actor = AccessControl.actor(ctx);
    JsonNode b = object(ctx, Set.of("id", "name", "source", "datasheet", "personalData", "kMin", "epsilon", "retentionDays"));
    Map<String, String> errors = new LinkedHashMap<>();
    JsonNode personal = b.get("personalData");
    Boolean personalData = null;
    if (personal != null && !personal.isNull()) {
      if (personal.isBoolean()) {
        personalData = personal.booleanValue();
      } else {
        errors.put("personalData", "expected true or false");
      }
    }
    Long k = integer(b, "kMin", errors);
    Long days = integer(b, "retentionDays", errors);
    NewDataset d =
        new NewDataset(
            text(b, "id", errors), text(b, "name", errors), text(b, "source", errors), text(b, "datasheet", errors), personalData,
            k == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, k)), number(b, "epsilon", errors),
            days == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days)));
    throwIfAny(errors);
    var stored = life.createDataset(actor, d);
    ctx.status(201).header("Location", "/api/gov/datasets").json(GovViews.dataset(stored));
  }

  private Map<String, Object> versionView(io.citybrain.platform.gov.AlgorithmVersion v) {
    return GovViews.version(v, life.versionStatus(v.id(), Instant.now()));
  }

  private void versions(Context ctx) {
    ctx.json(Map.of("versions", life.versions().stream().map(this::versionView).toList()));
  }

  private void createVersion(Context ctx) {
    String actor = AccessControl.actor(ctx);
    JsonNode b = object(ctx, Set.of("algorithmId", "parameters", "datasets", "modelCard", "selfAssessment", "oversight"));
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Double> parameters = new LinkedHashMap<>();
    JsonNode p = b.get("parameters");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        errors.put("parameters", "expected an object of numbers, e.g. {\"minGreenSeconds\": 10}");
      } else {
        p.fields().forEachRemaining(e -> {
          if (e.getValue().isNumber()) {
            parameters.put(e.getKey(), e.getValue().doubleValue());
          } else {
            errors.put("parameters." + e.getKey(), "expected a number");
          }
        });
      }
    }
    NewVersion v =
        new NewVersion(text(b, "algorithmId", errors), parameters, texts(b, "datasets", errors), text(b, "modelCard", errors),
            text(b, "selfAssessment", errors), text(b, "oversight", errors));
    throwIfAny(errors);
    var stored = life.createVersion(actor, v);
    ctx.status(201).header("Location", "/api/gov/versions/" + stored.id()).json(versionView(stored));
  }

  private static final Set<String> FILING_FIELDS =
      Set.of("versionId", "filer", "filerRole", "product", "mainUse", "disclosureText", "remarks", "jurisdictions");

  private static NewFiling filingBody(Context ctx) {
    JsonNode b = object(ctx, FILING_FIELDS);
    Map<String, String> errors = new LinkedHashMap<>();
    NewFiling f =
        new NewFiling(integer(b, "versionId", errors), text(b, "filer", errors), text(b, "filerRole", errors), text(b, "product", errors),
            text(b, "mainUse", errors), text(b, "disclosureText", errors), text(b, "remarks", errors), texts(b, "jurisdictions", errors));
    throwIfAny(errors);
    return f;
  }

  private void submitFiling(Context ctx) {
    String actor = AccessControl.actor(ctx);
    var f = life.submitFiling(actor, filingBody(ctx));
    ctx.status(201).header("Location", "/api/gov/filings/" + f.filingNumber()).json(GovViews.filing(f));
  }

  private void changeFiling(Context ctx) {
    String actor = AccessControl.actor(ctx);
    long old = life.filingByNumber(ctx.pathParam("number")).id();
    var f = life.fileChange(actor, old, filingBody(ctx));
    ctx.status(201).header("Location", "/api/gov/filings/" + f.filingNumber()).json(GovViews.filing(f));
  }

  private void cancelFiling(Context ctx) {
    String actor = AccessControl.actor(ctx);
    long id = life.filingByNumber(ctx.pathParam("number")).id();
    JsonNode b = object(ctx, Set.of("reason"));
    Map<String, String> errors = new LinkedHashMap<>();
    String reason = text(b, "reason", errors);
    throwIfAny(errors);
    ctx.json(GovViews.filing(life.cancelFiling(actor, id, reason)));
  }

  private void decide(Context ctx) {
    String actor = AccessControl.actor(ctx);
    JsonNode b =
        object(ctx, Set.of("filingNumber", "jurisdiction", "regulator", "decision", "reason", "maxMode", "assets", "validFrom", "validUntil"));
    Map<String, String> errors = new LinkedHashMap<>();
    String number = text(b, "filingNumber", errors);
    NewApproval a =
        new NewApproval(null, text(b, "jurisdiction", errors), text(b, "regulator", errors), text(b, "decision", errors),
            text(b, "reason", errors), text(b, "maxMode", errors), texts(b, "assets", errors), instant(b, "validFrom", errors),
            instant(b, "validUntil", errors));
    if (number == null && !errors.containsKey("filingNumber")) {
      errors.put("filingNumber", "is required: the number of the filing decided on");
    }
    throwIfAny(errors);
    long filingId;
    try {
      filingId = life.filingByNumber(number).id();
    } catch (io.citybrain.platform.NotFoundException e) {
      throw InvalidRequestException.of("filingNumber", "filing '" + number + "' does not exist");
    }
    var stored =
        life.decide(
            actor,
            new NewApproval(filingId, a.jurisdiction(), a.regulator(), a.decision(), a.reason(), a.maxMode(), a.assets(), a.validFrom(),
                a.validUntil()));
    ctx.status(201).header("Location", "/api/gov/approvals/" + stored.id()).json(GovViews.approval(stored));
  }

  private void changeApproval(Context ctx, String what) {
    String actor = AccessControl.actor(ctx);
    long id = id(ctx, "approval");
    JsonNode b = object(ctx, Set.of("regulator", "reason"));
    Map<String, String> errors = new LinkedHashMap<>();
    String regulator = text(b, "regulator", errors);
    String reason = text(b, "reason", errors);
    throwIfAny(errors);
    var a =
        switch (what) {
          case "suspend" -> life.suspend(actor, id, regulator, reason);
          case "reinstate" -> life.reinstate(actor, id, regulator, reason);
          default -> life.revoke(actor, id, regulator, reason);
        };
    ctx.json(GovViews.approval(a));
  }

  private Map<String, Object> deploymentView(io.citybrain.platform.gov.Deployment d) {
    return GovViews.deployment(d, life.authorisation(d.id(), Instant.now()));
  }

  private void deploy(Context ctx) {
    String actor = AccessControl.actor(ctx);
    JsonNode b = object(ctx, Set.of("versionId", "approvalId", "deployer", "jurisdiction", "assets", "mode"));
    Map<String, String> errors = new LinkedHashMap<>();
    NewDeployment d =
        new NewDeployment(integer(b, "versionId", errors), integer(b, "approvalId", errors), text(b, "deployer", errors),
            text(b, "jurisdiction", errors), texts(b, "assets", errors), text(b, "mode", errors));
    throwIfAny(errors);
    var stored = life.deploy(actor, d);
    ctx.status(201).header("Location", "/api/gov/deployments/" + stored.id()).json(deploymentView(stored));
  }

  private void endDeployment(Context ctx, boolean recall) {
    String actor = AccessControl.actor(ctx);
    long id = id(ctx, "deployment");
    JsonNode b = object(ctx, Set.of("reason"));
    Map<String, String> errors = new LinkedHashMap<>();
    String reason = text(b, "reason", errors);
    throwIfAny(errors);
    var d = recall ? life.recallDeployment(actor, id, reason) : life.stopDeployment(actor, id, reason);
    ctx.json(deploymentView(d));
  }

  private void actions(Context ctx) {
    long id = id(ctx, "deployment");
    ctx.json(Map.of("actions", life.actions(id, MAX_LIST).stream().map(GovViews::action).toList()));
  }

  private void recordAction(Context ctx) {
    String actor = AccessControl.actor(ctx);
    long id = id(ctx, "deployment");
    JsonNode b =
        object(ctx, Set.of("versionDigest", "spanStart", "spanEnd", "inputSha256", "output", "applied", "overrideRole", "overrideReason"));
    Map<String, String> errors = new LinkedHashMap<>();
    JsonNode output = b.get("output");
    JsonNode applied = b.get("applied");
    if (applied == null || !applied.isBoolean()) {
      errors.put("applied", "is required: true when the decision was applied to the assets, else false");
    }
    NewAction a =
        new NewAction(id, text(b, "versionDigest", errors), instant(b, "spanStart", errors), instant(b, "spanEnd", errors),
            text(b, "inputSha256", errors), output == null || output.isNull() ? null : output.toString(),
            applied != null && applied.booleanValue(), text(b, "overrideRole", errors), text(b, "overrideReason", errors));
    throwIfAny(errors);
    var stored = life.recordAction(actor, a);
    ctx.status(201).json(GovViews.action(stored));
  }

  // ------------------------------------------------------------------ parameters

  private static void throwIfAny(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** A numeric path parameter {@code id}; a non-number is the same 404 as an unknown id. */
  private static long id(Context ctx, String kind) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new io.citybrain.platform.NotFoundException(kind, raw);
    }
  }

  /** {@code ?at=} (ISO-8601) or now. */
  private static Instant at(Context ctx) {
    String raw = ctx.queryParam("at");
    if (raw == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of("at", "is '" + raw + "'; expected an ISO-8601 instant such as 2026-03-21T00:00:00Z");
    }
  }

  static Long integer(JsonNode n, String field, Map<String, String> errors) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      errors.put(field, "expected an integer, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    return v.longValue();
  }

  static Double number(JsonNode n, String field, Map<String, String> errors) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      errors.put(field, "expected a number, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    return v.doubleValue();
  }

  static Instant instant(JsonNode n, String field, Map<String, String> errors) {
    String s = text(n, field, errors);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      errors.put(field, "is '" + GovRegistry.clip(s) + "'; expected an ISO-8601 instant such as 2027-01-01T00:00:00Z");
      return null;
    }
  }

  private void jurisdictions(Context ctx) {
    String under = ctx.queryParam("under");
    var tree = gov.tree();
    if (under != null && tree.find(under).isEmpty()) {
      throw InvalidRequestException.of("under", "jurisdiction '" + under + "' does not exist");
    }
    ctx.json(GovViews.jurisdictions(under == null ? tree.all() : tree.subtree(under)));
  }

  private void jurisdiction(Context ctx) {
    String id = ctx.pathParam("id");
    Jurisdiction j = gov.jurisdiction(id);
    var tree = gov.tree();
    Map<String, Object> m = new LinkedHashMap<>(GovViews.jurisdiction(j));
    m.put("ancestors", tree.ancestors(id).stream().map(Jurisdiction::id).toList());
    m.put("children", tree.children(id).stream().map(Jurisdiction::id).toList());
    ctx.json(m);
  }

  private void createJurisdiction(Context ctx) {
    String actor = AccessControl.actor(ctx);
    JsonNode body = object(ctx, Set.of("id", "level", "parent", "name"));
    Map<String, String> errors = new LinkedHashMap<>();
    NewJurisdiction request =
        new NewJurisdiction(text(body, "id", errors), text(body, "level", errors), text(body, "parent", errors), text(body, "name", errors));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Jurisdiction j = gov.createJurisdiction(actor, request);
    ctx.status(201).header("Location", "/api/gov/jurisdictions/" + j.id()).json(GovViews.jurisdiction(j));
  }

  private void organisations(Context ctx) {
    ctx.json(GovViews.organisations(gov.organisations()));
  }

  private void organisation(Context ctx) {
    ctx.json(GovViews.organisation(gov.organisation(ctx.pathParam("id"))));
  }

  private void createOrganisation(Context ctx) {
    String actor = AccessControl.actor(ctx);
    JsonNode body =
        object(ctx, Set.of("id", "name", "registrationCode", "roles", "contact", "securityResponsible", "homeJurisdiction"));
    Map<String, String> errors = new LinkedHashMap<>();
    NewOrganisation request =
        new NewOrganisation(
            text(body, "id", errors),
            text(body, "name", errors),
            text(body, "registrationCode", errors),
            texts(body, "roles", errors),
            text(body, "contact", errors),
            text(body, "securityResponsible", errors),
            text(body, "homeJurisdiction", errors));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Organisation o = gov.createOrganisation(actor, request);
    ctx.status(201).header("Location", "/api/gov/organisations/" + o.id()).json(GovViews.organisation(o));
  }

  // ------------------------------------------------------------------ request bodies

  /** The body as a JSON object; unknown fields are an error naming them and the known ones. */
  static JsonNode object(Context ctx, Set<String> known) {
    JsonNode body = JsonBodies.parse(ctx.bodyAsBytes());
    if (!body.isObject()) {
      throw HttpProblem.badRequest("malformed_json", "expected a JSON object, got " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        errors.put(f, "is not a field of this request; expected " + String.join(", ", known.stream().sorted().toList()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return body;
  }

  /** A string field (null when absent or null); a non-string is an error. */
  static String text(JsonNode n, String field, Map<String, String> errors) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      errors.put(field, "expected a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    return v.textValue();
  }

  /** An array of strings (null when absent); anything else is an error. */
  static List<String> texts(JsonNode n, String field, Map<String, String> errors) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      errors.put(field, "expected an array of strings, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        errors.put(field, "expected an array of strings; an element is " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return null;
      }
      out.add(e.textValue());
    }
    return out;
  }
}

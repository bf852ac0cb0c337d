package io.citybrain.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.gov.GovRegistry;
import io.citybrain.platform.gov.GovViews;
import io.citybrain.platform.gov.Jurisdiction;
import io.citybrain.platform.gov.NewJurisdiction;
import io.citybrain.platform.gov.NewOrganisation;
import io.citybrain.platform.gov.Organisation;
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
  private final GovRegistry gov;

  GovRoutes(Platform platform) {
    this.gov = platform.governance();
  }

  void register(RoutesConfig r) {
    ApiRoutes.get(r, "/api/gov/jurisdictions", this::jurisdictions);
    ApiRoutes.post(r, "/api/gov/jurisdictions", this::createJurisdiction);
    ApiRoutes.get(r, "/api/gov/jurisdictions/{id}", this::jurisdiction);
    ApiRoutes.get(r, "/api/gov/organisations", this::organisations);
    ApiRoutes.post(r, "/api/gov/organisations", this::createOrganisation);
    ApiRoutes.get(r, "/api/gov/organisations/{id}", this::organisation);
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

package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of governance records, shared by the HTTP API ({@code /api/gov/...}) and the
 * command line's {@code --json} output, so both print the same document. Times are ISO-8601 UTC.
 */
public final class GovViews {
  private GovViews() {}

  /** {@code {id, path, level, parent, name, createdAt, createdBy}}; parent is null for a nation. */
  public static Map<String, Object> jurisdiction(Jurisdiction j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("path", j.path());
    m.put("level", j.level().label());
    m.put("parent", j.parentId().orElse(null));
    m.put("name", j.name());
    m.put("createdAt", iso(j.createdAt()));
    m.put("createdBy", j.createdBy());
    return m;
  }

  /** {@code {jurisdictions: [...]}} in path order. */
  public static Map<String, Object> jurisdictions(List<Jurisdiction> js) {
    return Map.of("jurisdictions", js.stream().map(GovViews::jurisdiction).toList());
  }

  /**
   * {@code {id, name, registrationCode, roles, contact, securityResponsible, homeJurisdiction,
   * createdAt, createdBy}}; roles in the order provider, technical-supplier, deployer, regulator.
   */
  public static Map<String, Object> organisation(Organisation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("name", o.name());
    m.put("registrationCode", o.registrationCode());
    m.put("roles", o.roles().stream().sorted().map(OrganisationRole::label).toList());
    m.put("contact", o.contact());
    m.put("securityResponsible", o.securityResponsible());
    m.put("homeJurisdiction", o.homeJurisdictionId());
    m.put("createdAt", iso(o.createdAt()));
    m.put("createdBy", o.createdBy());
    return m;
  }

  /** {@code {organisations: [...]}} by id. */
  public static Map<String, Object> organisations(List<Organisation> os) {
    return Map.of("organisations", os.stream().map(GovViews::organisation).toList());
  }

  static String iso(Instant t) {
    return t.toString();
  }
}

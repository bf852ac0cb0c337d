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

  private static Object opt(java.util.Optional<?> o) {
    return o.map(v -> v instanceof Instant t ? iso(t) : v).orElse(null);
  }

  /** An algorithm: every stored field, times ISO-8601. */
  public static Map<String, Object> algorithm(Algorithm a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("registryName", a.registryName());
    m.put("domain", a.domain());
    m.put("tradeName", a.tradeName());
    m.put("algorithmType", a.algorithmType());
    m.put("intendedPurpose", a.intendedPurpose());
    m.put("outOfScopeUses", a.outOfScopeUses());
    m.put("publicSummary", a.publicSummary());
    m.put("highRiskBasis", a.highRiskBasis());
    m.put("provider", a.providerId());
    m.put("technicalSupplier", opt(a.technicalSupplierId()));
    m.put("createdAt", iso(a.createdAt()));
    m.put("createdBy", a.createdBy());
    m.put("updatedAt", iso(a.updatedAt()));
    return m;
  }

  /** A dataset. */
  public static Map<String, Object> dataset(Dataset d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("name", d.name());
    m.put("source", d.source());
    m.put("datasheet", d.datasheet());
    m.put("personalData", d.personalData());
    m.put("kMin", d.kMin());
    m.put("epsilon", opt(d.epsilon()));
    m.put("retentionDays", d.retentionDays());
    m.put("createdAt", iso(d.createdAt()));
    m.put("createdBy", d.createdBy());
    return m;
  }

  /** A version with its status at the moment asked. */
  public static Map<String, Object> version(AlgorithmVersion v, VersionStatus status) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("algorithm", v.algorithmId());
    m.put("version", v.version());
    m.put("artifactSha256", v.artifactSha256());
    m.put("codeSha256", v.codeSha256());
    m.put("parameters", v.parameters());
    m.put("datasets", v.datasetIds());
    m.put("modelCard", v.modelCard());
    m.put("selfAssessment", v.selfAssessment());
    m.put("oversight", v.oversight());
    m.put("status", status.label());
    m.put("createdAt", iso(v.createdAt()));
    m.put("createdBy", v.createdBy());
    return m;
  }

  /** A filing, as the registry keeps it (the public view is {@link #publicFiling}). */
  public static Map<String, Object> filing(Filing f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("filingNumber", f.filingNumber());
    m.put("versionId", f.versionId());
    m.put("filer", f.filerId());
    m.put("filerRole", f.filerRole());
    m.put("product", f.product());
    m.put("mainUse", f.mainUse());
    m.put("disclosureText", f.disclosureText());
    m.put("remarks", f.remarks());
    m.put("jurisdictions", f.jurisdictionIds());
    m.put("status", f.status().label());
    m.put("filedAt", iso(f.filedAt()));
    m.put("changedAt", opt(f.changedAt()));
    m.put("cancelledAt", opt(f.cancelledAt()));
    m.put("cancelReason", f.cancelReason());
    m.put("supersedes", opt(f.supersedesId()));
    m.put("filedBy", f.filedBy());
    return m;
  }

  /** An approval decision. */
  public static Map<String, Object> approval(Approval a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("filingId", a.filingId());
    m.put("jurisdiction", a.jurisdictionId());
    m.put("regulator", a.regulatorId());
    m.put("status", a.status().label());
    m.put("reason", a.reason());
    m.put("maxMode", a.maxMode().label());
    m.put("assets", a.assets());
    m.put("validFrom", iso(a.validFrom()));
    m.put("validUntil", iso(a.validUntil()));
    m.put("decidedAt", iso(a.decidedAt()));
    m.put("decidedBy", a.decidedBy());
    m.put("statusChangedAt", iso(a.statusChangedAt()));
    m.put("statusReason", a.statusReason());
    m.put("contentSha256", a.contentSha256());
    return m;
  }

  /** A deployment with whether it may act now. */
  public static Map<String, Object> deployment(Deployment d, Authorisation now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("versionId", d.versionId());
    m.put("approvalId", opt(d.approvalId()));
    m.put("deployer", d.deployerId());
    m.put("jurisdiction", d.jurisdictionId());
    m.put("assets", d.assets());
    m.put("mode", d.mode().label());
    m.put("status", d.status().label());
    m.put("startedAt", iso(d.startedAt()));
    m.put("stoppedAt", opt(d.stoppedAt()));
    m.put("stopReason", d.stopReason());
    m.put("createdBy", d.createdBy());
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("allowed", now.allowed());
    auth.put("field", now.allowed() ? null : now.field());
    auth.put("reason", now.allowed() ? null : now.reason());
    m.put("authorisation", auth);
    return m;
  }

  /** An action record. */
  public static Map<String, Object> action(ActionRecord a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("deploymentId", a.deploymentId());
    m.put("versionDigest", a.versionDigest());
    m.put("spanStart", iso(a.spanStart()));
    m.put("spanEnd", iso(a.spanEnd()));
    m.put("inputSha256", a.inputSha256());
    m.put("output", a.outputJson());
    m.put("applied", a.applied());
    m.put("overrideRole", opt(a.overrideRole()));
    m.put("overrideReason", a.overrideReason());
    m.put("recordedAt", iso(a.recordedAt()));
    return m;
  }

  /** An orphan: the deployment's id, jurisdiction, mode, and why it is not authorised. */
  public static Map<String, Object> orphan(Orphan o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deploymentId", o.deployment().id());
    m.put("versionId", o.deployment().versionId());
    m.put("jurisdiction", o.deployment().jurisdictionId());
    m.put("mode", o.deployment().mode().label());
    m.put("field", o.field());
    m.put("reason", o.reason());
    return m;
  }

  /** An overdue filing. */
  public static Map<String, Object> overdue(OverdueItem o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("filingNumber", o.filingNumber());
    m.put("kind", o.kind());
    m.put("since", iso(o.since()));
    m.put("deadline", o.deadline().toString());
    m.put("detail", o.detail());
    return m;
  }

  static String iso(Instant t) {
    return t.toString();
  }
}

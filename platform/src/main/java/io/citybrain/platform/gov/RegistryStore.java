package io.citybrain.platform.gov;

import com.fasterxml.jackson.core.type.TypeReference;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The registry and lifecycle tables in SQL (algorithms ... action records); no checks of its own. */
final class RegistryStore {
  private final Jdbi jdbi;

  RegistryStore(Database database) {
    this.jdbi = database.jdbi();
  }

  Jdbi jdbi() {
    return jdbi;
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(nullableLong(rs, column)).map(Instant::ofEpochMilli);
  }

  static List<String> stringList(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ algorithms

  void insert(Handle h, Algorithm a) {
    h.createUpdate(
            "INSERT INTO gov_algorithms (id, registry_name, domain, trade_name, algorithm_type, intended_purpose,"
                + " out_of_scope_uses, public_summary, high_risk_basis, provider_id, technical_supplier_id, created_at_ms,"
                + " created_by, updated_at_ms) VALUES (:id, :registry, :domain, :trade, :type, :purpose, :outOfScope,"
                + " :summary, :highRisk, :provider, :supplier, :created, :by, :updated)")
        .bind("id", a.id())
        .bind("registry", a.registryName())
        .bind("domain", a.domain())
        .bind("trade", a.tradeName())
        .bind("type", a.algorithmType())
        .bind("purpose", a.intendedPurpose())
        .bind("outOfScope", a.outOfScopeUses())
        .bind("summary", a.publicSummary())
        .bind("highRisk", a.highRiskBasis())
        .bind("provider", a.providerId())
        .bind("supplier", a.technicalSupplierId().orElse(null))
        .bind("created", a.createdAt().toEpochMilli())
        .bind("by", a.createdBy())
        .bind("updated", a.updatedAt().toEpochMilli())
        .execute();
  }

  void update(Handle h, Algorithm a) {
    h.createUpdate(
            "UPDATE gov_algorithms SET trade_name = :trade, algorithm_type = :type, intended_purpose = :purpose,"
                + " out_of_scope_uses = :outOfScope, public_summary = :summary, high_risk_basis = :highRisk,"
                + " technical_supplier_id = :supplier, updated_at_ms = :updated WHERE id = :id")
        .bind("id", a.id())
        .bind("trade", a.tradeName())
        .bind("type", a.algorithmType())
        .bind("purpose", a.intendedPurpose())
        .bind("outOfScope", a.outOfScopeUses())
        .bind("summary", a.publicSummary())
        .bind("highRisk", a.highRiskBasis())
        .bind("supplier", a.technicalSupplierId().orElse(null))
        .bind("updated", a.updatedAt().toEpochMilli())
        .execute();
  }

  void insertChange(Handle h, String algorithmId, Instant at, String fields, String actor) {
    h.createUpdate(
            "INSERT INTO gov_algorithm_changes (algorithm_id, changed_at_ms, fields, changed_by) VALUES (:a, :at, :f, :by)")
        .bind("a", algorithmId)
        .bind("at", at.toEpochMilli())
        .bind("f", fields)
        .bind("by", actor)
        .execute();
  }

  /** The first change of {@code algorithmId} strictly after {@code after}, if any. */
  Optional<Instant> firstChangeAfter(Handle h, String algorithmId, Instant after) {
    return h.createQuery(
            "SELECT MIN(changed_at_ms) FROM gov_algorithm_changes WHERE algorithm_id = :a AND changed_at_ms > :after")
        .bind("a", algorithmId)
        .bind("after", after.toEpochMilli())
        .mapTo(Long.class)
        .findOne()
        .map(Instant::ofEpochMilli);
  }

  Optional<Algorithm> algorithm(Handle h, String id) {
    return h.createQuery("SELECT * FROM gov_algorithms WHERE id = :id").bind("id", id).map((rs, c) -> algorithm(rs)).findOne();
  }

  List<Algorithm> algorithms(Handle h) {
    return h.createQuery("SELECT * FROM gov_algorithms ORDER BY id").map((rs, c) -> algorithm(rs)).list();
  }

  private static Algorithm algorithm(ResultSet rs) throws SQLException {
    return new Algorithm(
        rs.getString("id"),
        rs.getString("registry_name"),
        rs.getString("domain"),
        rs.getString("trade_name"),
        rs.getString("algorithm_type"),
        rs.getString("intended_purpose"),
        rs.getString("out_of_scope_uses"),
        rs.getString("public_summary"),
        rs.getString("high_risk_basis"),
        rs.getString("provider_id"),
        Optional.ofNullable(rs.getString("technical_supplier_id")),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("updated_at_ms")));
  }

  // ------------------------------------------------------------------ datasets

  void insert(Handle h, Dataset d) {
    h.createUpdate(
            "INSERT INTO gov_datasets (id, name, source, datasheet, personal_data, k_min, epsilon, retention_days,"
                + " created_at_ms, created_by) VALUES (:id, :name, :source, :sheet, :personal, :k, :eps, :days, :at, :by)")
        .bind("id", d.id())
        .bind("name", d.name())
        .bind("source", d.source())
        .bind("sheet", d.datasheet())
        .bind("personal", d.personalData())
        .bind("k", d.kMin())
        .bind("eps", d.epsilon().orElse(null))
        .bind("days", d.retentionDays())
        .bind("at", d.createdAt().toEpochMilli())
        .bind("by", d.createdBy())
        .execute();
  }

  Optional<Dataset> dataset(Handle h, String id) {
    return h.createQuery("SELECT * FROM gov_datasets WHERE id = :id").bind("id", id).map((rs, c) -> dataset(rs)).findOne();
  }

  List<Dataset> datasets(Handle h) {
    return h.createQuery("SELECT * FROM gov_datasets ORDER BY id").map((rs, c) -> dataset(rs)).list();
  }

  private static Dataset dataset(ResultSet rs) throws SQLException {
    double eps = rs.getDouble("epsilon");
    Optional<Double> epsilon = rs.wasNull() ? Optional.empty() : Optional.of(eps);
    return new Dataset(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("source"),
        rs.getString("datasheet"),
        rs.getBoolean("personal_data"),
        rs.getInt("k_min"),
        epsilon,
        rs.getInt("retention_days"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        rs.getString("created_by"));
  }

  // ------------------------------------------------------------------ versions

  long insert(Handle h, AlgorithmVersion v) {
    long id =
        h.createUpdate(
                "INSERT INTO gov_versions (algorithm_id, version, artifact_sha256, code_sha256, parameters_json, model_card,"
                    + " self_assessment, oversight, created_at_ms, created_by) VALUES (:a, :v, :digest, :code, :params,"
                    + " :card, :self, :oversight, :at, :by)")
            .bind("a", v.algorithmId())
            .bind("v", v.version())
            .bind("digest", v.artifactSha256())
            .bind("code", v.codeSha256())
            .bind("params", Json.write(v.parameters()))
            .bind("card", v.modelCard())
            .bind("self", v.selfAssessment())
            .bind("oversight", v.oversight())
            .bind("at", v.createdAt().toEpochMilli())
            .bind("by", v.createdBy())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    for (String d : v.datasetIds()) {
      h.createUpdate("INSERT INTO gov_version_datasets (version_id, dataset_id) VALUES (:v, :d)").bind("v", id).bind("d", d).execute();
    }
    return id;
  }

  Optional<AlgorithmVersion> version(Handle h, long id) {
    return h.createQuery("SELECT * FROM gov_versions WHERE id = :id").bind("id", id).map((rs, c) -> version(h, rs)).findOne();
  }

  Optional<AlgorithmVersion> versionByDigest(Handle h, String algorithmId, String digest) {
    return h.createQuery("SELECT * FROM gov_versions WHERE algorithm_id = :a AND artifact_sha256 = :d")
        .bind("a", algorithmId)
        .bind("d", digest)
        .map((rs, c) -> version(h, rs))
        .findOne();
  }

  List<AlgorithmVersion> versions(Handle h) {
    return h.createQuery("SELECT * FROM gov_versions ORDER BY id").map((rs, c) -> version(h, rs)).list();
  }

  private static AlgorithmVersion version(Handle h, ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<String> datasets =
        h.createQuery("SELECT dataset_id FROM gov_version_datasets WHERE version_id = :v ORDER BY dataset_id")
            .bind("v", id)
            .mapTo(String.class)
            .list();
    return new AlgorithmVersion(
        id,
        rs.getString("algorithm_id"),
        rs.getString("version"),
        rs.getString("artifact_sha256"),
        rs.getString("code_sha256"),
        Json.readNumberMap(rs.getString("parameters_json")),
        rs.getString("model_card"),
        rs.getString("self_assessment"),
        rs.getString("oversight"),
        datasets,
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        rs.getString("created_by"));
  }

  // ------------------------------------------------------------------ filings

  long insert(Handle h, Filing f) {
    long id =
        h.createUpdate(
                "INSERT INTO gov_filings (filing_number, version_id, filer_id, filer_role, product, main_use,"
                    + " disclosure_text, remarks, status, filed_at_ms, supersedes_id, filed_by) VALUES (:number, :version,"
                    + " :filer, :role, :product, :mainUse, :disclosure, :remarks, :status, :filed, :supersedes, :by)")
            .bind("number", f.filingNumber())
            .bind("version", f.versionId())
            .bind("filer", f.filerId())
            .bind("role", f.filerRole())
            .bind("product", f.product())
            .bind("mainUse", f.mainUse())
            .bind("disclosure", f.disclosureText())
            .bind("remarks", f.remarks())
            .bind("status", f.status().label())
            .bind("filed", f.filedAt().toEpochMilli())
            .bind("supersedes", f.supersedesId().orElse(null))
            .bind("by", f.filedBy())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    for (String j : f.jurisdictionIds()) {
      h.createUpdate("INSERT INTO gov_filing_jurisdictions (filing_id, jurisdiction_id) VALUES (:f, :j)")
          .bind("f", id)
          .bind("j", j)
          .execute();
    }
    return id;
  }

  void markChanged(Handle h, long filingId, Instant at) {
    h.createUpdate("UPDATE gov_filings SET status = 'changed', changed_at_ms = :at WHERE id = :id")
        .bind("id", filingId)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  void markCancelled(Handle h, long filingId, Instant at, String reason) {
    h.createUpdate("UPDATE gov_filings SET status = 'cancelled', cancelled_at_ms = :at, cancel_reason = :reason WHERE id = :id")
        .bind("id", filingId)
        .bind("at", at.toEpochMilli())
        .bind("reason", reason)
        .execute();
  }

  /** Filings numbered in {@code year} so far. */
  long filingsInYear(Handle h, int year) {
    return h.createQuery("SELECT COUNT(*) FROM gov_filings WHERE filing_number LIKE :prefix")
        .bind("prefix", "CBF-" + year + "-%")
        .mapTo(Long.class)
        .one();
  }

  Optional<Filing> filing(Handle h, long id) {
    return h.createQuery("SELECT * FROM gov_filings WHERE id = :id").bind("id", id).map((rs, c) -> filing(h, rs)).findOne();
  }

  Optional<Filing> filingByNumber(Handle h, String number) {
    return h.createQuery("SELECT * FROM gov_filings WHERE filing_number = :n").bind("n", number).map((rs, c) -> filing(h, rs)).findOne();
  }

  List<Filing> filings(Handle h) {
    return h.createQuery("SELECT * FROM gov_filings ORDER BY id").map((rs, c) -> filing(h, rs)).list();
  }

  private static Filing filing(Handle h, ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<String> js =
        h.createQuery("SELECT jurisdiction_id FROM gov_filing_jurisdictions WHERE filing_id = :f ORDER BY jurisdiction_id")
            .bind("f", id)
            .mapTo(String.class)
            .list();
    return new Filing(
        id,
        rs.getString("filing_number"),
        rs.getLong("version_id"),
        rs.getString("filer_id"),
        rs.getString("filer_role"),
        rs.getString("product"),
        rs.getString("main_use"),
        rs.getString("disclosure_text"),
        rs.getString("remarks"),
        Labelled.parse(FilingStatus.class, rs.getString("status")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("filed_at_ms")),
        instant(rs, "changed_at_ms"),
        instant(rs, "cancelled_at_ms"),
        rs.getString("cancel_reason"),
        Optional.ofNullable(nullableLong(rs, "supersedes_id")),
        js,
        rs.getString("filed_by"));
  }

  // ------------------------------------------------------------------ approvals

  long insert(Handle h, Approval a) {
    return h.createUpdate(
            "INSERT INTO gov_approvals (filing_id, jurisdiction_id, regulator_id, status, reason, max_mode, assets_json,"
                + " valid_from_ms, valid_until_ms, decided_at_ms, decided_by, status_changed_at_ms, status_reason,"
                + " content_sha256) VALUES (:filing, :j, :regulator, :status, :reason, :mode, :assets, :from, :until,"
                + " :decided, :by, :changed, :statusReason, :sha)")
        .bind("filing", a.filingId())
        .bind("j", a.jurisdictionId())
        .bind("regulator", a.regulatorId())
        .bind("status", a.status().label())
        .bind("reason", a.reason())
        .bind("mode", a.maxMode().label())
        .bind("assets", Json.write(a.assets()))
        .bind("from", a.validFrom().toEpochMilli())
        .bind("until", a.validUntil().toEpochMilli())
        .bind("decided", a.decidedAt().toEpochMilli())
        .bind("by", a.decidedBy())
        .bind("changed", a.statusChangedAt().toEpochMilli())
        .bind("statusReason", a.statusReason())
        .bind("sha", a.contentSha256())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  void setStatus(Handle h, long approvalId, ApprovalStatus status, Instant at, String reason) {
    h.createUpdate(
            "UPDATE gov_approvals SET status = :s, status_changed_at_ms = :at, status_reason = :reason WHERE id = :id")
        .bind("id", approvalId)
        .bind("s", status.label())
        .bind("at", at.toEpochMilli())
        .bind("reason", reason)
        .execute();
  }

  Optional<Approval> approval(Handle h, long id) {
    return h.createQuery("SELECT * FROM gov_approvals WHERE id = :id").bind("id", id).map((rs, c) -> approval(rs)).findOne();
  }

  List<Approval> approvals(Handle h) {
    return h.createQuery("SELECT * FROM gov_approvals ORDER BY id").map((rs, c) -> approval(rs)).list();
  }

  private static Approval approval(ResultSet rs) throws SQLException {
    return new Approval(
        rs.getLong("id"),
        rs.getLong("filing_id"),
        rs.getString("jurisdiction_id"),
        rs.getString("regulator_id"),
        Labelled.parse(ApprovalStatus.class, rs.getString("status")).orElseThrow(),
        rs.getString("reason"),
        Labelled.parse(DeploymentMode.class, rs.getString("max_mode")).orElseThrow(),
        stringList(rs.getString("assets_json")),
        Instant.ofEpochMilli(rs.getLong("valid_from_ms")),
        Instant.ofEpochMilli(rs.getLong("valid_until_ms")),
        Instant.ofEpochMilli(rs.getLong("decided_at_ms")),
        rs.getString("decided_by"),
        Instant.ofEpochMilli(rs.getLong("status_changed_at_ms")),
        rs.getString("status_reason"),
        rs.getString("content_sha256"));
  }

  // ------------------------------------------------------------------ deployments

  long insert(Handle h, Deployment d) {
    return h.createUpdate(
            "INSERT INTO gov_deployments (version_id, approval_id, deployer_id, jurisdiction_id, assets_json, mode, status,"
                + " started_at_ms, created_by) VALUES (:v, :approval, :deployer, :j, :assets, :mode, :status, :started, :by)")
        .bind("v", d.versionId())
        .bind("approval", d.approvalId().orElse(null))
        .bind("deployer", d.deployerId())
        .bind("j", d.jurisdictionId())
        .bind("assets", Json.write(d.assets()))
        .bind("mode", d.mode().label())
        .bind("status", d.status().label())
        .bind("started", d.startedAt().toEpochMilli())
        .bind("by", d.createdBy())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  void stop(Handle h, long id, DeploymentStatus status, Instant at, String reason) {
    h.createUpdate("UPDATE gov_deployments SET status = :s, stopped_at_ms = :at, stop_reason = :reason WHERE id = :id")
        .bind("id", id)
        .bind("s", status.label())
        .bind("at", at.toEpochMilli())
        .bind("reason", reason)
        .execute();
  }

  Optional<Deployment> deployment(Handle h, long id) {
    return h.createQuery("SELECT * FROM gov_deployments WHERE id = :id").bind("id", id).map((rs, c) -> deployment(rs)).findOne();
  }

  List<Deployment> deployments(Handle h) {
    return h.createQuery("SELECT * FROM gov_deployments ORDER BY id").map((rs, c) -> deployment(rs)).list();
  }

  private static Deployment deployment(ResultSet rs) throws SQLException {
    return new Deployment(
        rs.getLong("id"),
        rs.getLong("version_id"),
        Optional.ofNullable(nullableLong(rs, "approval_id")),
        rs.getString("deployer_id"),
        rs.getString("jurisdiction_id"),
        stringList(rs.getString("assets_json")),
        Labelled.parse(DeploymentMode.class, rs.getString("mode")).orElseThrow(),
        Labelled.parse(DeploymentStatus.class, rs.getString("status")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("started_at_ms")),
        instant(rs, "stopped_at_ms"),
        rs.getString("stop_reason"),
        rs.getString("created_by"));
  }

  // ------------------------------------------------------------------ action records

  long insert(Handle h, ActionRecord a) {
    return h.createUpdate(
            "INSERT INTO gov_action_records (deployment_id, version_digest, span_start_ms, span_end_ms, input_sha256,"
                + " output_json, applied, override_role, override_reason, recorded_at_ms) VALUES (:d, :digest, :start, :end,"
                + " :input, :output, :applied, :role, :reason, :at)")
        .bind("d", a.deploymentId())
        .bind("digest", a.versionDigest())
        .bind("start", a.spanStart().toEpochMilli())
        .bind("end", a.spanEnd().toEpochMilli())
        .bind("input", a.inputSha256())
        .bind("output", a.outputJson())
        .bind("applied", a.applied())
        .bind("role", a.overrideRole().orElse(null))
        .bind("reason", a.overrideReason())
        .bind("at", a.recordedAt().toEpochMilli())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  List<ActionRecord> actions(Handle h, long deploymentId, int limit) {
    return h.createQuery("SELECT * FROM gov_action_records WHERE deployment_id = :d ORDER BY id LIMIT :limit")
        .bind("d", deploymentId)
        .bind("limit", limit)
        .map((rs, c) -> action(rs))
        .list();
  }

  private static ActionRecord action(ResultSet rs) throws SQLException {
    return new ActionRecord(
        rs.getLong("id"),
        rs.getLong("deployment_id"),
        rs.getString("version_digest"),
        Instant.ofEpochMilli(rs.getLong("span_start_ms")),
        Instant.ofEpochMilli(rs.getLong("span_end_ms")),
        rs.getString("input_sha256"),
        rs.getString("output_json"),
        rs.getBoolean("applied"),
        Optional.ofNullable(rs.getString("override_role")),
        rs.getString("override_reason"),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }
}

package io.citybrain.platform.gov;

import io.citybrain.platform.storage.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The governance tables in SQL ({@code gov_*}); no checks beyond the schema's. */
final class GovStore {
  private final Jdbi jdbi;

  GovStore(Database database) {
    this.jdbi = database.jdbi();
  }

  Jdbi jdbi() {
    return jdbi;
  }

  // ------------------------------------------------------------------ jurisdictions

  void insert(Handle h, Jurisdiction j) {
    h.createUpdate(
            "INSERT INTO gov_jurisdictions (id, path, level, parent_id, name, created_at_ms, created_by)"
                + " VALUES (:id, :path, :level, :parent, :name, :at, :by)")
        .bind("id", j.id())
        .bind("path", j.path())
        .bind("level", j.level().label())
        .bind("parent", j.parentId().orElse(null))
        .bind("name", j.name())
        .bind("at", j.createdAt().toEpochMilli())
        .bind("by", j.createdBy())
        .execute();
  }

  List<Jurisdiction> jurisdictions(Handle h) {
    return h.createQuery("SELECT * FROM gov_jurisdictions ORDER BY path").map((rs, ctx) -> jurisdiction(rs)).list();
  }

  List<Jurisdiction> jurisdictions() {
    return jdbi.withHandle(this::jurisdictions);
  }

  Optional<Jurisdiction> jurisdiction(Handle h, String id) {
    return h.createQuery("SELECT * FROM gov_jurisdictions WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> jurisdiction(rs))
        .findOne();
  }

  private static Jurisdiction jurisdiction(ResultSet rs) throws SQLException {
    return new Jurisdiction(
        rs.getString("id"),
        rs.getString("path"),
        JurisdictionLevel.parse(rs.getString("level")).orElseThrow(),
        Optional.ofNullable(rs.getString("parent_id")),
        rs.getString("name"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        rs.getString("created_by"));
  }

  // ------------------------------------------------------------------ organisations

  void insert(Handle h, Organisation o) {
    h.createUpdate(
            "INSERT INTO gov_organisations (id, name, registration_code, roles, contact, security_responsible,"
                + " home_jurisdiction_id, created_at_ms, created_by) VALUES (:id, :name, :code, :roles, :contact,"
                + " :security, :home, :at, :by)")
        .bind("id", o.id())
        .bind("name", o.name())
        .bind("code", o.registrationCode())
        .bind("roles", rolesText(o.roles()))
        .bind("contact", o.contact())
        .bind("security", o.securityResponsible())
        .bind("home", o.homeJurisdictionId())
        .bind("at", o.createdAt().toEpochMilli())
        .bind("by", o.createdBy())
        .execute();
  }

  List<Organisation> organisations() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM gov_organisations ORDER BY id").map((rs, ctx) -> organisation(rs)).list());
  }

  Optional<Organisation> organisation(Handle h, String id) {
    return h.createQuery("SELECT * FROM gov_organisations WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> organisation(rs))
        .findOne();
  }

  boolean registrationCodeTaken(Handle h, String code) {
    return h.createQuery("SELECT COUNT(*) FROM gov_organisations WHERE registration_code = :code")
            .bind("code", code)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Roles in their declared order, comma-separated. */
  static String rolesText(Set<OrganisationRole> roles) {
    return EnumSet.copyOf(roles).stream().map(OrganisationRole::label).collect(Collectors.joining(","));
  }

  private static Organisation organisation(ResultSet rs) throws SQLException {
    Set<OrganisationRole> roles =
        Arrays.stream(rs.getString("roles").split(","))
            .map(r -> OrganisationRole.parse(r).orElseThrow())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrganisationRole.class)));
    return new Organisation(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("registration_code"),
        roles,
        rs.getString("contact"),
        rs.getString("security_responsible"),
        rs.getString("home_jurisdiction_id"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        rs.getString("created_by"));
  }
}

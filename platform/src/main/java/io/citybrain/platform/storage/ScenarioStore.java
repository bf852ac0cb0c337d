package io.citybrain.platform.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Uploaded scenarios (roadnet and flow files with their description) in SQL. */
public final class ScenarioStore {
  private static final String COLUMNS =
      "id, name, roadnet_file_name, flow_file_name, roadnet_sha256, flow_sha256, intersections,"
          + " signalized_intersections, roads, flows, created_at_ms, created_by, jurisdiction_id";

  private final Jdbi jdbi;

  /** A store over {@code database}. */
  public ScenarioStore(Database database) {
    this.jdbi = database.jdbi();
  }

  /** The two files of an uploaded scenario, as uploaded. */
  public record Files(byte[] roadnet, byte[] flow) {}

  /** Inserts an uploaded scenario in the caller's transaction. */
  public void insert(Handle h, StoredScenario s, Files files) {
    h.createUpdate(
            "INSERT INTO scenarios (" + COLUMNS + ", roadnet_bytes, flow_bytes) VALUES (:id, :name, :roadnetFileName,"
                + " :flowFileName, :roadnetSha256, :flowSha256, :intersections, :signalized, :roads, :flows, :createdAt,"
                + " :createdBy, :jurisdictionId, :roadnetBytes, :flowBytes)")
        .bind("id", s.id())
        .bind("name", s.name())
        .bind("roadnetFileName", s.roadnetFileName())
        .bind("flowFileName", s.flowFileName())
        .bind("roadnetSha256", s.roadnetSha256())
        .bind("flowSha256", s.flowSha256())
        .bind("intersections", s.intersections())
        .bind("signalized", s.signalizedIntersections())
        .bind("roads", s.roads())
        .bind("flows", s.flows())
        .bind("createdAt", s.createdAt().toEpochMilli())
        .bind("createdBy", s.createdBy())
        .bind("jurisdictionId", s.jurisdictionId())
        .bind("roadnetBytes", files.roadnet())
        .bind("flowBytes", files.flow())
        .execute();
  }

  /** The uploaded scenario with {@code id}, if any. */
  public Optional<StoredScenario> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM scenarios WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> scenario(rs))
                .findOne());
  }

  /** All uploaded scenarios, oldest first. */
  public List<StoredScenario> list() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT " + COLUMNS + " FROM scenarios ORDER BY created_at_ms, id").map((rs, ctx) -> scenario(rs)).list());
  }

  /** The files of the uploaded scenario with {@code id}, if any. */
  public Optional<Files> files(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT roadnet_bytes, flow_bytes FROM scenarios WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Files(rs.getBytes(1), rs.getBytes(2)))
                .findOne());
  }

  /** Number of uploaded scenarios. */
  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scenarios").mapTo(Long.class).one());
  }

  private static StoredScenario scenario(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredScenario(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("roadnet_file_name"),
        rs.getString("flow_file_name"),
        rs.getString("roadnet_sha256"),
        rs.getString("flow_sha256"),
        rs.getInt("intersections"),
        rs.getInt("signalized_intersections"),
        rs.getInt("roads"),
        rs.getInt("flows"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        rs.getString("created_by"),
        rs.getString("jurisdiction_id"));
  }
}

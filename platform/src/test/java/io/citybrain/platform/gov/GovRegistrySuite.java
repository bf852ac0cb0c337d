package io.citybrain.platform.gov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.platform.ConflictException;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.TestDatabases;
import io.citybrain.platform.audit.AuditEntry;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance registry against each database: {@link GovRegistryH2Test} (fast loop) and
 * {@link GovRegistryPostgresIT}. Each test gets a fresh database or schema.
 */
abstract class GovRegistrySuite {
  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  @TempDir Path tmp;

  abstract String kind();

  /** Runs {@code body} with a registry and its audit log over a fresh database. */
  void withRegistry(Consumer<Fixture> body) throws Exception {
    try (TestDatabases.TestDb tdb = TestDatabases.of(kind(), tmp);
        Database db = Database.open(tdb.settings())) {
      Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
      AuditLog audit = new AuditLog(db, clock);
      body.accept(new Fixture(new GovRegistry(db, audit, clock), audit, db));
    }
  }

  record Fixture(GovRegistry gov, AuditLog audit, Database db) {}

  @Test
  void everyDatabaseStartsWithTheNationAndTheExampleTreeIsSeededOnce() throws Exception {
    withRegistry(
        f -> {
          assertThat(f.gov().tree().all()).extracting(Jurisdiction::path).containsExactly("CN");
          List<Jurisdiction> created = f.gov().seedExample("cli:tester");
          assertThat(created).hasSize(12);
          assertThat(f.gov().seedExample("cli:tester")).as("second seeding").isEmpty();
          JurisdictionTree tree = f.gov().tree();
          assertThat(tree.all()).hasSize(13);
          assertThat(tree.find("360102").orElseThrow().path()).isEqualTo("CN/36/3601/360102");
          assertThat(tree.find("360102").orElseThrow().level()).isEqualTo(JurisdictionLevel.DISTRICT);
          assertThat(tree.subtree("3301")).extracting(Jurisdiction::id).containsExactly("3301", "330105", "330106");
          assertThat(tree.contains("36", "360103")).isTrue();
          assertThat(tree.contains("3601", "330106")).isFalse();
          assertThat(tree.contains("360102", "360103")).isFalse();
          assertThat(f.gov().jurisdiction("3701").createdBy()).isEqualTo("cli:tester");
          assertThat(f.gov().jurisdiction("3701").createdAt()).isEqualTo(T0);
          // one audit entry per jurisdiction created, in creation order, and the log still verifies
          List<AuditEntry> entries = f.audit().list(0, 100);
          assertThat(entries).hasSize(12);
          assertThat(entries.get(0).event().action()).isEqualTo("gov.jurisdiction.create");
          assertThat(entries.get(0).event().target()).isEqualTo("jurisdiction/36");
          assertThat(entries.get(0).event().actor()).isEqualTo("cli:tester");
          assertThat(entries.get(11).event().details()).contains("\"path\":\"CN/37/3701/370103\"");
          assertThat(f.audit().verify().intact()).isTrue();
        });
  }

  @Test
  void aJurisdictionNeedsAParentOfTheLevelJustAbove() throws Exception {
    withRegistry(
        f -> {
          f.gov().seedExample("t");
          assertThatThrownBy(() -> f.gov().createJurisdiction("t", new NewJurisdiction("369999", "district", "36", "Nowhere")))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> assertThat(e.fields()).containsOnlyKeys("parent").containsEntry(
                      "parent", "'36' is a province; the parent of a district must be a city"));
          assertThatThrownBy(() -> f.gov().createJurisdiction("t", new NewJurisdiction("3699", "city", "99", "Nowhere")))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> assertThat(e.fields()).containsEntry("parent", "jurisdiction '99' does not exist"));
          assertThatThrownBy(() -> f.gov().createJurisdiction("t", new NewJurisdiction("FR", "nation", "CN", "France")))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> assertThat(e.fields().get("parent")).contains("a nation is a root"));
          // every problem at once
          assertThatThrownBy(() -> f.gov().createJurisdiction("t", new NewJurisdiction("a/b", "county", null, " ")))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> {
                    assertThat(e.fields()).containsOnlyKeys("id", "level", "name");
                    assertThat(e.fields().get("level")).isEqualTo("is 'county'; expected one of nation, province, city, district");
                  });
          assertThatThrownBy(() -> f.gov().createJurisdiction("t", new NewJurisdiction("3701", "city", "37", "Jinan again")))
              .isInstanceOf(ConflictException.class)
              .hasMessageContaining("'3701' exists already");
          // nothing stored, nothing logged
          assertThat(f.gov().tree().all()).hasSize(13);
          assertThat(f.audit().count()).isEqualTo(12);
          // a second nation is a second root
          Jurisdiction fr = f.gov().createJurisdiction("t", new NewJurisdiction("FR", "nation", null, "France"));
          assertThat(fr.path()).isEqualTo("FR");
          assertThat(f.gov().tree().contains("CN", "FR")).isFalse();
          assertThatThrownBy(() -> f.gov().jurisdiction("XX")).isInstanceOf(NotFoundException.class);
        });
  }

  @Test
  void organisationsAreCheckedStoredAndAudited() throws Exception {
    withRegistry(
        f -> {
          f.gov().seedExample("t");
          Organisation o =
              f.gov()
                  .createOrganisation(
                      "token:admin",
                      new NewOrganisation(
                          "jx-cac", "Jiangxi Cyberspace Administration", "11360000MB0000001A", List.of("regulator", "deployer"),
                          "filings@jx-cac.example", "algorithm filing office", "36"));
          assertThat(o.roles()).containsExactly(OrganisationRole.DEPLOYER, OrganisationRole.REGULATOR);
          assertThat(f.gov().organisation("jx-cac")).isEqualTo(o);
          assertThat(GovViews.organisation(o).get("roles")).isEqualTo(List.of("deployer", "regulator"));
          assertThat(f.audit().last().orElseThrow().event().action()).isEqualTo("gov.organisation.create");
          long logged = f.audit().count();

          assertThatThrownBy(
                  () ->
                      f.gov()
                          .createOrganisation(
                              "t", new NewOrganisation("Bad Id", "", "X1", List.of("operator"), "c", null, "99")))
              .isInstanceOfSatisfying(
                  InvalidRequestException.class,
                  e -> {
                    assertThat(e.fields()).containsOnlyKeys("id", "name", "roles", "securityResponsible", "homeJurisdiction");
                    assertThat(e.fields().get("roles")).startsWith("contains 'operator'; expected one or more of provider,");
                    assertThat(e.fields().get("homeJurisdiction")).isEqualTo("jurisdiction '99' does not exist");
                  });
          assertThatThrownBy(
                  () ->
                      f.gov()
                          .createOrganisation(
                              "t",
                              new NewOrganisation(
                                  "other", "Other", "11360000MB0000001A", List.of("provider"), "c", "s", "3601")))
              .isInstanceOf(ConflictException.class)
              .hasMessageContaining("registration code");
          assertThat(f.gov().organisations()).extracting(Organisation::id).containsExactly("jx-cac");
          assertThat(f.audit().count()).isEqualTo(logged);
        });
  }
}

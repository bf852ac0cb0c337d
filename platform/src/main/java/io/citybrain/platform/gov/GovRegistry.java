package io.citybrain.platform.gov;

import io.citybrain.platform.ConflictException;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The governance registry's service layer: checks requests, stores them, and appends an audit
 * entry for every state change in the same transaction (nothing is stored without its entry).
 * Used by the command line and the HTTP API alike.
 *
 * <p>Errors: {@link InvalidRequestException} names every invalid field with the rule it breaks
 * (HTTP 422, command line exit 2); {@link ConflictException} for an id or code already taken
 * (409); {@link NotFoundException} for an unknown id in a lookup (404).
 */
public final class GovRegistry {
  static final Pattern JURISDICTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final int MAX_PATH = 200;

  private final GovStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final GovLifecycle lifecycle;

  /**
   * @param database where the registry lives (migrated)
   * @param audit where state changes are recorded
   * @param clock time of records
   */
  public GovRegistry(Database database, AuditLog audit, Clock clock) {
    this(database, audit, clock, io.citybrain.commons.algorithm.AlgorithmRegistry.shared());
  }

  /** As {@link #GovRegistry(Database, AuditLog, Clock)} with the algorithm registry given (tests). */
  public GovRegistry(Database database, AuditLog audit, Clock clock, io.citybrain.commons.algorithm.AlgorithmRegistry algorithms) {
    this.store = new GovStore(database);
    this.audit = audit;
    this.clock = clock;
    this.lifecycle = new GovLifecycle(database, store, audit, clock, algorithms);
  }

  /** Algorithms, datasets, versions, filings, approvals, deployments and action records. */
  public GovLifecycle lifecycle() {
    return lifecycle;
  }

  // ------------------------------------------------------------------ jurisdictions

  /** The whole jurisdiction tree as it is now. */
  public JurisdictionTree tree() {
    return new JurisdictionTree(store.jurisdictions());
  }

  /**
   * The jurisdiction with {@code id}.
   *
   * @throws NotFoundException when there is none
   */
  public Jurisdiction jurisdiction(String id) {
    return tree().find(id).orElseThrow(() -> new NotFoundException("jurisdiction", id));
  }

  /**
   * Creates a jurisdiction under an existing parent of the level just above (a nation has none).
   *
   * @param actor who asks, recorded in the audit log
   * @throws InvalidRequestException naming each invalid field: {@code id}, {@code level}, {@code
   *     parent} (missing, unknown, or of the wrong level), {@code name}
   * @throws ConflictException when the id is taken
   */
  public Jurisdiction createJurisdiction(String actor, NewJurisdiction request) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          String id = request.id();
          if (id == null || id.isBlank()) {
            errors.put("id", "is required: 1 to 32 letters, digits, '_' or '-' (e.g. a GB/T 2260 code such as 360102)");
          } else if (!JURISDICTION_ID.matcher(id).matches()) {
            errors.put("id", "is '" + clip(id) + "'; expected 1 to 32 letters, digits, '_' or '-', starting with a letter or digit");
          }
          Optional<JurisdictionLevel> level = Optional.empty();
          if (request.level() == null) {
            errors.put("level", "is required: one of " + JurisdictionLevel.labels());
          } else {
            level = JurisdictionLevel.parse(request.level());
            if (level.isEmpty()) {
              errors.put("level", "is '" + clip(request.level()) + "'; expected one of " + JurisdictionLevel.labels());
            }
          }
          requireText(errors, "name", request.name(), 200);
          Optional<Jurisdiction> parent = Optional.empty();
          if (level.isPresent()) {
            Optional<JurisdictionLevel> parentLevel = level.get().parentLevel();
            if (parentLevel.isEmpty()) {
              if (request.parent() != null) {
                errors.put("parent", "is '" + clip(request.parent()) + "'; a nation is a root and has no parent");
              }
            } else if (request.parent() == null || request.parent().isBlank()) {
              errors.put("parent", "is required: the id of the " + parentLevel.get().label() + " this " + level.get().label() + " belongs to");
            } else {
              parent = store.jurisdiction(h, request.parent());
              if (parent.isEmpty()) {
                errors.put("parent", "jurisdiction '" + clip(request.parent()) + "' does not exist");
              } else if (parent.get().level() != parentLevel.get()) {
                errors.put(
                    "parent",
                    "'" + parent.get().id() + "' is a " + parent.get().level().label() + "; the parent of a "
                        + level.get().label() + " must be a " + parentLevel.get().label());
              }
            }
          }
          if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
          }
          String path = parent.map(p -> p.path() + "/" + id).orElse(id);
          if (path.length() > MAX_PATH) {
            throw InvalidRequestException.of("id", "makes the path " + path.length() + " characters long; at most " + MAX_PATH);
          }
          if (store.jurisdiction(h, id).isPresent()) {
            throw new ConflictException("jurisdiction '" + id + "' exists already");
          }
          Jurisdiction j =
              new Jurisdiction(id, path, level.orElseThrow(), parent.map(Jurisdiction::id), request.name(), now(), actor);
          store.insert(h, j);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("path", path);
          details.put("level", j.level().label());
          details.put("name", j.name());
          return AuditLog.Recorded.of(j, AuditEvent.of(actor, "gov.jurisdiction.create", "jurisdiction/" + id, Json.write(details)));
        });
  }

  /**
   * The example tree shipped with citybrain, below the nation {@code CN} that every database
   * starts with: three provinces, each with the city of a bundled traffic scenario and two of its
   * districts (GB/T 2260 codes). Creates those missing; running it twice changes nothing.
   *
   * @return the jurisdictions created now, parents first
   */
  public List<Jurisdiction> seedExample(String actor) {
    List<Jurisdiction> created = new ArrayList<>();
    JurisdictionTree tree = tree();
    for (NewJurisdiction j : EXAMPLE_TREE) {
      if (tree.find(j.id()).isEmpty()) {
        created.add(createJurisdiction(actor, j));
      }
    }
    return created;
  }

  /** The example tree of {@link #seedExample}, parents first. */
  public static final List<NewJurisdiction> EXAMPLE_TREE =
      List.of(
          new NewJurisdiction("36", "province", "CN", "Jiangxi"),
          new NewJurisdiction("3601", "city", "36", "Nanchang"),
          new NewJurisdiction("360102", "district", "3601", "Donghu"),
          new NewJurisdiction("360103", "district", "3601", "Xihu (Nanchang)"),
          new NewJurisdiction("33", "province", "CN", "Zhejiang"),
          new NewJurisdiction("3301", "city", "33", "Hangzhou"),
          new NewJurisdiction("330105", "district", "3301", "Gongshu"),
          new NewJurisdiction("330106", "district", "3301", "Xihu (Hangzhou)"),
          new NewJurisdiction("37", "province", "CN", "Shandong"),
          new NewJurisdiction("3701", "city", "37", "Jinan"),
          new NewJurisdiction("370102", "district", "3701", "Lixia"),
          new NewJurisdiction("370103", "district", "3701", "Shizhong"));

  // ------------------------------------------------------------------ organisations

  /** Every organisation, by id. */
  public List<Organisation> organisations() {
    return store.organisations();
  }

  /**
   * The organisation with {@code id}.
   *
   * @throws NotFoundException when there is none
   */
  public Organisation organisation(String id) {
    return store.jdbi().withHandle(h -> store.organisation(h, id)).orElseThrow(() -> new NotFoundException("organisation", id));
  }

  /**
   * Registers an organisation.
   *
   * @throws InvalidRequestException naming each invalid field: {@code id}, {@code name}, {@code
   *     registrationCode}, {@code roles}, {@code contact}, {@code securityResponsible}, {@code
   *     homeJurisdiction} (missing or unknown)
   * @throws ConflictException when the id or the registration code is taken
   */
  public Organisation createOrganisation(String actor, NewOrganisation request) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          String id = request.id();
          if (id == null || id.isBlank()) {
            errors.put("id", "is required: 1 to 64 lower-case letters, digits or '-'");
          } else if (!ORGANISATION_ID.matcher(id).matches()) {
            errors.put("id", "is '" + clip(id) + "'; expected 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
          }
          requireText(errors, "name", request.name(), 200);
          requireText(errors, "registrationCode", request.registrationCode(), 64);
          Set<OrganisationRole> roles = EnumSet.noneOf(OrganisationRole.class);
          if (request.roles() == null || request.roles().isEmpty()) {
            errors.put("roles", "is required: one or more of " + OrganisationRole.labels());
          } else {
            for (String r : request.roles()) {
              Optional<OrganisationRole> role = r == null ? Optional.empty() : OrganisationRole.parse(r);
              if (role.isEmpty()) {
                errors.put("roles", "contains '" + clip(String.valueOf(r)) + "'; expected one or more of " + OrganisationRole.labels());
                break;
              }
              roles.add(role.get());
            }
          }
          requireText(errors, "contact", request.contact(), 500);
          requireText(errors, "securityResponsible", request.securityResponsible(), 200);
          if (request.homeJurisdiction() == null || request.homeJurisdiction().isBlank()) {
            errors.put("homeJurisdiction", "is required: the id of the jurisdiction the organisation belongs to");
          } else if (store.jurisdiction(h, request.homeJurisdiction()).isEmpty()) {
            errors.put("homeJurisdiction", "jurisdiction '" + clip(request.homeJurisdiction()) + "' does not exist");
          }
          if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
          }
          if (store.organisation(h, id).isPresent()) {
            throw new ConflictException("organisation '" + id + "' exists already");
          }
          if (store.registrationCodeTaken(h, request.registrationCode())) {
            throw new ConflictException("registration code '" + request.registrationCode() + "' belongs to another organisation");
          }
          Organisation o =
              new Organisation(
                  id,
                  request.name(),
                  request.registrationCode(),
                  roles,
                  request.contact(),
                  request.securityResponsible(),
                  request.homeJurisdiction(),
                  now(),
                  actor);
          store.insert(h, o);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("name", o.name());
          details.put("roles", GovStore.rolesText(o.roles()));
          details.put("homeJurisdiction", o.homeJurisdictionId());
          return AuditLog.Recorded.of(o, AuditEvent.of(actor, "gov.organisation.create", "organisation/" + id, Json.write(details)));
        });
  }

  // ------------------------------------------------------------------ helpers

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  static void requireText(Map<String, String> errors, String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      errors.put(field, "is required: 1 to " + maxLength + " characters");
    } else if (value.length() > maxLength) {
      errors.put(field, "is " + value.length() + " characters long; at most " + maxLength);
    }
  }

  /** A value quoted in a message, cut to 60 characters. */
  public static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}

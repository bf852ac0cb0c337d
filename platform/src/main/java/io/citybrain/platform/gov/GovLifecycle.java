package io.citybrain.platform.gov;

import io.citybrain.commons.algorithm.AlgorithmArtifact;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.json.CanonicalJson;
import io.citybrain.platform.ConflictException;
import io.citybrain.platform.ForbiddenException;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.Database;
import io.citybrain.platform.storage.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The registry and lifecycle of algorithms (SPEC sections 1 and 5): algorithms bound to the one
 * algorithm registry, datasets, versions with their artifact digests, filings with filing numbers
 * and complete-filing checks, change filings and cancellations, approvals for a jurisdiction with
 * expiry, deployments in shadow, advisory or actuating mode, action records, and the regulator's
 * lists: deployments without a valid approval ({@link #orphans}) and lifecycle deadlines passed
 * ({@link #overdue}).
 *
 * <p>Every state change is checked, stored and appended to the audit log in one transaction. Errors:
 * {@link InvalidRequestException} names each invalid field (a missing filing field also names the
 * rule asking for it); {@link ForbiddenException} when the request is well-formed but not allowed
 * (an approval outside the regulator's subtree, a deployment on an expired, suspended or revoked
 * approval, a digest that is not the approved one); {@link ConflictException} for a state that
 * does not allow the transition; {@link NotFoundException} for unknown ids in lookups.
 */
public final class GovLifecycle {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final RegistryStore store;
  private final GovStore gov;
  private final AuditLog audit;
  private final Clock clock;
  private final AlgorithmRegistry registry;

  GovLifecycle(Database database, GovStore gov, AuditLog audit, Clock clock, AlgorithmRegistry registry) {
    this.store = new RegistryStore(database);
    this.gov = gov;
    this.audit = audit;
    this.clock = clock;
    this.registry = registry;
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  private <T> T read(Function<Handle, T> f) {
    return store.jdbi().withHandle(f::apply);
  }

  private static AuditEvent event(String actor, String action, String target, Map<String, ?> details) {
    return AuditEvent.of(actor, action, target, Json.write(details));
  }

  private static Map<String, Object> details(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  // ------------------------------------------------------------------ algorithms

  /** Every algorithm, by id. */
  public List<Algorithm> algorithms() {
    return read(store::algorithms);
  }

  /** The algorithm {@code id}; {@link NotFoundException} when unknown. */
  public Algorithm algorithm(String id) {
    return read(h -> store.algorithm(h, id)).orElseThrow(() -> new NotFoundException("algorithm", id));
  }

  /**
   * Registers an algorithm. Descriptive fields may be left out while it is a draft; a filing asks
   * for them.
   *
   * @throws InvalidRequestException {@code id}, {@code registryName} (unknown in the algorithm
   *     registry), {@code algorithmType}, {@code provider} / {@code technicalSupplier} (unknown or
   *     without that role), over-long texts
   * @throws ConflictException when the id is taken
   */
  public Algorithm createAlgorithm(String actor, NewAlgorithm r) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          slug(errors, "id", r.id());
          Optional<AlgorithmProvider> provider = Optional.empty();
          if (r.registryName() == null || r.registryName().isBlank()) {
            errors.put("registryName", "is required: the algorithm's name in 'citybrain algorithms list'");
          } else {
            provider = registry.find(r.registryName());
            if (provider.isEmpty()) {
              errors.put(
                  "registryName",
                  "'" + GovRegistry.clip(r.registryName()) + "' is not in the algorithm registry; known: "
                      + String.join(", ", registry.all().stream().map(AlgorithmProvider::name).toList()));
            }
          }
          describedFields(errors, r);
          organisationWithRole(h, errors, "provider", r.provider(), OrganisationRole.PROVIDER, true);
          organisationWithRole(h, errors, "technicalSupplier", r.technicalSupplier(), OrganisationRole.TECHNICAL_SUPPLIER, false);
          throwIfAny(errors);
          if (store.algorithm(h, r.id()).isPresent()) {
            throw new ConflictException("algorithm '" + r.id() + "' exists already");
          }
          Instant now = now();
          Algorithm a =
              new Algorithm(
                  r.id(), provider.get().name(), provider.get().domain().id(), r.tradeName(), r.algorithmType(),
                  r.intendedPurpose(), r.outOfScopeUses(), r.publicSummary(), r.highRiskBasis(), r.provider(),
                  Optional.ofNullable(r.technicalSupplier()), now, actor, now);
          store.insert(h, a);
          return AuditLog.Recorded.of(
              a,
              event(actor, "gov.algorithm.create", "algorithm/" + a.id(),
                  details("registryName", a.registryName(), "domain", a.domain(), "provider", a.providerId())));
        });
  }

  /**
   * Changes an algorithm's described fields (null fields stay). Changing filed information starts
   * the 10-working-day deadline of a change filing for every filing in force ({@link #overdue}).
   *
   * @throws InvalidRequestException for invalid values, or when nothing would change
   */
  public Algorithm updateAlgorithm(String actor, String id, NewAlgorithm changes) {
    return audit.record(
        h -> {
          Algorithm a = store.algorithm(h, id).orElseThrow(() -> new NotFoundException("algorithm", id));
          Map<String, String> errors = new LinkedHashMap<>();
          if (changes.registryName() != null && !changes.registryName().equals(a.registryName())) {
            errors.put("registryName", "cannot change; register a new algorithm for another registry entry");
          }
          if (changes.provider() != null && !changes.provider().equals(a.providerId())) {
            errors.put("provider", "cannot change; register a new algorithm for another provider");
          }
          describedFields(errors, changes);
          organisationWithRole(h, errors, "technicalSupplier", changes.technicalSupplier(), OrganisationRole.TECHNICAL_SUPPLIER, false);
          throwIfAny(errors);
          List<String> changed = new ArrayList<>();
          Algorithm u =
              new Algorithm(
                  a.id(), a.registryName(), a.domain(),
                  pick(changed, "tradeName", a.tradeName(), changes.tradeName()),
                  pick(changed, "algorithmType", a.algorithmType(), changes.algorithmType()),
                  pick(changed, "intendedPurpose", a.intendedPurpose(), changes.intendedPurpose()),
                  pick(changed, "outOfScopeUses", a.outOfScopeUses(), changes.outOfScopeUses()),
                  pick(changed, "publicSummary", a.publicSummary(), changes.publicSummary()),
                  pick(changed, "highRiskBasis", a.highRiskBasis(), changes.highRiskBasis()),
                  a.providerId(),
                  Optional.ofNullable(pick(changed, "technicalSupplier", a.technicalSupplierId().orElse(null), changes.technicalSupplier())),
                  a.createdAt(), a.createdBy(), now());
          if (changed.isEmpty()) {
            throw InvalidRequestException.of("changes", "none of the given values differs from the stored ones");
          }
          store.update(h, u);
          store.insertChange(h, id, u.updatedAt(), String.join(",", changed), actor);
          return AuditLog.Recorded.of(u, event(actor, "gov.algorithm.change", "algorithm/" + id, details("fields", changed)));
        });
  }

  private static String pick(List<String> changed, String field, String old, String given) {
    if (given == null || given.equals(old)) {
      return old;
    }
    changed.add(field);
    return given;
  }

  private static void describedFields(Map<String, String> errors, NewAlgorithm r) {
    optionalText(errors, "tradeName", r.tradeName(), 200);
    if (r.algorithmType() != null && Labelled.parse(AlgorithmType.class, r.algorithmType()).isEmpty()) {
      errors.put(
          "algorithmType",
          "is '" + GovRegistry.clip(r.algorithmType()) + "'; expected one of " + Labelled.labels(AlgorithmType.class)
              + " (CAC provisions art. 2; signal control and dispatch are scheduling-decision)");
    }
    optionalText(errors, "intendedPurpose", r.intendedPurpose(), 2000);
    optionalText(errors, "outOfScopeUses", r.outOfScopeUses(), 2000);
    optionalText(errors, "publicSummary", r.publicSummary(), 4000);
    optionalText(errors, "highRiskBasis", r.highRiskBasis(), 500);
  }

  // ------------------------------------------------------------------ datasets

  /** Every dataset, by id. */
  public List<Dataset> datasets() {
    return read(store::datasets);
  }

  /**
   * Registers a dataset. A dataset with personal data is refused (SPEC section 4).
   *
   * @throws InvalidRequestException {@code id}, {@code name}, {@code source}, {@code datasheet},
   *     {@code personalData} (missing or true), {@code kMin}, {@code epsilon}, {@code retentionDays}
   */
  public Dataset createDataset(String actor, NewDataset r) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          slug(errors, "id", r.id());
          GovRegistry.requireText(errors, "name", r.name(), 200);
          GovRegistry.requireText(errors, "source", r.source(), 500);
          GovRegistry.requireText(errors, "datasheet", r.datasheet(), 4000);
          if (r.personalData() == null) {
            errors.put("personalData", "is required: declare false (citybrain keeps no personal data)");
          } else if (r.personalData()) {
            errors.put(
                "personalData",
                "is true; citybrain refuses datasets with personal data (plates, MACs, IMSIs, faces, phones, names, ID numbers,"
                    + " vehicle tracks): aggregate them first (SPEC section 4)");
          }
          if (r.kMin() == null || r.kMin() < 1) {
            errors.put("kMin", "is " + r.kMin() + "; expected an integer of at least 1 (contributors per published cell)");
          }
          if (r.epsilon() != null && !(r.epsilon() > 0 && Double.isFinite(r.epsilon()))) {
            errors.put("epsilon", "is " + r.epsilon() + "; expected a number greater than 0, or no value when no noise was added");
          }
          if (r.retentionDays() == null || r.retentionDays() < 1 || r.retentionDays() > 36500) {
            errors.put("retentionDays", "is " + r.retentionDays() + "; expected an integer in [1, 36500] days");
          }
          throwIfAny(errors);
          if (store.dataset(h, r.id()).isPresent()) {
            throw new ConflictException("dataset '" + r.id() + "' exists already");
          }
          Dataset d =
              new Dataset(r.id(), r.name(), r.source(), r.datasheet(), false, r.kMin(), Optional.ofNullable(r.epsilon()),
                  r.retentionDays(), now(), actor);
          store.insert(h, d);
          return AuditLog.Recorded.of(d, event(actor, "gov.dataset.create", "dataset/" + d.id(), details("name", d.name(), "kMin", d.kMin())));
        });
  }

  // ------------------------------------------------------------------ versions

  /** Every version, oldest first. */
  public List<AlgorithmVersion> versions() {
    return read(store::versions);
  }

  /** The version {@code id}; {@link NotFoundException} when unknown. */
  public AlgorithmVersion version(long id) {
    return read(h -> store.version(h, id)).orElseThrow(() -> new NotFoundException("version", String.valueOf(id)));
  }

  /**
   * Registers a version of an algorithm with the given parameter values; its version string and
   * artifact digest come from the algorithm registry (the provider's code classes and these
   * values), never from the request.
   *
   * @throws InvalidRequestException {@code algorithmId}, {@code parameters} (unknown names, values
   *     out of range, with the range and unit), {@code datasets} (unknown ids), over-long texts
   * @throws ConflictException when the same algorithm already has a version with this digest
   */
  public AlgorithmVersion createVersion(String actor, NewVersion r) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          Optional<Algorithm> a = Optional.empty();
          if (r.algorithmId() == null || r.algorithmId().isBlank()) {
            errors.put("algorithmId", "is required: the id of a registered algorithm");
          } else {
            a = store.algorithm(h, r.algorithmId());
            if (a.isEmpty()) {
              errors.put("algorithmId", "algorithm '" + GovRegistry.clip(r.algorithmId()) + "' does not exist");
            }
          }
          AlgorithmArtifact artifact = null;
          if (a.isPresent()) {
            AlgorithmProvider p = registry.require(a.get().registryName());
            try {
              ParameterValues values =
                  ParameterValues.resolve(p.domain().noun(), p.name(), p.parameters(), r.parameters() == null ? Map.of() : r.parameters());
              artifact = p.artifact(values);
            } catch (IllegalArgumentException e) {
              errors.put("parameters", e.getMessage());
            }
          }
          List<String> datasets = r.datasets() == null ? List.of() : r.datasets().stream().distinct().sorted().toList();
          for (String d : datasets) {
            if (d == null || store.dataset(h, d).isEmpty()) {
              errors.put("datasets", "dataset '" + d + "' does not exist");
              break;
            }
          }
          optionalText(errors, "modelCard", r.modelCard(), 4000);
          optionalText(errors, "selfAssessment", r.selfAssessment(), 4000);
          optionalText(errors, "oversight", r.oversight(), 2000);
          throwIfAny(errors);
          Optional<AlgorithmVersion> same = store.versionByDigest(h, a.get().id(), artifact.digest());
          if (same.isPresent()) {
            throw new ConflictException(
                "algorithm '" + a.get().id() + "' has version " + same.get().id() + " with this digest already (" + artifact.shortDigest() + ")");
          }
          AlgorithmVersion v =
              new AlgorithmVersion(0, a.get().id(), artifact.version(), artifact.digest(), artifact.codeDigest(),
                  artifact.parameters(), r.modelCard(), r.selfAssessment(), r.oversight(), datasets, now(), actor);
          long id = store.insert(h, v);
          AlgorithmVersion stored = store.version(h, id).orElseThrow();
          return new AuditLog.Recorded<>(
              stored,
              List.of(
                  new AuditEvent(actor, "gov.version.create", "version/" + id, Optional.of(a.get().registryName()),
                      Optional.of(artifact.version()), Json.write(details("algorithm", a.get().id(), "digest", artifact.digest())))));
        });
  }

  /** The status of version {@code id} at {@code at} (see {@link VersionStatus} for the precedence). */
  public VersionStatus versionStatus(long id, Instant at) {
    return read(
        h -> {
          store.version(h, id).orElseThrow(() -> new NotFoundException("version", String.valueOf(id)));
          List<Filing> all = store.filings(h);
          List<Filing> own = all.stream().filter(f -> f.versionId() == id).toList();
          if (own.isEmpty()) {
            return VersionStatus.DRAFT;
          }
          List<Approval> approvals = store.approvals(h);
          boolean approved = false;
          boolean suspended = false;
          boolean rejected = false;
          for (Approval a : approvals) {
            Filing f = all.stream().filter(x -> x.id() == a.filingId()).findFirst().orElseThrow();
            if (f.versionId() != id || !inForce(f, all)) {
              continue;
            }
            approved |= a.validAt(at);
            suspended |= a.status() == ApprovalStatus.SUSPENDED;
            rejected |= a.status() == ApprovalStatus.REJECTED || a.status() == ApprovalStatus.REVOKED;
          }
          if (approved) {
            return VersionStatus.APPROVED;
          }
          if (suspended) {
            return VersionStatus.SUSPENDED;
          }
          if (rejected) {
            return VersionStatus.REJECTED;
          }
          if (own.stream().anyMatch(f -> f.status() == FilingStatus.ACTIVE)) {
            return VersionStatus.SUBMITTED;
          }
          return own.stream().anyMatch(f -> f.status() == FilingStatus.CANCELLED) ? VersionStatus.WITHDRAWN : VersionStatus.SUBMITTED;
        });
  }

  // ------------------------------------------------------------------ filings

  /** Every filing, oldest first (changed and cancelled ones included). */
  public List<Filing> filings() {
    return read(store::filings);
  }

  /** The filing {@code id}; {@link NotFoundException} when unknown. */
  public Filing filing(long id) {
    return read(h -> store.filing(h, id)).orElseThrow(() -> new NotFoundException("filing", String.valueOf(id)));
  }

  /** The filing numbered {@code number}; {@link NotFoundException} when unknown. */
  public Filing filingByNumber(String number) {
    return read(h -> store.filingByNumber(h, number)).orElseThrow(() -> new NotFoundException("filing", number));
  }

  /**
   * Files a version and issues its filing number ({@code CBF-<year>-<6 digits>}, numbered per
   * calendar year in UTC). The filing must be complete: every missing field is named with the rule
   * that asks for it ({@link FilingRules}), those of the algorithm and version included.
   *
   * @throws InvalidRequestException naming every missing or invalid field and its rule
   * @throws ConflictException when the version already has a filing in force
   */
  public Filing submitFiling(String actor, NewFiling r) {
    return audit.record(
        h -> {
          Filing f = newFiling(h, actor, r, Optional.empty());
          return AuditLog.Recorded.of(f, filingEvent(actor, "gov.filing.submit", f, h));
        });
  }

  /**
   * A change filing: files {@code r} as the new state of filing {@code filingId}, which becomes
   * {@code changed} and is superseded. The new filing gets a number of its own and names the one it
   * supersedes. Approvals of the old filing keep authorising when the change keeps the version
   * (the same artifact digest); a change to another version needs new approvals.
   *
   * @throws ConflictException when {@code filingId} is not active
   */
  public Filing fileChange(String actor, long filingId, NewFiling r) {
    return audit.record(
        h -> {
          Filing old = store.filing(h, filingId).orElseThrow(() -> new NotFoundException("filing", String.valueOf(filingId)));
          if (old.status() != FilingStatus.ACTIVE) {
            throw new ConflictException("filing " + old.filingNumber() + " is " + old.status().label() + "; only an active filing can be changed");
          }
          AlgorithmVersion oldVersion = store.version(h, old.versionId()).orElseThrow();
          if (r.versionId() != null) {
            store.version(h, r.versionId())
                .filter(v -> !v.algorithmId().equals(oldVersion.algorithmId()))
                .ifPresent(v -> {
                  throw InvalidRequestException.of(
                      "versionId", "version " + v.id() + " is of algorithm '" + v.algorithmId() + "'; a change filing keeps the algorithm '"
                          + oldVersion.algorithmId() + "' (file the other algorithm separately)");
                });
          }
          Instant now = now();
          store.markChanged(h, old.id(), now);
          Filing f = newFiling(h, actor, r, Optional.of(old));
          AuditEvent e =
              event(actor, "gov.filing.change", "filing/" + f.filingNumber(),
                  details("supersedes", old.filingNumber(), "version", f.versionId(), "jurisdictions", f.jurisdictionIds()));
          return AuditLog.Recorded.of(f, e);
        });
  }

  private Filing newFiling(Handle h, String actor, NewFiling r, Optional<Filing> supersedes) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<AlgorithmVersion> v = Optional.empty();
    if (r.versionId() == null) {
      errors.put("versionId", "is required: the id of the version filed");
    } else {
      v = store.version(h, r.versionId());
      if (v.isEmpty()) {
        errors.put("versionId", "version " + r.versionId() + " does not exist");
      }
    }
    Optional<Organisation> filer = Optional.empty();
    if (r.filer() == null || r.filer().isBlank()) {
      errors.put("filer", FilingRules.missing("filer"));
    } else {
      filer = gov.organisation(h, r.filer());
      if (filer.isEmpty()) {
        errors.put("filer", "organisation '" + GovRegistry.clip(r.filer()) + "' does not exist");
      }
    }
    Optional<OrganisationRole> role = Optional.empty();
    if (r.filerRole() == null || r.filerRole().isBlank()) {
      errors.put("filerRole", FilingRules.missing("filerRole"));
    } else {
      role = OrganisationRole.parse(r.filerRole()).filter(x -> x != OrganisationRole.REGULATOR);
      if (role.isEmpty()) {
        errors.put("filerRole", "is '" + GovRegistry.clip(r.filerRole()) + "'; expected provider, technical-supplier or deployer");
      } else if (filer.isPresent() && !filer.get().has(role.get())) {
        errors.put("filerRole", "organisation '" + filer.get().id() + "' does not have the role " + role.get().label());
      }
    }
    filingText(errors, "product", r.product(), 200);
    filingText(errors, "mainUse", r.mainUse(), 2000);
    filingText(errors, "disclosureText", r.disclosureText(), 4000);
    optionalText(errors, "remarks", r.remarks(), 500);
    List<String> js = r.jurisdictions() == null ? List.of() : r.jurisdictions().stream().distinct().sorted().toList();
    if (js.isEmpty()) {
      errors.put("jurisdictions", FilingRules.missing("jurisdictions"));
    }
    for (String j : js) {
      if (j == null || gov.jurisdiction(h, j).isEmpty()) {
        errors.put("jurisdictions", "jurisdiction '" + j + "' does not exist");
        break;
      }
    }
    if (v.isPresent()) {
      Algorithm a = store.algorithm(h, v.get().algorithmId()).orElseThrow();
      errors.putAll(FilingRules.missingOf(a, v.get()));
    }
    throwIfAny(errors);
    long versionId = v.get().id();
    boolean inForce =
        store.filings(h).stream()
            .anyMatch(f -> f.versionId() == versionId && f.status() == FilingStatus.ACTIVE);
    if (inForce) {
      throw new ConflictException("version " + versionId + " has a filing in force; file a change to it instead");
    }
    Instant now = now();
    int year = now.atZone(ZoneOffset.UTC).getYear();
    String number = String.format("CBF-%d-%06d", year, store.filingsInYear(h, year) + 1);
    Filing f =
        new Filing(0, number, versionId, r.filer(), role.get().label(), r.product(), r.mainUse(), r.disclosureText(), r.remarks(),
            FilingStatus.ACTIVE, now, Optional.empty(), Optional.empty(), null, supersedes.map(Filing::id), js, actor);
    long id = store.insert(h, f);
    return store.filing(h, id).orElseThrow();
  }

  private AuditEvent filingEvent(String actor, String action, Filing f, Handle h) {
    AlgorithmVersion v = store.version(h, f.versionId()).orElseThrow();
    Algorithm a = store.algorithm(h, v.algorithmId()).orElseThrow();
    return new AuditEvent(
        actor, action, "filing/" + f.filingNumber(), Optional.of(a.registryName()), Optional.of(v.version()),
        Json.write(details("version", v.id(), "digest", v.artifactSha256(), "filer", f.filerId(), "jurisdictions", f.jurisdictionIds())));
  }

  /**
   * Cancels an active filing (the service stopped, or the provider withdraws it). Its approvals stop
   * authorising at once.
   *
   * @throws InvalidRequestException when {@code reason} is missing
   * @throws ConflictException when the filing is not active
   */
  public Filing cancelFiling(String actor, long filingId, String reason) {
    return audit.record(
        h -> {
          Filing f = store.filing(h, filingId).orElseThrow(() -> new NotFoundException("filing", String.valueOf(filingId)));
          Map<String, String> errors = new LinkedHashMap<>();
          GovRegistry.requireText(errors, "reason", reason, 500);
          throwIfAny(errors);
          if (f.status() != FilingStatus.ACTIVE) {
            throw new ConflictException("filing " + f.filingNumber() + " is " + f.status().label() + "; only an active filing can be cancelled");
          }
          store.markCancelled(h, f.id(), now(), reason);
          Filing c = store.filing(h, f.id()).orElseThrow();
          return AuditLog.Recorded.of(c, event(actor, "gov.filing.cancel", "filing/" + c.filingNumber(), details("reason", reason)));
        });
  }

  /**
   * Whether filing {@code f} is in force for its version: active, or changed into a chain of change
   * filings of the same version whose last one is active.
   */
  static boolean inForce(Filing f, List<Filing> all) {
    Filing cur = f;
    while (cur.status() == FilingStatus.CHANGED) {
      long curId = cur.id();
      Optional<Filing> next = all.stream().filter(x -> x.supersedesId().filter(s -> s == curId).isPresent()).findFirst();
      if (next.isEmpty() || next.get().versionId() != f.versionId()) {
        return false;
      }
      cur = next.get();
    }
    return cur.status() == FilingStatus.ACTIVE;
  }

  // ------------------------------------------------------------------ approvals

  /** Every approval decision, oldest first. */
  public List<Approval> approvals() {
    return read(store::approvals);
  }

  /** The approval {@code id}; {@link NotFoundException} when unknown. */
  public Approval approval(long id) {
    return read(h -> store.approval(h, id)).orElseThrow(() -> new NotFoundException("approval", String.valueOf(id)));
  }

  /**
   * Records a regulator's decision (approve or reject) on an active filing for one jurisdiction.
   *
   * @throws InvalidRequestException {@code filingId}, {@code jurisdiction} (unknown, or not covered
   *     by the filing), {@code regulator}, {@code decision}, {@code reason}, {@code maxMode}, {@code
   *     validUntil} (missing for an approval, not after {@code validFrom}, or already past)
   * @throws ForbiddenException {@code regulator} without the regulator role, or {@code jurisdiction}
   *     outside the regulator's home subtree
   * @throws ConflictException when the filing is not active
   */
  public Approval decide(String actor, NewApproval r) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          Instant now = now();
          Optional<Filing> filing = Optional.empty();
          if (r.filingId() == null) {
            errors.put("filingId", "is required: the filing decided on");
          } else {
            filing = store.filing(h, r.filingId());
            if (filing.isEmpty()) {
              errors.put("filingId", "filing " + r.filingId() + " does not exist");
            }
          }
          JurisdictionTree tree = new JurisdictionTree(gov.jurisdictions(h));
          Optional<Jurisdiction> j = requireJurisdiction(errors, "jurisdiction", r.jurisdiction(), tree);
          Optional<Organisation> regulator = requireOrganisation(h, errors, "regulator", r.regulator());
          boolean approve = "approve".equals(r.decision());
          if (!approve && !"reject".equals(r.decision())) {
            errors.put("decision", "is " + (r.decision() == null ? "missing" : "'" + GovRegistry.clip(r.decision()) + "'") + "; expected approve or reject");
          }
          GovRegistry.requireText(errors, "reason", r.reason(), 1000);
          DeploymentMode maxMode = DeploymentMode.ACTUATING;
          if (r.maxMode() != null) {
            Optional<DeploymentMode> m = Labelled.parse(DeploymentMode.class, r.maxMode());
            if (m.isEmpty()) {
              errors.put("maxMode", "is '" + GovRegistry.clip(r.maxMode()) + "'; expected one of " + Labelled.labels(DeploymentMode.class));
            } else {
              maxMode = m.get();
            }
          }
          List<String> assets = assets(errors, r.assets());
          Instant from = r.validFrom() == null ? now : r.validFrom();
          if (approve) {
            if (r.validUntil() == null) {
              errors.put("validUntil", "is required for an approval: when it expires (ISO-8601, e.g. 2027-01-01T00:00:00Z)");
            } else if (!r.validUntil().isAfter(from)) {
              errors.put("validUntil", "is " + r.validUntil() + "; expected a time after validFrom " + from);
            } else if (!r.validUntil().isAfter(now)) {
              errors.put("validUntil", "is " + r.validUntil() + ", already past (now " + now + "); an approval must not be expired when given");
            }
          }
          if (filing.isPresent() && j.isPresent()) {
            boolean covered = filing.get().jurisdictionIds().stream().anyMatch(c -> tree.contains(c, j.get().id()));
            if (!covered) {
              errors.put(
                  "jurisdiction",
                  "'" + j.get().id() + "' is not covered by filing " + filing.get().filingNumber() + ", which covers "
                      + String.join(", ", filing.get().jurisdictionIds()));
            }
          }
          throwIfAny(errors);
          checkRegulatorScope(regulator.get(), j.get(), tree);
          if (filing.get().status() != FilingStatus.ACTIVE) {
            throw new ConflictException(
                "filing " + filing.get().filingNumber() + " is " + filing.get().status().label() + "; decisions are made on active filings");
          }
          AlgorithmVersion v = store.version(h, filing.get().versionId()).orElseThrow();
          Instant until = approve ? r.validUntil() : from;
          Map<String, Object> content = new LinkedHashMap<>();
          content.put("filingNumber", filing.get().filingNumber());
          content.put("versionDigest", v.artifactSha256());
          content.put("jurisdiction", j.get().path());
          content.put("regulator", regulator.get().id());
          content.put("decision", approve ? "approve" : "reject");
          content.put("maxMode", maxMode.label());
          content.put("assets", assets);
          content.put("validFrom", from.toString());
          content.put("validUntil", until.toString());
          String sha = CanonicalJson.sha256(content);
          Approval a =
              new Approval(0, filing.get().id(), j.get().id(), regulator.get().id(), approve ? ApprovalStatus.ACTIVE : ApprovalStatus.REJECTED,
                  r.reason(), maxMode, assets, from, until, now, actor, now, null, sha);
          long id = store.insert(h, a);
          Approval stored = store.approval(h, id).orElseThrow();
          content.put("approvalSha256", sha);
          return AuditLog.Recorded.of(
              stored, event(actor, approve ? "gov.approval.approve" : "gov.approval.reject", "approval/" + id, content));
        });
  }

  /** Suspends an active approval: it stops authorising until reinstated. */
  public Approval suspend(String actor, long approvalId, String regulator, String reason) {
    return changeApproval(actor, approvalId, regulator, reason, ApprovalStatus.SUSPENDED, List.of(ApprovalStatus.ACTIVE), "gov.approval.suspend");
  }

  /** Reinstates a suspended approval (it authorises again while unexpired). */
  public Approval reinstate(String actor, long approvalId, String regulator, String reason) {
    return changeApproval(actor, approvalId, regulator, reason, ApprovalStatus.ACTIVE, List.of(ApprovalStatus.SUSPENDED), "gov.approval.reinstate");
  }

  /** Revokes an active or suspended approval for good. */
  public Approval revoke(String actor, long approvalId, String regulator, String reason) {
    return changeApproval(
        actor, approvalId, regulator, reason, ApprovalStatus.REVOKED, List.of(ApprovalStatus.ACTIVE, ApprovalStatus.SUSPENDED), "gov.approval.revoke");
  }

  private Approval changeApproval(
      String actor, long approvalId, String regulatorId, String reason, ApprovalStatus to, List<ApprovalStatus> from, String action) {
    return audit.record(
        h -> {
          Approval a = store.approval(h, approvalId).orElseThrow(() -> new NotFoundException("approval", String.valueOf(approvalId)));
          Map<String, String> errors = new LinkedHashMap<>();
          Optional<Organisation> regulator = requireOrganisation(h, errors, "regulator", regulatorId);
          GovRegistry.requireText(errors, "reason", reason, 1000);
          throwIfAny(errors);
          JurisdictionTree tree = new JurisdictionTree(gov.jurisdictions(h));
          checkRegulatorScope(regulator.get(), tree.find(a.jurisdictionId()).orElseThrow(), tree);
          if (!from.contains(a.status())) {
            throw new ConflictException("approval " + approvalId + " is " + a.status().label() + "; cannot become " + to.label());
          }
          store.setStatus(h, approvalId, to, now(), reason);
          Approval c = store.approval(h, approvalId).orElseThrow();
          return AuditLog.Recorded.of(
              c, event(actor, action, "approval/" + approvalId, details("regulator", regulator.get().id(), "reason", reason)));
        });
  }

  private static void checkRegulatorScope(Organisation regulator, Jurisdiction j, JurisdictionTree tree) {
    if (!regulator.has(OrganisationRole.REGULATOR)) {
      throw new ForbiddenException("regulator", "organisation '" + regulator.id() + "' is not a regulator");
    }
    if (!tree.contains(regulator.homeJurisdictionId(), j.id())) {
      throw new ForbiddenException(
          "jurisdiction",
          "'" + j.id() + "' (" + j.path() + ") is outside the subtree of regulator '" + regulator.id() + "' (home "
              + tree.find(regulator.homeJurisdictionId()).map(Jurisdiction::path).orElse(regulator.homeJurisdictionId())
              + "); a regulator decides only within its own jurisdiction");
    }
  }

  // ------------------------------------------------------------------ deployments

  /** Every deployment, oldest first. */
  public List<Deployment> deployments() {
    return read(store::deployments);
  }

  /** The deployment {@code id}; {@link NotFoundException} when unknown. */
  public Deployment deployment(long id) {
    return read(h -> store.deployment(h, id)).orElseThrow(() -> new NotFoundException("deployment", String.valueOf(id)));
  }

  /**
   * Puts a version in service on a jurisdiction's assets. Shadow mode needs no approval; advisory
   * and actuating need a valid approval of a filing in force for this version, whose jurisdiction
   * contains the deployment's, whose mode allows this one and whose assets cover these.
   *
   * @throws InvalidRequestException {@code versionId}, {@code deployer}, {@code jurisdiction},
   *     {@code mode}, {@code approvalId} (missing or unknown), {@code assets}
   * @throws ForbiddenException when the approval does not allow it (field and reason named), or
   *     the jurisdiction is outside the deployer's home subtree
   */
  public Deployment deploy(String actor, NewDeployment r) {
    return audit.record(
        h -> {
          Map<String, String> errors = new LinkedHashMap<>();
          Optional<AlgorithmVersion> v = Optional.empty();
          if (r.versionId() == null) {
            errors.put("versionId", "is required: the version to run");
          } else {
            v = store.version(h, r.versionId());
            if (v.isEmpty()) {
              errors.put("versionId", "version " + r.versionId() + " does not exist");
            }
          }
          Optional<Organisation> deployer = requireOrganisation(h, errors, "deployer", r.deployer());
          if (deployer.isPresent() && !deployer.get().has(OrganisationRole.DEPLOYER)) {
            errors.put("deployer", "organisation '" + deployer.get().id() + "' does not have the role deployer");
          }
          JurisdictionTree tree = new JurisdictionTree(gov.jurisdictions(h));
          Optional<Jurisdiction> j = requireJurisdiction(errors, "jurisdiction", r.jurisdiction(), tree);
          Optional<DeploymentMode> mode = Optional.empty();
          if (r.mode() == null) {
            errors.put("mode", "is required: one of " + Labelled.labels(DeploymentMode.class));
          } else {
            mode = Labelled.parse(DeploymentMode.class, r.mode());
            if (mode.isEmpty()) {
              errors.put("mode", "is '" + GovRegistry.clip(r.mode()) + "'; expected one of " + Labelled.labels(DeploymentMode.class));
            }
          }
          List<String> assets = assets(errors, r.assets());
          if (r.approvalId() != null && store.approval(h, r.approvalId()).isEmpty()) {
            errors.put("approvalId", "approval " + r.approvalId() + " does not exist");
          } else if (r.approvalId() == null && mode.isPresent() && mode.get() != DeploymentMode.SHADOW) {
            errors.put("approvalId", "is required for " + mode.get().label() + " mode: the approval this deployment relies on (shadow mode needs none)");
          }
          throwIfAny(errors);
          if (!tree.contains(deployer.get().homeJurisdictionId(), j.get().id())) {
            throw new ForbiddenException(
                "jurisdiction", "'" + j.get().id() + "' is outside the home subtree of deployer '" + deployer.get().id() + "' ("
                    + deployer.get().homeJurisdictionId() + ")");
          }
          Instant now = now();
          Deployment d =
              new Deployment(0, v.get().id(), Optional.ofNullable(r.approvalId()), deployer.get().id(), j.get().id(), assets, mode.get(),
                  DeploymentStatus.IN_SERVICE, now, Optional.empty(), null, actor);
          if (d.mode() != DeploymentMode.SHADOW) {
            Authorisation auth = authorise(h, d, now, tree);
            if (!auth.allowed()) {
              throw new ForbiddenException(auth.field(), auth.reason());
            }
          }
          long id = store.insert(h, d);
          Deployment stored = store.deployment(h, id).orElseThrow();
          Algorithm a = store.algorithm(h, v.get().algorithmId()).orElseThrow();
          return AuditLog.Recorded.of(
              stored,
              new AuditEvent(actor, "gov.deployment.start", "deployment/" + id, Optional.of(a.registryName()), Optional.of(v.get().version()),
                  Json.write(details("version", v.get().id(), "digest", v.get().artifactSha256(), "mode", d.mode().label(),
                      "jurisdiction", j.get().path(), "approval", r.approvalId(), "assets", assets))));
        });
  }

  /** Stops a deployment in service (its deployer's decision). */
  public Deployment stopDeployment(String actor, long id, String reason) {
    return endDeployment(actor, id, reason, DeploymentStatus.STOPPED, "gov.deployment.stop");
  }

  /** Recalls a deployment in service (a regulator's decision). */
  public Deployment recallDeployment(String actor, long id, String reason) {
    return endDeployment(actor, id, reason, DeploymentStatus.RECALLED, "gov.deployment.recall");
  }

  private Deployment endDeployment(String actor, long id, String reason, DeploymentStatus to, String action) {
    return audit.record(
        h -> {
          Deployment d = store.deployment(h, id).orElseThrow(() -> new NotFoundException("deployment", String.valueOf(id)));
          Map<String, String> errors = new LinkedHashMap<>();
          GovRegistry.requireText(errors, "reason", reason, 1000);
          throwIfAny(errors);
          if (d.status() != DeploymentStatus.IN_SERVICE) {
            throw new ConflictException("deployment " + id + " is " + d.status().label() + " already");
          }
          store.stop(h, id, to, now(), reason);
          return AuditLog.Recorded.of(store.deployment(h, id).orElseThrow(), event(actor, action, "deployment/" + id, details("reason", reason)));
        });
  }

  /**
   * Whether deployment {@code id} may act in its mode at {@code at}: in service, and (unless in
   * shadow mode) relying on a valid approval of a filing in force for its version, whose
   * jurisdiction contains the deployment's, whose max mode allows its mode and whose assets cover its
   * own. The gate of runs and the live loop asks this before applying a decision.
   */
  public Authorisation authorisation(long id, Instant at) {
    return read(
        h -> {
          Deployment d = store.deployment(h, id).orElseThrow(() -> new NotFoundException("deployment", String.valueOf(id)));
          if (d.status() != DeploymentStatus.IN_SERVICE) {
            return Authorisation.refused("status", "deployment " + id + " is " + d.status().label());
          }
          if (d.mode() == DeploymentMode.SHADOW) {
            return Authorisation.OK;
          }
          return authorise(h, d, at, new JurisdictionTree(gov.jurisdictions(h)));
        });
  }

  private Authorisation authorise(Handle h, Deployment d, Instant at, JurisdictionTree tree) {
    if (d.approvalId().isEmpty()) {
      return Authorisation.refused("approvalId", "a " + d.mode().label() + " deployment needs an approval");
    }
    Approval a = store.approval(h, d.approvalId().get()).orElseThrow();
    String name = "approval " + a.id();
    if (a.status() != ApprovalStatus.ACTIVE) {
      return Authorisation.refused(
          "approvalId", name + " is " + a.status().label() + (a.statusReason() == null ? "" : " (" + a.statusReason() + ")"));
    }
    if (at.isBefore(a.validFrom())) {
      return Authorisation.refused("approvalId", name + " is valid only from " + a.validFrom());
    }
    if (!at.isBefore(a.validUntil())) {
      return Authorisation.refused("approvalId", name + " expired at " + a.validUntil() + "; the regulator must approve again");
    }
    List<Filing> all = store.filings(h);
    Filing f = all.stream().filter(x -> x.id() == a.filingId()).findFirst().orElseThrow();
    if (f.versionId() != d.versionId()) {
      return Authorisation.refused(
          "approvalId", name + " is for version " + f.versionId() + " (filing " + f.filingNumber() + "), not version " + d.versionId());
    }
    if (!inForce(f, all)) {
      return Authorisation.refused("approvalId", name + " belongs to filing " + f.filingNumber() + ", which is no longer in force (" + f.status().label() + ")");
    }
    if (!tree.contains(a.jurisdictionId(), d.jurisdictionId())) {
      return Authorisation.refused(
          "jurisdiction", "'" + d.jurisdictionId() + "' is outside " + name + "'s jurisdiction '" + a.jurisdictionId() + "'");
    }
    if (d.mode().compareTo(a.maxMode()) > 0) {
      return Authorisation.refused("mode", name + " allows at most " + a.maxMode().label() + ", not " + d.mode().label());
    }
    if (!a.assets().isEmpty()) {
      if (d.assets().isEmpty()) {
        return Authorisation.refused("assets", name + " covers only the assets " + a.assets() + "; name the deployment's assets");
      }
      List<String> outside = d.assets().stream().filter(x -> !a.assets().contains(x)).toList();
      if (!outside.isEmpty()) {
        return Authorisation.refused("assets", outside + " are not covered by " + name + " (covers " + a.assets() + ")");
      }
    }
    return Authorisation.OK;
  }

  // ------------------------------------------------------------------ action records

  /**
   * Records what a deployment decided. The digest must be the deployed version's (check 4), and an
   * applied action needs an actuating deployment authorised at the end of the span (check 3).
   *
   * @throws InvalidRequestException {@code deploymentId}, {@code spanEnd}, {@code inputSha256},
   *     {@code outputJson}, {@code overrideRole}, {@code overrideReason}
   * @throws ForbiddenException {@code versionDigest} not the approved one, or {@code applied} without
   *     authorisation (the refusal is stored in the audit log too)
   */
  public ActionRecord recordAction(String actor, NewAction r) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (r.deploymentId() == null) {
      errors.put("deploymentId", "is required");
    }
    if (r.spanStart() == null || r.spanEnd() == null) {
      errors.put("spanEnd", "spanStart and spanEnd are required (ISO-8601)");
    } else if (r.spanEnd().isBefore(r.spanStart())) {
      errors.put("spanEnd", "is " + r.spanEnd() + ", before spanStart " + r.spanStart());
    }
    if (r.inputSha256() == null || !SHA256.matcher(r.inputSha256()).matches()) {
      errors.put("inputSha256", "expected 64 lower-case hex characters (SHA-256 of the aggregated inputs)");
    }
    if (r.outputJson() == null || r.outputJson().isBlank() || r.outputJson().length() > 100_000) {
      errors.put("outputJson", "expected the decision as JSON text of 1 to 100000 characters");
    }
    if (r.overrideRole() != null && !List.of("operator", "regulator").contains(r.overrideRole())) {
      errors.put("overrideRole", "is '" + GovRegistry.clip(r.overrideRole()) + "'; expected operator or regulator");
    }
    if (r.overrideRole() != null && (r.overrideReason() == null || r.overrideReason().isBlank())) {
      errors.put("overrideReason", "is required with an override: why the person overrode the decision");
    }
    throwIfAny(errors);
    Deployment d = deployment(r.deploymentId());
    AlgorithmVersion v = version(d.versionId());
    Optional<ForbiddenException> refusal = Optional.empty();
    if (r.versionDigest() == null || !r.versionDigest().equals(v.artifactSha256())) {
      refusal =
          Optional.of(
              new ForbiddenException(
                  "versionDigest",
                  "is " + r.versionDigest() + "; deployment " + d.id() + " runs version " + v.id() + " whose approved digest is "
                      + v.artifactSha256()));
    } else if (r.applied()) {
      if (d.mode() != DeploymentMode.ACTUATING) {
        refusal = Optional.of(new ForbiddenException("applied", "deployment " + d.id() + " is " + d.mode().label() + "; only actuating deployments apply decisions"));
      } else {
        Authorisation auth = authorisation(d.id(), r.spanEnd());
        if (!auth.allowed()) {
          refusal = Optional.of(new ForbiddenException("applied", "not authorised: " + auth.reason()));
        }
      }
    }
    if (refusal.isPresent()) {
      audit.append(event(actor, "gov.action.refused", "deployment/" + d.id(), details("reason", refusal.get().getMessage())));
      throw refusal.get();
    }
    return audit.record(
        h -> {
          ActionRecord a =
              new ActionRecord(0, d.id(), r.versionDigest(), r.spanStart(), r.spanEnd(), r.inputSha256(), r.outputJson(), r.applied(),
                  Optional.ofNullable(r.overrideRole()), r.overrideReason(), now());
          long id = store.insert(h, a);
          ActionRecord stored = new ActionRecord(id, a.deploymentId(), a.versionDigest(), a.spanStart(), a.spanEnd(), a.inputSha256(),
              a.outputJson(), a.applied(), a.overrideRole(), a.overrideReason(), a.recordedAt());
          return AuditLog.Recorded.of(
              stored,
              event(actor, "gov.action.record", "deployment/" + d.id(),
                  details("action", id, "digest", r.versionDigest(), "applied", r.applied(), "override", r.overrideRole())));
        });
  }

  /** The action records of a deployment, oldest first, at most {@code limit}. */
  public List<ActionRecord> actions(long deploymentId, int limit) {
    deployment(deploymentId);
    return read(h -> store.actions(h, deploymentId, limit));
  }

  // ------------------------------------------------------------------ the regulator's lists

  /**
   * Deployments in service in advisory or actuating mode that are not authorised at {@code at}
   * (SPEC check 1: a regulator expects this list to be empty). Shadow deployments never act and are
   * not listed.
   */
  public List<Orphan> orphans(Instant at) {
    return read(
        h -> {
          JurisdictionTree tree = new JurisdictionTree(gov.jurisdictions(h));
          List<Orphan> out = new ArrayList<>();
          for (Deployment d : store.deployments(h)) {
            if (d.status() != DeploymentStatus.IN_SERVICE || d.mode() == DeploymentMode.SHADOW) {
              continue;
            }
            Authorisation auth = authorise(h, d, at, tree);
            if (!auth.allowed()) {
              out.add(new Orphan(d, auth.field(), auth.reason()));
            }
          }
          return out;
        });
  }

  /**
   * Filings whose deadline has passed at {@code at} (SPEC check 8): filed information changed
   * without a change filing within {@value WorkingDays#CHANGE_FILING} working days, or the service
   * stopped (every deployment of the version stopped or recalled) without a cancellation within
   * {@value WorkingDays#CANCELLATION}. By filing number, change filings first.
   */
  public List<OverdueItem> overdue(Instant at) {
    return read(
        h -> {
          List<OverdueItem> out = new ArrayList<>();
          List<Deployment> deployments = store.deployments(h);
          for (Filing f : store.filings(h)) {
            if (f.status() != FilingStatus.ACTIVE) {
              continue;
            }
            AlgorithmVersion v = store.version(h, f.versionId()).orElseThrow();
            Optional<Instant> change = store.firstChangeAfter(h, v.algorithmId(), f.filedAt());
            if (change.isPresent() && !at.isBefore(WorkingDays.passesAt(change.get(), WorkingDays.CHANGE_FILING))) {
              out.add(new OverdueItem(f.filingNumber(), "change-filing", change.get(),
                  WorkingDays.deadline(change.get(), WorkingDays.CHANGE_FILING),
                  "algorithm '" + v.algorithmId() + "' changed at " + change.get() + " and no change filing followed"));
            }
            List<Deployment> own = deployments.stream().filter(d -> d.versionId() == f.versionId()).toList();
            boolean stopped = !own.isEmpty() && own.stream().noneMatch(d -> d.status() == DeploymentStatus.IN_SERVICE);
            if (stopped) {
              Instant last = own.stream().map(d -> d.stoppedAt().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow();
              if (!last.isBefore(f.filedAt()) && !at.isBefore(WorkingDays.passesAt(last, WorkingDays.CANCELLATION))) {
                out.add(new OverdueItem(f.filingNumber(), "cancellation", last, WorkingDays.deadline(last, WorkingDays.CANCELLATION),
                    "every deployment of version " + v.id() + " stopped by " + last + " and the filing was not cancelled"));
              }
            }
          }
          out.sort(Comparator.comparing(OverdueItem::kind).thenComparing(OverdueItem::filingNumber));
          return out;
        });
  }

  // ------------------------------------------------------------------ field checks

  private static void throwIfAny(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static void slug(Map<String, String> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.put(field, "is required: 1 to 64 lower-case letters, digits or '-'");
    } else if (!SLUG.matcher(value).matches()) {
      errors.put(field, "is '" + GovRegistry.clip(value) + "'; expected 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
    }
  }

  private static void optionalText(Map<String, String> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.put(field, "is " + value.length() + " characters long; at most " + max);
    }
  }

  private static void filingText(Map<String, String> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.put(field, FilingRules.missing(field));
    } else {
      optionalText(errors, field, value, max);
    }
  }

  private static List<String> assets(Map<String, String> errors, List<String> given) {
    if (given == null) {
      return List.of();
    }
    for (String a : given) {
      if (a == null || a.isBlank() || a.length() > 200) {
        errors.put("assets", "expected asset ids of 1 to 200 characters (intersection or feeder ids)");
        return List.of();
      }
    }
    return given.stream().distinct().sorted().toList();
  }

  private void organisationWithRole(
      Handle h, Map<String, String> errors, String field, String id, OrganisationRole role, boolean required) {
    if (id == null || id.isBlank()) {
      if (required) {
        errors.put(field, "is required: the id of an organisation with the role " + role.label());
      }
      return;
    }
    Optional<Organisation> o = gov.organisation(h, id);
    if (o.isEmpty()) {
      errors.put(field, "organisation '" + GovRegistry.clip(id) + "' does not exist");
    } else if (!o.get().has(role)) {
      errors.put(field, "organisation '" + id + "' does not have the role " + role.label());
    }
  }

  private Optional<Organisation> requireOrganisation(Handle h, Map<String, String> errors, String field, String id) {
    if (id == null || id.isBlank()) {
      errors.put(field, "is required: an organisation id");
      return Optional.empty();
    }
    Optional<Organisation> o = gov.organisation(h, id);
    if (o.isEmpty()) {
      errors.put(field, "organisation '" + GovRegistry.clip(id) + "' does not exist");
    }
    return o;
  }

  private static Optional<Jurisdiction> requireJurisdiction(Map<String, String> errors, String field, String id, JurisdictionTree tree) {
    if (id == null || id.isBlank()) {
      errors.put(field, "is required: a jurisdiction id");
      return Optional.empty();
    }
    Optional<Jurisdiction> j = tree.find(id);
    if (j.isEmpty()) {
      errors.put(field, "jurisdiction '" + GovRegistry.clip(id) + "' does not exist");
    }
    return j;
  }
}

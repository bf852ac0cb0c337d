package io.citybrain.platform.scenarios;

import io.citybrain.commons.hash.Sha256;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.access.Jurisdictions;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.storage.ScenarioStore;
import io.citybrain.platform.storage.StoredScenario;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.network.RoadNetwork;
import io.citybrain.traffic.sim.Scenario;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every scenario the platform knows: the bundled cities and flows (from {@code citybrain-data})
 * and uploads (from the database). Compiled scenarios are immutable and cached, so runs on the
 * same scenario share one.
 */
public final class ScenarioCatalog {
  /** Longest accepted display name, characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Longest uploaded file name kept (the column holds 255 characters); longer ones answer 422. */
  public static final int MAX_FILE_NAME_LENGTH = 255;

  /**
   * Held from the duplicate check to the insert of an upload: two identical uploads at once both
   * found no scenario, and the second insert failed on the key (a 500). One server serves a
   * database ({@link io.citybrain.platform.storage.ServerLock}), so a lock in the process suffices.
   */
  private final Object storing = new Object();

  private final ScenarioStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, ScenarioInfo> bundled = new LinkedHashMap<>();
  private final Map<String, BundledCity> bundledCity = new ConcurrentHashMap<>();
  private final Map<String, String> bundledFlow = new ConcurrentHashMap<>();
  /**
   * Compiled scenarios by id, softly held: a compiled 50,000-intersection upload takes about 180 MB,
   * and holding every upload strongly made each new one a permanent cost until the heap ran out.
   * Runs hold their scenario strongly while they last; the collector may drop the others under
   * memory pressure, and the next use compiles them again.
   */
  private final ConcurrentHashMap<String, SoftReference<Scenario>> compiled = new ConcurrentHashMap<>();

  /**
   * @param store uploaded scenarios
   * @param audit where uploads are recorded
   * @param clock time source
   */
  public ScenarioCatalog(ScenarioStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    for (BundledCity city : BundledCity.values()) {
      for (String flow : city.flowNames()) {
        String id = flow.equals("real") ? city.cityName() : city.cityName() + "-" + flow;
        String label = city.flowLabel(flow);
        String name = city.displayName() + (flow.equals("real") ? " (real flow)" : " (flow " + flow + ")");
        bundled.put(
            id,
            new ScenarioInfo(
                id,
                name,
                "bundled",
                Optional.of(city.cityName()),
                Optional.of(flow),
                city.roadnetResource().substring(BundledCity.RESOURCE_ROOT.length()),
                label,
                "bundled",
                Jurisdictions.ROOT));
        bundledCity.put(id, city);
        bundledFlow.put(id, flow);
      }
    }
  }

  /** All scenarios: bundled ones first (city order), then uploads (oldest first). */
  public List<ScenarioInfo> list() {
    List<ScenarioInfo> all = new ArrayList<>(bundled.values());
    for (StoredScenario s : store.list()) {
      all.add(info(s));
    }
    return all;
  }

  /** The scenario with {@code id}, if any. */
  public Optional<ScenarioInfo> find(String id) {
    ScenarioInfo b = bundled.get(id);
    if (b != null) {
      return Optional.of(b);
    }
    return store.find(id).map(ScenarioCatalog::info);
  }

  /**
   * The compiled scenario with {@code id} (loaded once, then cached).
   *
   * @throws NotFoundException when there is none
   * @throws IllegalStateException when a stored upload no longer loads (it was valid when stored)
   */
  public Scenario load(String id) {
    SoftReference<Scenario> ref = compiled.get(id);
    Scenario cached = ref == null ? null : ref.get();
    if (cached != null) {
      return cached;
    }
    Scenario s = compile(id);
    cache(id, s);
    return s;
  }

  private void cache(String id, Scenario scenario) {
    compiled.put(id, new SoftReference<>(scenario));
  }

  private Scenario compile(String id) {
    try {
      BundledCity city = bundledCity.get(id);
      if (city != null) {
        return ScenarioLoader.loadBundled(city, bundledFlow.get(id));
      }
      StoredScenario s = store.find(id).orElseThrow(() -> new NotFoundException("scenario", id));
      ScenarioStore.Files f = store.files(id).orElseThrow(() -> new NotFoundException("scenario", id));
      return ScenarioLoader.fromBytes(s.name(), f.roadnet(), s.roadnetFileName(), f.flow(), s.flowFileName());
    } catch (InputValidationException e) {
      throw new IllegalStateException("scenario '" + id + "' no longer loads: " + e.getMessage(), e);
    }
  }

  /**
   * Validates and stores an uploaded roadnet and flow pair, recording the upload in the audit
   * log in the same transaction. Nothing is stored when the files are invalid.
   *
   * @param name display name, 1–200 characters (blank: the flow file's name)
   * @param roadnet the roadnet file's bytes
   * @param roadnetFileName its name, used in messages
   * @param flow the flow file's bytes
   * @param flowFileName its name, used in messages
   * @param actor who uploads (audit actor)
   * @throws InputValidationException with every problem the traffic core finds in either file
   * @throws InvalidRequestException for a name that is too long
   */
  public UploadOutcome upload(
      String name, byte[] roadnet, String roadnetFileName, byte[] flow, String flowFileName, String actor)
      throws InputValidationException {
    return upload(name, roadnet, roadnetFileName, flow, flowFileName, actor, Jurisdictions.ROOT);
  }

  /**
   * As {@link #upload(String, byte[], String, byte[], String, String)}, for jurisdiction {@code
   * jurisdictionId} (checked by the caller). The same files uploaded for two jurisdictions are two
   * scenarios: each jurisdiction sees only its own (the id hashes the jurisdiction in, except the
   * nation's, whose ids stay those of uploads made before jurisdictions existed).
   */
  public UploadOutcome upload(
      String name, byte[] roadnet, String roadnetFileName, byte[] flow, String flowFileName, String actor, String jurisdictionId)
      throws InputValidationException {
    Map<String, String> tooLong = new LinkedHashMap<>();
    if (roadnetFileName.length() > MAX_FILE_NAME_LENGTH) {
      tooLong.put("roadnet", "has a file name of " + roadnetFileName.length() + " characters; expected at most " + MAX_FILE_NAME_LENGTH);
    }
    if (flowFileName.length() > MAX_FILE_NAME_LENGTH) {
      tooLong.put("flow", "has a file name of " + flowFileName.length() + " characters; expected at most " + MAX_FILE_NAME_LENGTH);
    }
    boolean named = name != null && !name.isBlank();
    if (named && name.strip().length() > MAX_NAME_LENGTH) {
      tooLong.put("name", "is " + name.strip().length() + " characters long; expected at most " + MAX_NAME_LENGTH);
    }
    if (!tooLong.isEmpty()) {
      throw new InvalidRequestException(tooLong);
    }
    // without a name, the flow's file name, shortened to fit
    String displayName =
        named ? name.strip() : flowFileName.substring(0, Math.min(flowFileName.length(), MAX_NAME_LENGTH));
    Scenario scenario = ScenarioLoader.fromBytes(displayName, roadnet, roadnetFileName, flow, flowFileName);
    String id =
        "u-"
            + Sha256.hex(
                    (scenario.roadnetSha256() + scenario.flowSha256() + (jurisdictionId.equals(Jurisdictions.ROOT) ? "" : "@" + jurisdictionId))
                        .getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
    synchronized (storing) {
      Optional<StoredScenario> existing = store.find(id);
      if (existing.isPresent()) {
        return new UploadOutcome(info(existing.get()), false);
      }
      return store(id, displayName, scenario, roadnet, roadnetFileName, flow, flowFileName, actor, jurisdictionId);
    }
  }

  private UploadOutcome store(
      String id,
      String displayName,
      Scenario scenario,
      byte[] roadnet,
      String roadnetFileName,
      byte[] flow,
      String flowFileName,
      String actor,
      String jurisdictionId) {
    RoadNetwork net = scenario.network();
    StoredScenario stored =
        new StoredScenario(
            id,
            displayName,
            roadnetFileName,
            flowFileName,
            scenario.roadnetSha256(),
            scenario.flowSha256(),
            net.intersections().size(),
            (int) net.signalizedIntersectionCount(),
            net.roads().size(),
            scenario.demand().flows().size(),
            Instant.ofEpochMilli(clock.millis()),
            actor,
            jurisdictionId);
    audit.record(
        h -> {
          store.insert(h, stored, new ScenarioStore.Files(roadnet, flow));
          return AuditLog.Recorded.of(
              null,
              AuditEvent.of(
                  actor,
                  "scenario.upload",
                  "scenario/" + id,
                  "name=" + displayName + " jurisdiction=" + jurisdictionId + " roadnetSha256=" + stored.roadnetSha256() + " flowSha256=" + stored.flowSha256()));
        });
    cache(id, scenario);
    return new UploadOutcome(info(stored), true);
  }

  private static ScenarioInfo info(StoredScenario s) {
    return new ScenarioInfo(
        s.id(), s.name(), "uploaded", Optional.empty(), Optional.empty(), s.roadnetFileName(), s.flowFileName(), s.createdBy(),
        s.jurisdictionId());
  }
}

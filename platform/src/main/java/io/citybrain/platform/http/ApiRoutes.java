package io.citybrain.platform.http;

import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.ConflictException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.access.Caller;
import io.citybrain.platform.access.Permission;
import io.citybrain.platform.runs.LiveRun;
import io.citybrain.platform.runs.RunRequest;
import io.citybrain.platform.scenarios.NetworkMap;
import io.citybrain.platform.scenarios.ScenarioInfo;
import io.citybrain.platform.scenarios.UploadOutcome;
import io.citybrain.platform.storage.Json;
import io.citybrain.platform.storage.RunRecord;
import io.citybrain.platform.storage.RunStatus;
import io.citybrain.platform.storage.JobKind;
import io.citybrain.platform.grid.DispatchRequest;
import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmInfo;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.commons.input.InputValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON API's routes. Handlers only translate: they read the request, call the platform's
 * services and write the answer; errors are exceptions mapped by {@link ErrorMapping}.
 */
final class ApiRoutes {
  /** Every API route as {@code METHOD path}, in registration order (checked against openapi.json). */
  static final List<String> DECLARED = new ArrayList<>();

  private static final int MAX_LIST = 1000;

  /**
   * Uploads parsed and checked at once. Checking a 32 MiB roadnet builds a JSON tree of several
   * hundred MB; eight at once took the server to 7.8 GB. More answer 429.
   */
  static final int MAX_CONCURRENT_UPLOADS = 2;

  private final java.util.concurrent.Semaphore uploadsInProgress;
  private final Platform platform;
  /** Map JSON by scenario, softly held (35 MB for a 50,000-intersection upload; see ScenarioCatalog). */
  private final Map<String, java.lang.ref.SoftReference<String>> mapCache = new ConcurrentHashMap<>();
  private final Map<Long, String> summaries =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
              return size() > 256;
            }
          });

  /**
   * @param uploadGate permits for uploads being checked ({@link #MAX_CONCURRENT_UPLOADS})
   */
  ApiRoutes(Platform platform, java.util.concurrent.Semaphore uploadGate) {
    this.platform = platform;
    this.uploadsInProgress = uploadGate;
  }

  void register(RoutesConfig r, LiveStream live) {
    get(r, "/api/health", this::health);
    get(r, "/api/controllers", this::controllers);
    get(r, "/api/scenarios", this::scenarios);
    post(r, "/api/scenarios", this::upload);
    get(r, "/api/scenarios/{id}", this::scenario);
    get(r, "/api/scenarios/{id}/map", this::scenarioMap);
    get(r, "/api/runs", this::runs);
    post(r, "/api/runs", this::startRun);
    get(r, "/api/runs/{id}", this::run);
    post(r, "/api/runs/{id}/cancel", this::cancelRun);
    get(r, "/api/runs/{id}/summary", this::summary);
    get(r, "/api/runs/{id}/timeseries", this::timeSeries);
    get(r, "/api/runs/{id}/intersections", this::intersections);
    get(r, "/api/runs/{id}/replay/roadnet", this::replayRoadnet);
    get(r, "/api/runs/{id}/replay/frames", this::replayFrames);
    r.sse("/api/runs/{id}/live", live::open);
    declare("GET /api/runs/{id}/live");
    get(r, "/api/compare", this::compare);
    get(r, "/api/algorithms", this::algorithms);
    get(r, "/api/algorithms/{name}", this::algorithm);
    get(r, "/api/jobs", this::jobs);
    get(r, "/api/grid/cases", this::gridCases);
    get(r, "/api/grid/dispatches", this::dispatches);
    post(r, "/api/grid/dispatches", this::startDispatch);
    get(r, "/api/grid/dispatches/{id}", this::dispatch);
    post(r, "/api/grid/dispatches/{id}/cancel", this::cancelDispatch);
    get(r, "/api/grid/dispatches/{id}/result", this::dispatchResult);
    get(r, "/api/audit", this::audit);
    get(r, "/api/audit/verify", this::auditVerify);
    get(r, "/api/audit/checkpoint", this::auditCheckpoint);
    get(r, "/api/audit/key", this::auditKey);
    get(r, "/api/audit/proof/inclusion", this::auditInclusion);
    get(r, "/api/audit/proof/consistency", this::auditConsistency);
    new GovRoutes(platform).register(r);
    new AlarmRoutes(platform).register(r);
  }

  private static synchronized void declare(String route) {
    if (!DECLARED.contains(route)) {
      DECLARED.add(route);
    }
  }

  static void get(RoutesConfig r, String path, Handler h) {
    r.get(path, h);
    declare("GET " + path);
  }

  static void post(RoutesConfig r, String path, Handler h) {
    r.post(path, h);
    declare("POST " + path);
  }

  // ------------------------------------------------------------------ handlers

  /** How long {@code /api/health} waits for the database's answer. */
  static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;

  private void health(Context ctx) {
    // asks the database itself: after a full disk the server used to report "ok" while every
    // database request failed; the cause goes to the log, not to an unauthenticated caller
    java.util.Optional<String> failure = platform.database().check(HEALTH_QUERY_TIMEOUT_SECONDS);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", failure.isEmpty() ? "ok" : "unavailable");
    m.put("database", platform.database().kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("databaseStatus", failure.isEmpty() ? "ok" : "unavailable");
    m.put("activeRuns", platform.runs().activeCount());
    if (failure.isPresent()) {
      org.slf4j.LoggerFactory.getLogger(ApiRoutes.class).warn("health: database check failed: {}", failure.get());
      ctx.status(503);
    }
    ctx.json(m);
  }

  private void controllers(Context ctx) {
    ctx.json(ApiViews.ordered("controllers", SignalControllers.names().stream().map(n -> ApiViews.controller(SignalControllers.require(n))).toList()));
  }

  private void scenarios(Context ctx) {
    Caller.Scope scope = AccessControl.caller(ctx).scope(Permission.READ);
    List<Map<String, Object>> rows =
        platform.scenarios().list().stream().filter(s -> scope.includes(s.jurisdictionId())).map(ApiViews::scenario).toList();
    CsvResponses.listOrJson(ctx, "scenarios", rows, ApiViews.ordered("scenarios", rows));
  }

  /** The jurisdictions where the caller holds {@code p}, or null for all (for store queries). */
  private static java.util.Set<String> scopeIds(Context ctx, Permission p) {
    Caller.Scope scope = AccessControl.caller(ctx).scope(p);
    return scope.all() ? null : scope.ids();
  }

  private ScenarioInfo requireScenario(String id) {
    return platform.scenarios().find(id).orElseThrow(() -> new NotFoundException("scenario", id));
  }

  private void scenario(Context ctx) {
    ctx.json(ApiViews.scenario(requireScenario(ctx.pathParam("id"))));
  }

  private void scenarioMap(Context ctx) {
    String id = requireScenario(ctx.pathParam("id")).id();
    java.lang.ref.SoftReference<String> cached = mapCache.get(id);
    String json = cached == null ? null : cached.get();
    if (json == null) {
      json = Json.write(NetworkMap.of(id, platform.scenarios().load(id)));
      mapCache.put(id, new java.lang.ref.SoftReference<>(json));
    }
    ctx.contentType("application/json").result(json);
  }

  private void upload(Context ctx) throws InputValidationException {
    String actor = AccessControl.actor(ctx);
    if (!ctx.isMultipartFormData()) {
      throw HttpProblem.badRequest(
          "bad_request", "upload the files as multipart/form-data with parts 'roadnet' and 'flow' (and optionally 'name')");
    }
    if (!uploadsInProgress.tryAcquire()) {
      platform.metrics().upload("busy");
      ctx.header("Retry-After", "5");
      ErrorMapping.closeAfterAnswer(ctx); // the body stays unread
      throw new HttpProblem(
          429, "uploads_busy", MAX_CONCURRENT_UPLOADS + " uploads are being checked; try again in a few seconds");
    }
    try {
      checkAndStore(ctx, actor);
    } finally {
      uploadsInProgress.release();
    }
  }

  private void checkAndStore(Context ctx, String actor) throws InputValidationException {
    Map<String, List<UploadedFile>> parts = multipartFiles(ctx);
    List<UploadedFile> roadnets = parts.getOrDefault("roadnet", List.of());
    List<UploadedFile> flows = parts.getOrDefault("flow", List.of());
    Map<String, String> missing = new LinkedHashMap<>();
    if (roadnets.isEmpty()) {
      missing.put("roadnet", "is required: the CityFlow roadnet JSON file");
    }
    if (flows.isEmpty()) {
      missing.put("flow", "is required: the CityFlow flow JSON file");
    }
    // two files under one name used to be resolved silently in favour of the first
    if (roadnets.size() > 1) {
      missing.put("roadnet", "is given " + roadnets.size() + " times; expected one file");
    }
    if (flows.size() > 1) {
      missing.put("flow", "is given " + flows.size() + " times; expected one file");
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(missing);
    }
    Caller caller = AccessControl.caller(ctx);
    String jurisdiction = ScopeRules.targetJurisdiction(platform, caller, Permission.OPERATE, ctx.formParam("jurisdiction"));
    AccessControl.checkTarget(ctx, caller, Permission.OPERATE, jurisdiction);
    UploadedFile roadnet = roadnets.get(0);
    UploadedFile flow = flows.get(0);
    UploadOutcome outcome;
    try {
      outcome =
          platform
              .scenarios()
              .upload(
                  ctx.formParam("name"),
                  bytes(roadnet),
                  fileName(roadnet, "roadnet.json"),
                  bytes(flow),
                  fileName(flow, "flow.json"),
                  actor,
                  jurisdiction);
    } catch (InputValidationException | InvalidRequestException e) {
      platform.metrics().upload("invalid");
      throw e;
    }
    platform.metrics().upload(outcome.created() ? "stored" : "duplicate");
    Map<String, Object> body = new LinkedHashMap<>(ApiViews.scenario(outcome.scenario()));
    body.put("created", outcome.created());
    ctx.status(outcome.created() ? 201 : 200).json(body);
  }

  /**
   * The uploaded files by part name. A body Jetty cannot parse (no or a wrong boundary, truncated)
   * is a 400, and one over the limit sent without a Content-Length (chunked) a 413; both used to be
   * 500 internal errors.
   */
  private static Map<String, List<UploadedFile>> multipartFiles(Context ctx) {
    try {
      return ctx.uploadedFileMap();
    } catch (RuntimeException e) {
      throw multipartProblem(ctx, e);
    } catch (Exception e) { // Jetty's checked ServletException, thrown through Javalin
      throw multipartProblem(ctx, e);
    }
  }

  /** The error for a body that could not be parsed; part of that body may still be unread. */
  private static HttpProblem multipartProblem(Context ctx, Exception e) {
    ErrorMapping.closeAfterAnswer(ctx);
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("max length exceeded") || m.contains("max file size exceeded"))) {
        return new HttpProblem(
            413, "payload_too_large", "the request body is larger than the limit (" + m.replaceAll(".*: ", "")
                + " bytes, --max-upload-mb)");
      }
    }
    return HttpProblem.badRequest(
        "bad_request", "the multipart/form-data body cannot be read (" + rootMessage(e) + "); expected parts 'roadnet'"
            + " and 'flow' separated by the boundary given in the Content-Type header");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static byte[] bytes(UploadedFile f) {
    try (InputStream in = f.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileName(UploadedFile f, String fallback) {
    String n = f.filename();
    return n == null || n.isBlank() ? fallback : n;
  }

  private void runs(Context ctx) {
    String status = ctx.queryParam("status");
    RunStatus st = null;
    if (status != null) {
      try {
        st = RunStatus.parse(status);
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.of("status", e.getMessage());
      }
    }
    int limit = intParam(ctx, "limit", 100, 1, MAX_LIST);
    List<RunRecord> list =
        platform.runStore().list(JobKind.TRAFFIC_RUN, st, ctx.queryParam("scenario"), scopeIds(ctx, Permission.READ), limit);
    List<Map<String, Object>> rows = list.stream().map(this::view).toList();
    CsvResponses.listOrJson(ctx, "runs", rows, ApiViews.ordered("runs", rows));
  }

  private Map<String, Object> view(RunRecord r) {
    java.util.Optional<LiveRun> live = platform.runs().live(r.id());
    return ApiViews.run(r, live, r.run().replay() && platform.replays().exists(r.id()));
  }

  private void startRun(Context ctx) {
    String actor = AccessControl.actor(ctx);
    RunRequest request = JsonBodies.runRequest(ctx.bodyAsBytes());
    RunRecord r = platform.runs().start(request, actor);
    ctx.status(201).header("Location", "/api/runs/" + r.id()).json(view(r));
  }

  private static long runId(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new NotFoundException("run", raw);
    }
  }

  /** The traffic run {@code id}; other kinds of job are not runs here (see {@code /api/jobs}). */
  private RunRecord requireRun(long id) {
    return platform.runStore().find(id).filter(r -> r.run().kind() == JobKind.TRAFFIC_RUN)
        .orElseThrow(() -> new NotFoundException("run", Long.toString(id)));
  }

  // ------------------------------------------------------------------ algorithms, jobs, grid

  private void algorithms(Context ctx) {
    String domain = ctx.queryParam("domain");
    List<AlgorithmProvider> providers;
    if (domain == null) {
      providers = AlgorithmRegistry.shared().all();
    } else {
      try {
        providers = AlgorithmRegistry.shared().all(AlgorithmDomain.ofId(domain));
      } catch (IllegalArgumentException e) {
        throw InvalidRequestException.of("domain", e.getMessage());
      }
    }
    ctx.json(ApiViews.ordered("algorithms", providers.stream().map(AlgorithmInfo::of).toList()));
  }

  private void algorithm(Context ctx) {
    String name = ctx.pathParam("name");
    AlgorithmProvider p = AlgorithmRegistry.shared().find(name).orElseThrow(() -> new NotFoundException("algorithm", name));
    ctx.json(AlgorithmInfo.of(p));
  }

  private void jobs(Context ctx) {
    String kindName = ctx.queryParam("kind");
    JobKind kind = null;
    if (kindName != null) {
      kind = JobKind.find(kindName).orElseThrow(() -> InvalidRequestException.of("kind",
          "unknown kind '" + kindName + "'; known: " + java.util.Arrays.stream(JobKind.values()).map(JobKind::apiName)
              .collect(java.util.stream.Collectors.joining(", "))));
    }
    RunStatus st = statusParam(ctx);
    int limit = intParam(ctx, "limit", 100, 1, MAX_LIST);
    List<RunRecord> list = platform.runStore().list(kind, st, null, scopeIds(ctx, Permission.READ), limit);
    List<Map<String, Object>> rows = list.stream().map(ApiViews::job).toList();
    CsvResponses.listOrJson(ctx, "jobs", rows, ApiViews.ordered("jobs", rows));
  }

  private void gridCases(Context ctx) {
    var rows = platform.gridCases().list();
    CsvResponses.listOrJson(ctx, "grid-cases", rows, ApiViews.ordered("cases", rows));
  }

  private void dispatches(Context ctx) {
    RunStatus st = statusParam(ctx);
    int limit = intParam(ctx, "limit", 100, 1, MAX_LIST);
    List<RunRecord> list =
        platform.runStore().list(JobKind.GRID_DISPATCH, st, ctx.queryParam("case"), scopeIds(ctx, Permission.READ), limit);
    List<Map<String, Object>> rows = list.stream().map(ApiViews::dispatch).toList();
    CsvResponses.listOrJson(ctx, "dispatches", rows, ApiViews.ordered("dispatches", rows));
  }

  private void startDispatch(Context ctx) {
    String actor = AccessControl.actor(ctx);
    DispatchRequest request = JsonBodies.dispatchRequest(ctx.bodyAsBytes());
    String jurisdiction = ctx.attribute(AccessControl.TARGET);
    RunRecord r = platform.runs().startDispatch(request, actor, jurisdiction);
    ctx.status(201).header("Location", "/api/grid/dispatches/" + r.id()).json(ApiViews.dispatch(r));
  }

  private RunRecord requireDispatch(Context ctx) {
    String raw = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new NotFoundException("dispatch", raw);
    }
    return platform.runStore().find(id).filter(r -> r.run().kind() == JobKind.GRID_DISPATCH)
        .orElseThrow(() -> new NotFoundException("dispatch", raw));
  }

  private void dispatch(Context ctx) {
    ctx.json(ApiViews.dispatch(requireDispatch(ctx)));
  }

  private void cancelDispatch(Context ctx) {
    String actor = AccessControl.actor(ctx);
    long id = requireDispatch(ctx).id();
    ctx.json(ApiViews.dispatch(platform.runs().cancel(id, actor, JobKind.GRID_DISPATCH)));
  }

  private void dispatchResult(Context ctx) {
    RunRecord r = requireDispatch(ctx);
    String json = platform.runStore().resultJson(r.id())
        .orElseThrow(() -> new ConflictException("dispatch " + r.id() + " has no result (status " + r.statusText() + ")"));
    ctx.contentType("application/json").result(json);
  }

  private static RunStatus statusParam(Context ctx) {
    String status = ctx.queryParam("status");
    if (status == null) {
      return null;
    }
    try {
      return RunStatus.parse(status);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("status", e.getMessage());
    }
  }

  private void run(Context ctx) {
    ctx.json(view(requireRun(runId(ctx))));
  }

  private void cancelRun(Context ctx) {
    String actor = AccessControl.actor(ctx);
    ctx.json(view(platform.runs().cancel(runId(ctx), actor)));
  }

  private RunRecord requireResults(long id) {
    RunRecord r = requireRun(id);
    if (!r.hasResults()) {
      throw new ConflictException("run " + id + " has no results (status " + r.statusText() + ")");
    }
    return r;
  }

  private void summary(Context ctx) {
    long id = runId(ctx);
    String json = summaries.get(id);
    if (json == null) {
      json = platform.runStore().summaryJson(id).orElse(null);
      if (json == null) {
        requireResults(id);
      }
      summaries.put(id, json); // stored results never change
    }
    ctx.contentType("application/json").result(json);
  }

  private void timeSeries(Context ctx) {
    long id = requireResults(runId(ctx)).id();
    var rows = platform.runStore().timeSeries(id);
    CsvResponses.listOrJson(ctx, "run-" + id + "-timeseries", rows, ApiViews.ordered("runId", id, "windowSeconds", 60, "points", rows));
  }

  private void intersections(Context ctx) {
    long id = requireResults(runId(ctx)).id();
    var rows = platform.runStore().intersections(id);
    CsvResponses.listOrJson(ctx, "run-" + id + "-intersections", rows, ApiViews.ordered("runId", id, "intersections", rows));
  }

  private void replayRoadnet(Context ctx) throws IOException {
    long id = requireRun(runId(ctx)).id();
    ctx.contentType("application/json").result(Files.readAllBytes(platform.replays().roadnet(id)));
  }

  /**
   * Frame pages read at once: each holds up to {@link io.citybrain.platform.runs.ReplayStore#MAX_PAGE_BYTES}
   * several times over while it is encoded, so a few clients could otherwise fill the heap.
   */
  static final int MAX_CONCURRENT_FRAME_PAGES = 4;

  private final java.util.concurrent.Semaphore framePages = new java.util.concurrent.Semaphore(MAX_CONCURRENT_FRAME_PAGES);

  private void replayFrames(Context ctx) {
    long id = requireRun(runId(ctx)).id();
    int from = intParam(ctx, "from", 0, 0, Integer.MAX_VALUE);
    int count = intParam(ctx, "count", 100, 1, 1000);
    if (!framePages.tryAcquire()) {
      ctx.header("Retry-After", "1");
      throw new HttpProblem(
          429, "frames_busy", MAX_CONCURRENT_FRAME_PAGES + " replay pages are being read; try again in a second");
    }
    try {
      ctx.json(platform.replays().frames(id, from, count));
    } finally {
      framePages.release();
    }
  }

  private void compare(Context ctx) {
    String raw = ctx.queryParam("runs");
    if (raw == null || raw.isBlank()) {
      throw InvalidRequestException.of("runs", "is required: run ids separated by commas, e.g. ?runs=1,2,3");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String part : raw.split(",")) {
      long id;
      try {
        id = Long.parseLong(part.strip());
      } catch (NumberFormatException e) {
        errors.put("runs", "'" + part.strip() + "' is not a run id");
        continue;
      }
      Caller.Scope visible = AccessControl.caller(ctx).scope(Permission.READ);
      java.util.Optional<RunRecord> r = platform.runStore().find(id).filter(x -> visible.includes(x.run().jurisdictionId()));
      if (r.isEmpty()) {
        errors.put("runs[" + id + "]", "run " + id + " does not exist");
      } else if (!r.get().hasResults()) {
        errors.put("runs[" + id + "]", "run " + id + " has no results (status " + r.get().statusText() + ")");
      } else {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", view(r.get()));
        row.put("summary", readTree(platform.runStore().summaryJson(id).orElseThrow()));
        row.put("timeSeries", platform.runStore().timeSeries(id));
        rows.add(row);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    ctx.json(ApiViews.ordered("runs", rows));
  }

  private static Object readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void audit(Context ctx) {
    long after = intParam(ctx, "afterSeq", 0, 0, Integer.MAX_VALUE);
    int limit = intParam(ctx, "limit", 100, 1, MAX_LIST);
    boolean newest = "true".equalsIgnoreCase(ctx.queryParam("newest"));
    Caller.Scope scope = AccessControl.caller(ctx).scope(Permission.AUDIT);
    if (scope.all()) {
      var entries = newest ? platform.audit().newest(limit) : platform.audit().list(after, limit);
      List<Map<String, Object>> rows = entries.stream().map(ApiViews::audit).toList();
      CsvResponses.listOrJson(ctx, "audit", rows, ApiViews.ordered("entries", rows));
      return;
    }
    // below the nation: the entries about the caller's subtree, found among the next AUDIT_SCAN
    var page = newest ? platform.audit().newest(AUDIT_SCAN) : platform.audit().list(after, AUDIT_SCAN);
    Map<String, String> jurisdictionByTarget = new java.util.HashMap<>();
    List<Map<String, Object>> shown = new ArrayList<>();
    for (var e : page) {
      String j = jurisdictionByTarget.computeIfAbsent(e.event().target(), this::targetJurisdiction);
      if (scope.includes(j) && shown.size() < limit) {
        shown.add(ApiViews.audit(e));
      }
    }
    long scannedThrough = page.isEmpty() ? after : page.get(page.size() - 1).seq();
    CsvResponses.listOrJson(ctx, "audit", shown, ApiViews.ordered("entries", shown, "scannedThroughSeq", scannedThrough));
  }

  /** Audit entries a caller below the nation looks through per request. */
  static final int AUDIT_SCAN = 5000;

  /**
   * The jurisdiction an audit entry's target belongs to: a run's or dispatch's, a scenario's; the
   * nation for what belongs to the installation (tokens, grants, the server).
   */
  private String targetJurisdiction(String target) {
    int slash = target.indexOf('/');
    String kind = slash < 0 ? target : target.substring(0, slash);
    String id = slash < 0 ? "" : target.substring(slash + 1);
    try {
      return switch (kind) {
        case "run", "dispatch", "job" -> platform.runStore().find(Long.parseLong(id)).map(r -> r.run().jurisdictionId())
            .orElse(io.citybrain.platform.access.Jurisdictions.ROOT);
        case "scenario" -> platform.scenarios().find(id).map(io.citybrain.platform.scenarios.ScenarioInfo::jurisdictionId)
            .orElse(io.citybrain.platform.access.Jurisdictions.ROOT);
        default -> io.citybrain.platform.access.Jurisdictions.ROOT;
      };
    } catch (NumberFormatException e) {
      return io.citybrain.platform.access.Jurisdictions.ROOT;
    }
  }

  private void auditVerify(Context ctx) {
    ctx.json(ApiViews.verification(platform.audit().verify()));
  }

  /** The newest signed checkpoint, as a C2SP signed note (text/plain). */
  private void auditCheckpoint(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8").result(platform.audit().checkpoint().note());
  }

  /** The checkpoints' verifier key (text/plain, one line). */
  private void auditKey(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8").result(platform.audit().verifierKey() + "\n");
  }

  private void auditInclusion(Context ctx) {
    long size = platform.audit().treeSize();
    long treeSize = longParam(ctx, "treeSize", size, 1, Long.MAX_VALUE);
    long seq = longParam(ctx, "seq", -1, 1, Long.MAX_VALUE);
    if (seq < 0) {
      throw InvalidRequestException.of("seq", "is missing; expected the sequence number of an entry");
    }
    ctx.json(ApiViews.inclusion(platform.audit().inclusion(seq, treeSize)));
  }

  private void auditConsistency(Context ctx) {
    long size = platform.audit().treeSize();
    long to = longParam(ctx, "to", size, 1, Long.MAX_VALUE);
    long from = longParam(ctx, "from", -1, 1, Long.MAX_VALUE);
    if (from < 0) {
      throw InvalidRequestException.of("from", "is missing; expected the tree size of the older checkpoint");
    }
    ctx.json(ApiViews.consistency(platform.audit().consistency(from, to)));
  }

  private static long longParam(Context ctx, String name, long dflt, long min, long max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      long v = Long.parseLong(raw.strip());
      if (v < min || v > max) {
        throw InvalidRequestException.of(name, "is " + v + "; expected an integer >= " + min);
      }
      return v;
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of(name, "'" + raw + "' is not an integer");
    }
  }

  private static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw InvalidRequestException.of(name, "is " + v + "; expected an integer in [" + min + ", " + max + "]");
      }
      return v;
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of(name, "'" + raw + "' is not an integer");
    }
  }
}

package io.citybrain.platform.http;

import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.platform.audit.AuditEntry;
import io.citybrain.platform.audit.AuditProofs;
import io.citybrain.platform.audit.AuditVerification;
import io.citybrain.platform.runs.LiveRun;
import io.citybrain.platform.scenarios.ScenarioInfo;
import io.citybrain.platform.storage.RunRecord;
import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.traffic.control.SignalControllerProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the API's resources (documented in {@code openapi.json}). */
final class ApiViews {
  private ApiViews() {}

  /** A run with its live progress when it is running. */
  static Map<String, Object> run(RunRecord r, Optional<LiveRun> live, boolean replayAvailable) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("scenario", r.run().scenarioId());
    m.put("scenarioName", r.run().scenarioName());
    m.put("controller", r.run().controller());
    m.put("controllerVersion", r.run().controllerVersion());
    m.put("controllerDigest", r.run().algorithmDigest());
    m.put("parameters", r.run().parameters());
    m.put("seed", r.run().seed());
    m.put("steps", r.run().steps());
    m.put("intervalSeconds", r.run().intervalSeconds());
    m.put("replay", r.run().replay());
    m.put("paceStepsPerSecond", r.run().paceStepsPerSecond());
    m.put("status", r.status().apiName());
    m.put("statusDetail", r.statusDetail().orElse(null));
    m.put("statusText", r.statusText());
    int done = live.map(LiveRun::stepsDone).orElse(r.stepsDone());
    m.put("stepsDone", done);
    m.put("progress", r.run().steps() == 0 ? 0.0 : Math.min(1.0, done / (double) r.run().steps()));
    m.put("createdAt", iso(r.createdAt()));
    m.put("startedAt", r.startedAt().map(ApiViews::iso).orElse(null));
    m.put("finishedAt", r.finishedAt().map(ApiViews::iso).orElse(null));
    m.put("createdBy", r.run().createdBy());
    m.put("hasResults", r.hasResults());
    m.put("replayAvailable", replayAvailable);
    return m;
  }

  /** A grid dispatch job. */
  static Map<String, Object> dispatch(RunRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("kind", r.run().kind().apiName());
    m.put("case", r.run().scenarioId());
    m.put("dispatcher", r.run().controller());
    m.put("dispatcherVersion", r.run().controllerVersion());
    m.put("dispatcherDigest", r.run().algorithmDigest());
    m.put("parameters", r.run().parameters());
    m.put("status", r.status().apiName());
    m.put("statusDetail", r.statusDetail().orElse(null));
    m.put("statusText", r.statusText());
    m.put("createdAt", iso(r.createdAt()));
    m.put("startedAt", r.startedAt().map(ApiViews::iso).orElse(null));
    m.put("finishedAt", r.finishedAt().map(ApiViews::iso).orElse(null));
    m.put("createdBy", r.run().createdBy());
    m.put("hasResults", r.hasResults());
    return m;
  }

  /** A job of any kind, as listed by {@code GET /api/jobs}: what is common to every kind and where its details are. */
  static Map<String, Object> job(RunRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("kind", r.run().kind().apiName());
    m.put("subject", r.run().scenarioId());
    m.put("algorithm", r.run().controller());
    m.put("algorithmVersion", r.run().controllerVersion());
    m.put("algorithmDigest", r.run().algorithmDigest());
    m.put("parameters", r.run().parameters());
    m.put("status", r.status().apiName());
    m.put("statusText", r.statusText());
    m.put("createdAt", iso(r.createdAt()));
    m.put("finishedAt", r.finishedAt().map(ApiViews::iso).orElse(null));
    m.put("createdBy", r.run().createdBy());
    m.put("href", (r.run().kind() == io.citybrain.platform.storage.JobKind.GRID_DISPATCH ? "/api/grid/dispatches/" : "/api/runs/") + r.id());
    return m;
  }

  static Map<String, Object> scenario(ScenarioInfo s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("kind", s.kind());
    m.put("city", s.city().orElse(null));
    m.put("flow", s.flow().orElse(null));
    m.put("roadnetFile", s.roadnetFile());
    m.put("flowFile", s.flowFile());
    m.put("createdBy", s.createdBy());
    return m;
  }

  static Map<String, Object> controller(SignalControllerProvider p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("version", p.version());
    m.put("description", p.description());
    m.put("source", p.source());
    m.put("digest", p.artifact(p.resolve(Map.of())).digest());
    List<Map<String, Object>> params =
        p.parameters().stream()
            .map(
                (ParameterSpec s) -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("name", s.name());
                  x.put("default", s.defaultValue());
                  x.put("min", s.min());
                  x.put("max", s.max());
                  x.put("unit", s.unit());
                  x.put("description", s.description());
                  return x;
                })
            .toList();
    m.put("parameters", params);
    return m;
  }

  static Map<String, Object> audit(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", iso(e.at()));
    m.put("actor", e.event().actor());
    m.put("action", e.event().action());
    m.put("target", e.event().target());
    m.put("controller", e.event().controller().orElse(null));
    m.put("controllerVersion", e.event().controllerVersion().orElse(null));
    m.put("details", e.event().details());
    m.put("prevHash", e.prevHash());
    m.put("hash", e.hash());
    return m;
  }

  static Map<String, Object> verification(AuditVerification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("intact", v.intact());
    m.put("entries", v.entries());
    m.put("treeSize", v.treeSize());
    m.put("rootHash", v.rootHex());
    m.put("checkpointsChecked", v.checkpointsChecked());
    m.put("lastHash", v.lastHash());
    m.put("brokenAtSeq", v.brokenAtSeq().orElse(null));
    m.put("problem", v.problem().orElse(null));
    m.put("description", v.describe());
    return m;
  }

  static Map<String, Object> inclusion(AuditProofs.Inclusion p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", p.entry().seq());
    m.put("leafIndex", p.proof().leafIndex());
    m.put("treeSize", p.proof().treeSize());
    m.put("entry", audit(p.entry()));
    m.put("leaf", p.leafJson());
    m.put("leafHash", p.leafHash().hex());
    m.put("rootHash", p.root().hex());
    m.put("path", p.proof().path().stream().map(Sha256Hash::hex).toList());
    return m;
  }

  static Map<String, Object> consistency(AuditProofs.Consistency p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", p.proof().oldSize());
    m.put("to", p.proof().newSize());
    m.put("oldRootHash", p.oldRoot().hex());
    m.put("newRootHash", p.newRoot().hex());
    m.put("path", p.proof().path().stream().map(Sha256Hash::hex).toList());
    return m;
  }

  /** A JSON object with its keys in the order given: {@code ordered("a", 1, "b", 2)}. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static String iso(Instant t) {
    return t.toString();
  }
}

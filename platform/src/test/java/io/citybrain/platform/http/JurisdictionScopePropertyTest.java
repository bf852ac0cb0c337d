package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.TestServer;
import io.citybrain.platform.TestServer.Answer;
import io.citybrain.platform.access.Role;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 6, check 5 (jurisdiction scoping), as a property over generated trees: random
 * provinces, cities and districts under the nation; scenarios, runs and grid dispatches placed on
 * random jurisdictions; principals holding random roles on random jurisdictions. Then every
 * endpoint of {@code /openapi.json} is called by every principal on every object, and each answer
 * is checked against an oracle written here from the SPEC alone: a grant on a jurisdiction covers
 * the jurisdictions whose materialised path equals it or extends it by {@code /}; regulators,
 * operators and auditors read, operators operate, regulators and auditors audit, providers file.
 * Item routes answer 404 outside what the caller may see (as for an unknown id) and 403 where it
 * may see but not act; lists hold exactly what the caller may see.
 *
 * <p>Seed 2 always runs; a second seed is fresh each run and printed (rerun one with {@code
 * -Dcitybrain.scopeSeed=N}).
 */
class JurisdictionScopePropertyTest {
  /** The SPEC's roles, written out here rather than taken from {@link Role}. */
  private static final Map<Role, Set<String>> PERMISSIONS = new EnumMap<>(Role.class);

  static {
    PERMISSIONS.put(Role.REGULATOR, Set.of("READ", "REGULATE", "AUDIT"));
    PERMISSIONS.put(Role.OPERATOR, Set.of("READ", "OPERATE"));
    PERMISSIONS.put(Role.PROVIDER, Set.of("FILE"));
    PERMISSIONS.put(Role.AUDITOR, Set.of("READ", "AUDIT"));
  }

  @TempDir Path dir;

  @Test
  void everyEndpointHonoursJurisdictionsOnGeneratedTrees() throws Exception {
    // one fixed seed and one fresh one keep the class within the fast loop's time; more with -Dcitybrain.scopeSeed
    List<Long> seeds = new ArrayList<>(List.of(2L));
    seeds.add(Long.getLong("citybrain.scopeSeed", System.nanoTime()));
    for (long seed : seeds) {
      System.out.println("JurisdictionScopePropertyTest seed " + seed + " (rerun: -Dcitybrain.scopeSeed=" + seed + ")");
      new World(seed, dir.resolve("seed-" + seed)).check();
    }
  }

  /** A caller: a token with grants (role, path), or no token at all (the local console). */
  private record Who(String name, String token, List<Map.Entry<Role, String>> grants) {
    boolean local() {
      return token == null;
    }

    boolean may(String permission, String path) {
      if (local()) {
        return permission.equals("READ") || permission.equals("AUDIT");
      }
      for (Map.Entry<Role, String> g : grants) {
        if (PERMISSIONS.get(g.getKey()).contains(permission) && (path.equals(g.getValue()) || path.startsWith(g.getValue() + "/"))) {
          return true;
        }
      }
      return false;
    }

    boolean mayAnywhere(String permission) {
      return local() ? may(permission, "CN") : grants.stream().anyMatch(g -> PERMISSIONS.get(g.getKey()).contains(permission));
    }

    @Override
    public String toString() {
      return name + (local() ? " (no token, loopback)" : " " + grants);
    }
  }

  private static final class World {
    final long seed;
    final Random random;
    final TestServer api;
    /** jurisdiction id → materialised path. */
    final Map<String, String> paths = new LinkedHashMap<>();
    /** object id → path, per kind. */
    final Map<String, String> scenarios = new LinkedHashMap<>();
    final Map<String, String> runs = new LinkedHashMap<>();
    final Map<String, String> dispatches = new LinkedHashMap<>();
    final List<Who> callers = new ArrayList<>();
    String organisation;
    int created;

    World(long seed, Path dir) {
      this.seed = seed;
      this.random = new Random(seed);
      this.api = TestServer.embedded(dir);
    }

    void check() throws Exception {
      try (api) {
        makeTree();
        makeObjects();
        makeCallers();
        List<String> routes = documentedRoutes();
        // reads first, then what changes state: new objects would change what the lists hold
        List<String> ordered = new ArrayList<>(routes.stream().filter(r -> r.startsWith("GET ")).toList());
        routes.stream().filter(r -> !r.startsWith("GET ")).forEach(ordered::add);
        for (String route : ordered) {
          ScopeRule rule = ScopeRules.of(route).orElseThrow(() -> new AssertionError(route + " has no scope rule"));
          for (Who who : callers) {
            checkRoute(route, rule, who);
          }
        }
      }
    }

    String at() {
      return "seed " + seed + ": ";
    }

    // ---------------------------------------------------------------- the generated world

    void makeTree() {
      paths.put("CN", "CN");
      var gov = api.server().platform().governance();
      int provinces = 1 + random.nextInt(3);
      int n = 0;
      for (int p = 0; p < provinces; p++) {
        String prov = "p" + (n++);
        insert(gov, prov, "CN", "province");
        // the first province has a city with two districts at least: siblings and depth every time
        int cities = (p == 0 ? 1 : 0) + random.nextInt(3);
        for (int c = 0; c < cities; c++) {
          String city = "c" + (n++);
          insert(gov, city, prov, "city");
          int districts = (p == 0 && c == 0 ? 2 : 0) + random.nextInt(3);
          for (int d = 0; d < districts; d++) {
            insert(gov, "d" + (n++), city, "district");
          }
        }
      }
      System.out.println(at() + "tree " + paths.values());
    }

    void insert(io.citybrain.platform.gov.GovRegistry gov, String id, String parent, String level) {
      var j = gov.createJurisdiction("test", new io.citybrain.platform.gov.NewJurisdiction(id, level, parent, "J " + id));
      assertThat(j.path()).isEqualTo(paths.get(parent) + "/" + id);
      paths.put(id, j.path());
    }

    String randomJurisdiction() {
      List<String> ids = new ArrayList<>(paths.keySet());
      return ids.get(random.nextInt(ids.size()));
    }

    void makeObjects() throws Exception {
      byte[] roadnet = resource("cases/C03/roadnet.json");
      byte[] flow = resource("cases/C03/flow.json");
      Set<String> places = new LinkedHashSet<>();
      while (places.size() < Math.min(4, paths.size())) {
        places.add(randomJurisdiction());
      }
      List<Long> jobs = new ArrayList<>();
      for (String j : places) {
        Answer up = upload(api.token(), j, roadnet, flow);
        assertThat(up.status()).as(at() + up.body()).isIn(200, 201);
        String scenario = up.json().get("id").asText();
        assertThat(up.json().get("jurisdiction").asText()).isEqualTo(j);
        scenarios.put(scenario, paths.get(j));
        Answer run = api.post("/api/runs", "{\"scenario\": \"" + scenario + "\", \"controller\": \"fixed-time\", \"steps\": 2, \"replay\": true}");
        assertThat(run.status()).as(at() + run.body()).isEqualTo(201);
        assertThat(run.json().get("jurisdiction").asText()).isEqualTo(j);
        runs.put(run.json().get("id").asText(), paths.get(j));
        jobs.add(run.json().get("id").asLong());
      }
      for (int i = 0; i < 2; i++) {
        String j = randomJurisdiction();
        Answer d = api.post("/api/grid/dispatches", "{\"case\": \"case9\", \"jurisdiction\": \"" + j + "\"}");
        assertThat(d.status()).as(at() + d.body()).isEqualTo(201);
        dispatches.put(d.json().get("id").asText(), paths.get(j));
        jobs.add(d.json().get("id").asLong());
      }
      for (long id : jobs) {
        awaitJob(id);
      }
      organisation = "org-" + seed;
      Answer org = api.post("/api/gov/organisations", organisationBody(organisation, randomJurisdiction()));
      assertThat(org.status()).as(at() + org.body()).isEqualTo(201);
    }

    void awaitJob(long id) throws InterruptedException {
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end) {
        JsonNode jobs = api.get("/api/jobs").json().get("jobs");
        for (JsonNode j : jobs) {
          if (j.get("id").asLong() == id && Set.of("succeeded", "failed", "cancelled").contains(j.get("status").asText())) {
            assertThat(j.get("status").asText()).as(at() + "job " + id).isEqualTo("succeeded");
            return;
          }
        }
        Thread.sleep(50);
      }
      fail(at() + "job " + id + " did not finish");
    }

    void makeCallers() {
      var platform = api.server().platform();
      int n = 0;
      for (Role role : Role.values()) {
        for (int k = 0; k < 2; k++) {
          String j = randomJurisdiction();
          callers.add(caller(platform, "w" + (n++), List.of(Map.entry(role, j))));
        }
      }
      // two grants at once, and none at all
      callers.add(caller(platform, "w" + (n++), List.of(Map.entry(Role.OPERATOR, randomJurisdiction()), Map.entry(Role.AUDITOR, randomJurisdiction()))));
      callers.add(caller(platform, "w" + (n++), List.of()));
      callers.add(new Who("local", null, List.of()));
    }

    Who caller(io.citybrain.platform.Platform platform, String name, List<Map.Entry<Role, String>> grants) {
      String token = platform.tokens().create(name, name, "test");
      List<Map.Entry<Role, String>> byPath = new ArrayList<>();
      for (Map.Entry<Role, String> g : grants) {
        platform.access().grant(name, g.getKey(), g.getValue(), Optional.empty(), "test");
        byPath.add(Map.entry(g.getKey(), paths.get(g.getValue())));
      }
      return new Who(name, token, byPath);
    }

    List<String> documentedRoutes() {
      JsonNode doc = api.get("/openapi.json").json();
      List<String> routes = new ArrayList<>();
      for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
        String path = it.next();
        for (Iterator<String> m = doc.get("paths").get(path).fieldNames(); m.hasNext(); ) {
          routes.add(m.next().toUpperCase(Locale.ROOT) + " " + path);
        }
      }
      return routes;
    }

    // ---------------------------------------------------------------- the checks

    void checkRoute(String route, ScopeRule rule, Who who) throws Exception {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      String what = at() + route + " by " + who;
      if (!method.equals("GET") && who.local()) {
        Answer a = api.requestAs(method, fill(path, firstObject(path)), "{}", null);
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(401);
        return;
      }
      switch (rule.kind()) {
        case PUBLIC -> assertThat(api.getAs(path, null).status()).as(what).isEqualTo(200);
        case ANY_CALLER -> {
          String id = catalogueId(path);
          Answer a = api.getAs(fill(path, id == null ? "999999" : id), who.token());
          if (id == null) {
            // a registry record this test does not create: any caller gets past the rule (404 for the unknown id)
            assertThat(a.status()).as(what + ": " + a.body()).isNotIn(401, 403);
          } else {
            assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(200);
          }
        }
        case HOLDS -> {
          boolean allowed = who.mayAnywhere(rule.permission().name());
          if (method.equals("GET")) {
            Answer a = api.getAs(path + sampleQuery(route), who.token());
            assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(allowed ? 200 : 403);
          } else {
            // the rule runs before the body is read: an empty body is refused as such only when allowed
            Answer a = api.requestAs(method, fill(path, "999999"), "{}", who.token());
            if (allowed) {
              assertThat(a.status()).as(what + ": " + a.body()).isNotIn(401, 403);
            } else {
              assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(403);
            }
          }
        }
        case LIST -> checkList(route, path, rule, who, what);
        case ITEM -> checkItem(method, path, rule, who, what);
        case TARGET -> checkTarget(route, rule, who, what);
        default -> fail(what + ": unknown rule kind " + rule.kind());
      }
    }

    Map<String, String> objectsOf(String path) {
      if (path.startsWith("/api/scenarios/")) {
        return scenarios;
      }
      if (path.startsWith("/api/runs/")) {
        return runs;
      }
      if (path.startsWith("/api/grid/dispatches/")) {
        return dispatches;
      }
      return Map.of(); // registry records (approvals, deployments) this test does not create
    }

    String firstObject(String path) {
      return path.contains("{id}") && !objectsOf(path).isEmpty() ? objectsOf(path).keySet().iterator().next() : "999999";
    }

    /** Query parameters a route needs to answer 200. */
    static String sampleQuery(String route) {
      return switch (route) {
        case "GET /api/audit/proof/inclusion" -> "?seq=1";
        case "GET /api/audit/proof/consistency" -> "?from=1";
        default -> "";
      };
    }

    /** An id that exists for a catalogue route's path parameter. */
    String catalogueId(String path) {
      if (path.startsWith("/api/algorithms/")) {
        return "fixed-time";
      }
      if (path.startsWith("/api/gov/jurisdictions/")) {
        return randomJurisdiction();
      }
      if (path.startsWith("/api/gov/organisations/")) {
        return organisation;
      }
      return path.contains("{") ? null : "";
    }

    static String fill(String path, String id) {
      return path.replaceAll("\\{[A-Za-z]+\\}", id);
    }

    void checkItem(String method, String path, ScopeRule rule, Who who, String what) {
      String see = rule.permission().name().equals("AUDIT") ? "AUDIT" : "READ";
      if (objectsOf(path).isEmpty()) {
        // no such object here: unknown ids are never a refusal of the rule's making
        String url = fill(path, "999999");
        Answer a = method.equals("GET") ? api.getAs(url, who.token()) : api.requestAs(method, url, "{}", who.token());
        assertThat(a.status()).as(what + " on an unknown id: " + a.body()).isNotIn(401, 403);
        return;
      }
      for (Map.Entry<String, String> o : objectsOf(path).entrySet()) {
        String url = fill(path, o.getKey());
        Answer a = method.equals("GET") ? api.getAs(url, who.token()) : api.requestAs(method, url, null, who.token());
        String about = what + " on " + o.getKey() + " in " + o.getValue() + ": " + a.body();
        if (!who.may(see, o.getValue())) {
          assertThat(a.status()).as(about).isEqualTo(404);
          assertThat(a.json().get("message").asText()).as(about).isEqualTo(rule.noun() + " '" + o.getKey() + "' does not exist");
        } else if (!who.may(rule.permission().name(), o.getValue())) {
          assertThat(a.status()).as(about).isEqualTo(403);
        } else {
          // allowed: whatever the route answers, it is not a refusal (cancelling a finished job is 409,
          // the live stream without its Accept header 406)
          assertThat(a.status()).as(about).isNotIn(401, 403, 404);
        }
      }
    }

    void checkList(String route, String path, ScopeRule rule, Who who, String what) {
      String p = rule.permission().name();
      switch (route) {
        case "GET /api/scenarios" -> checkIds(api.getAs(path, who.token()), "scenarios", scenarios, who, p, what, true);
        case "GET /api/runs" -> checkIds(api.getAs(path, who.token()), "runs", runs, who, p, what, false);
        case "GET /api/grid/dispatches" -> checkIds(api.getAs(path, who.token()), "dispatches", dispatches, who, p, what, false);
        case "GET /api/jobs" -> {
          Map<String, String> all = new LinkedHashMap<>(runs);
          all.putAll(dispatches);
          checkIds(api.getAs(path, who.token()), "jobs", all, who, p, what, false);
        }
        case "GET /api/compare" -> {
          for (Map.Entry<String, String> r : runs.entrySet()) {
            Answer a = api.getAs("/api/compare?runs=" + r.getKey(), who.token());
            if (who.may(p, r.getValue())) {
              assertThat(a.status()).as(what + " run " + r.getKey() + ": " + a.body()).isEqualTo(200);
            } else {
              assertThat(a.status()).as(what + " run " + r.getKey()).isEqualTo(422);
              assertThat(a.json().get("fields").get("runs[" + r.getKey() + "]").asText()).isEqualTo("run " + r.getKey() + " does not exist");
            }
          }
        }
        case "GET /api/audit" -> {
          Answer a = api.getAs("/api/audit?limit=1000", who.token());
          assertThat(a.status()).as(what).isEqualTo(200);
          Set<String> targets = new TreeSet<>();
          a.json().get("entries").forEach(e -> targets.add(e.get("target").asText()));
          Map<String, String> byTarget = new LinkedHashMap<>();
          runs.forEach((id, j) -> byTarget.put("run/" + id, j));
          dispatches.forEach((id, j) -> byTarget.put("dispatch/" + id, j));
          scenarios.forEach((id, j) -> byTarget.put("scenario/" + id, j));
          for (Map.Entry<String, String> t : byTarget.entrySet()) {
            assertThat(targets.contains(t.getKey())).as(what + ": entries about " + t.getKey() + " in " + t.getValue())
                .isEqualTo(who.may(p, t.getValue()));
          }
          for (String t : targets) {
            if (!byTarget.containsKey(t)) {
              assertThat(who.may(p, "CN")).as(what + ": " + t + " belongs to the nation").isTrue();
            }
          }
        }
        default -> {
          // any other list: every listed object that names a jurisdiction lies in the caller's scope
          Answer a = api.getAs(path, who.token());
          assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(200);
          a.json().findParents("jurisdiction").forEach(o -> {
            String j = o.get("jurisdiction").asText();
            if (paths.containsKey(j)) {
              assertThat(who.may(p, paths.get(j))).as(what + ": lists " + o).isTrue();
            }
          });
        }
      }
    }

    /** Lists: exactly the objects the caller may see (bundled scenarios belong to the nation). */
    void checkIds(Answer a, String field, Map<String, String> objects, Who who, String permission, String what, boolean bundledToo) {
      assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(200);
      Set<String> listed = new TreeSet<>();
      for (JsonNode o : a.json().get(field)) {
        String id = o.get("id").asText();
        String j = o.get("jurisdiction").asText();
        assertThat(who.may(permission, paths.get(j))).as(what + ": lists " + id + " of " + j).isTrue();
        listed.add(id);
      }
      Set<String> expected = new TreeSet<>();
      objects.forEach((id, path) -> {
        if (who.may(permission, path)) {
          expected.add(id);
        }
      });
      Set<String> ours = new TreeSet<>(listed);
      if (bundledToo) {
        ours.retainAll(objects.keySet());
        assertThat(listed.size() > ours.size()).as(what + ": the bundled scenarios (nation)").isEqualTo(who.may(permission, "CN"));
      }
      assertThat(ours).as(what).isEqualTo(expected);
    }

    void checkTarget(String route, ScopeRule rule, Who who, String what) throws Exception {
      String p = rule.permission().name();
      switch (route) {
        case "GET /metrics" -> {
          Answer a = api.getAs("/metrics", who.token());
          assertThat(a.status()).as(what).isEqualTo(who.may(p, "CN") ? 200 : 403);
        }
        case "POST /api/runs" -> {
          for (Map.Entry<String, String> s : scenarios.entrySet()) {
            Answer a = api.postAs("/api/runs", "{\"scenario\": \"" + s.getKey() + "\", \"controller\": \"fixed-time\", \"steps\": 1}", who.token());
            String about = what + " scenario " + s.getKey() + " in " + s.getValue() + ": " + a.body();
            if (!who.may("READ", s.getValue())) {
              assertThat(a.status()).as(about).isEqualTo(422);
              assertThat(a.json().get("fields").get("scenario").asText()).as(about).startsWith("unknown scenario '" + s.getKey() + "'");
            } else {
              assertThat(a.status()).as(about).isEqualTo(who.may(p, s.getValue()) ? 201 : 403);
            }
          }
        }
        case "POST /api/grid/dispatches" -> {
          for (String j : sample()) {
            Answer a = api.postAs("/api/grid/dispatches", "{\"case\": \"case9\", \"jurisdiction\": \"" + j + "\"}", who.token());
            assertThat(a.status()).as(what + " in " + paths.get(j) + ": " + a.body()).isEqualTo(who.may(p, paths.get(j)) ? 201 : 403);
          }
          Answer unknown = api.postAs("/api/grid/dispatches", "{\"case\": \"case9\", \"jurisdiction\": \"atlantis\"}", who.token());
          assertThat(unknown.status()).as(what + ": " + unknown.body()).isEqualTo(422);
          assertThat(unknown.json().get("fields").get("jurisdiction").asText()).contains("atlantis");
        }
        case "POST /api/scenarios" -> {
          byte[] roadnet = resource("cases/C03/roadnet.json");
          byte[] flow = resource("cases/C03/flow.json");
          for (String j : sample()) {
            Answer a = upload(who.token(), j, roadnet, flow);
            String about = what + " in " + paths.get(j) + ": " + a.body();
            if (who.may(p, paths.get(j))) {
              assertThat(a.status()).as(about).isIn(200, 201);
              assertThat(a.json().get("jurisdiction").asText()).as(about).isEqualTo(j);
            } else {
              assertThat(a.status()).as(about).isEqualTo(403);
            }
          }
        }
        case "POST /api/gov/jurisdictions" -> {
          for (String parent : sample()) {
            String level = switch (paths.get(parent).split("/").length) {
              case 1 -> "province";
              case 2 -> "city";
              case 3 -> "district";
              default -> null;
            };
            if (level == null) {
              continue; // districts have no children
            }
            String id = "n" + (created++);
            Answer a = api.postAs(
                "/api/gov/jurisdictions", "{\"id\": \"" + id + "\", \"level\": \"" + level + "\", \"parent\": \"" + parent + "\", \"name\": \"N\"}",
                who.token());
            boolean allowed = who.may(p, paths.get(parent));
            assertThat(a.status()).as(what + " under " + paths.get(parent) + ": " + a.body()).isEqualTo(allowed ? 201 : 403);
            if (allowed) {
              paths.put(id, paths.get(parent) + "/" + id);
            }
          }
        }
        case "POST /api/gov/organisations" -> {
          for (String home : sample()) {
            String id = "o" + (created++);
            Answer a = api.postAs("/api/gov/organisations", organisationBody(id, home), who.token());
            assertThat(a.status()).as(what + " at home " + paths.get(home) + ": " + a.body()).isEqualTo(who.may(p, paths.get(home)) ? 201 : 403);
          }
        }
        case "GET /api/alarms", "GET /api/alarms/{id}", "POST /api/alarms/{id}/ack", "POST /api/alarms/{id}/clear" -> {
          // the nation's: readers and operators of the nation only (unknown ids answer 404 past the rule)
          String method = route.substring(0, route.indexOf(' '));
          String url = fill(route.substring(route.indexOf(' ') + 1), "999999");
          Answer a = method.equals("GET") ? api.getAs(url, who.token()) : api.requestAs(method, url, "{}", who.token());
          if (who.may(p, "CN")) {
            assertThat(a.status()).as(what + ": " + a.body()).isNotIn(401, 403);
          } else {
            assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(403);
          }
        }
        default -> {
          // the rule reads the target from the body's "jurisdiction" and runs before the rest is checked
          for (String j : sample()) {
            Answer a = api.postAs(route.substring(route.indexOf(' ') + 1), "{\"jurisdiction\": \"" + j + "\"}", who.token());
            if (who.may(p, paths.get(j))) {
              assertThat(a.status()).as(what + " in " + paths.get(j) + ": " + a.body()).isNotIn(401, 403);
            } else {
              assertThat(a.status()).as(what + " in " + paths.get(j) + ": " + a.body()).isEqualTo(403);
            }
          }
        }
      }
    }

    static String organisationBody(String id, String home) {
      return "{\"id\":\"" + id + "\",\"name\":\"Bureau " + id + "\",\"registrationCode\":\"RC-" + id + "\","
          + "\"roles\":[\"deployer\"],\"contact\":\"desk@" + id + ".example\",\"securityResponsible\":\"security office\","
          + "\"homeJurisdiction\":\"" + home + "\"}";
    }

    /** Up to three jurisdictions, the nation among them. */
    List<String> sample() {
      Set<String> s = new LinkedHashSet<>(List.of("CN"));
      for (int i = 0; i < 4 && s.size() < Math.min(3, paths.size()); i++) {
        s.add(randomJurisdiction());
      }
      return new ArrayList<>(s);
    }

    Answer upload(String token, String jurisdiction, byte[] roadnet, byte[] flow) {
      return api.multipart(
          "/api/scenarios", token,
          new Object[] {"roadnet", "roadnet.json", roadnet},
          new Object[] {"flow", "flow.json", flow},
          new Object[] {"jurisdiction", null, jurisdiction});
    }
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = JurisdictionScopePropertyTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}

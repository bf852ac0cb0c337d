package io.citybrain.platform.gov;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public list of filings (issue 9 item 7, SPEC check 10): what China's published filing list
 * shows — algorithm name, role, entity, product, main use, filing number, remarks — plus status,
 * the jurisdictions covered, the disclosure text and the history of each filing (filed, changed
 * into which filing, cancelled). Nothing internal: no internal ids, actors, digests of inputs,
 * contacts, registration codes, approvals' reasons or cancellation reasons.
 *
 * <p>Dates are calendar days in China Standard Time ({@link WorkingDays#ZONE}), as published.
 * Every filing is listed, changed and cancelled ones included, newest first.
 */
public final class PublicDisclosure {
  /** The fields of one public filing, in order; a test checks nothing else is shown. */
  public static final List<String> FIELDS =
      List.of(
          "filingNumber", "algorithm", "role", "entity", "product", "mainUse", "status", "jurisdictions", "disclosureText",
          "remarks", "filedOn", "supersedes", "supersededBy", "history");

  private final GovRegistry registry;

  public PublicDisclosure(GovRegistry registry) {
    this.registry = registry;
  }

  /** {@code {filings: [...]}}: every filing, newest first, each with {@link #FIELDS}. */
  public Map<String, Object> document() {
    GovLifecycle life = registry.lifecycle();
    List<Filing> all = life.filings();
    Map<Long, Filing> byId = new LinkedHashMap<>();
    all.forEach(f -> byId.put(f.id(), f));
    Map<String, Organisation> orgs = new LinkedHashMap<>();
    registry.organisations().forEach(o -> orgs.put(o.id(), o));
    JurisdictionTree tree = registry.tree();
    Map<Long, AlgorithmVersion> versions = new LinkedHashMap<>();
    life.versions().forEach(v -> versions.put(v.id(), v));
    Map<String, Algorithm> algorithms = new LinkedHashMap<>();
    life.algorithms().forEach(a -> algorithms.put(a.id(), a));

    List<Map<String, Object>> out = new ArrayList<>();
    List<Filing> newestFirst = new ArrayList<>(all);
    newestFirst.sort(Comparator.comparing(Filing::filedAt).thenComparing(Filing::id).reversed());
    for (Filing f : newestFirst) {
      Algorithm a = algorithms.get(versions.get(f.versionId()).algorithmId());
      Optional<Filing> next = all.stream().filter(x -> x.supersedesId().filter(s -> s == f.id()).isPresent()).findFirst();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("filingNumber", f.filingNumber());
      m.put("algorithm", a.tradeName());
      m.put("role", f.filerRole());
      m.put("entity", orgs.get(f.filerId()).name());
      m.put("product", f.product());
      m.put("mainUse", f.mainUse());
      m.put("status", f.status().label());
      m.put("jurisdictions", f.jurisdictionIds().stream().map(j -> tree.find(j).map(Jurisdiction::name).orElse(j)).toList());
      m.put("disclosureText", f.disclosureText());
      m.put("remarks", f.remarks());
      m.put("filedOn", day(f.filedAt()));
      m.put("supersedes", f.supersedesId().map(id -> byId.get(id).filingNumber()).orElse(null));
      m.put("supersededBy", next.map(Filing::filingNumber).orElse(null));
      m.put("history", history(f, byId, all));
      out.add(m);
    }
    return Map.of("filings", out);
  }

  /** The events of the whole chain of change filings {@code f} belongs to, oldest first. */
  private static List<Map<String, Object>> history(Filing f, Map<Long, Filing> byId, List<Filing> all) {
    Filing first = f;
    while (first.supersedesId().isPresent()) {
      first = byId.get(first.supersedesId().get());
    }
    List<Map<String, Object>> events = new ArrayList<>();
    Filing cur = first;
    while (cur != null) {
      events.add(event(cur.filedAt(), cur.supersedesId().isPresent() ? "change-filed" : "filed", cur.filingNumber()));
      if (cur.cancelledAt().isPresent()) {
        events.add(event(cur.cancelledAt().get(), "cancelled", cur.filingNumber()));
      }
      long curId = cur.id();
      Filing nxt = all.stream().filter(x -> x.supersedesId().filter(s -> s == curId).isPresent()).findFirst().orElse(null);
      if (nxt != null) {
        events.add(event(cur.changedAt().orElse(nxt.filedAt()), "superseded", cur.filingNumber()));
      }
      cur = nxt;
    }
    events.sort(Comparator.comparing(e -> (String) e.get("at")));
    return events;
  }

  private static Map<String, Object> event(Instant at, String kind, String number) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at.toString());
    m.put("on", day(at));
    m.put("event", kind);
    m.put("filingNumber", number);
    return m;
  }

  private static String day(Instant t) {
    return t.atZone(WorkingDays.ZONE).toLocalDate().toString();
  }
}

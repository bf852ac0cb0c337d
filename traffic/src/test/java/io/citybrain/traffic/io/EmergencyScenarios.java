package io.citybrain.traffic.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the bundled emergency scenarios (flow {@code emergency} of Jinan and Hangzhou) from a
 * real flow file, deterministically, from the files alone (no simulation):
 *
 * <ol>
 *   <li>the <em>busiest</em> intersections are the {@code busiest} intersections crossed by the
 *       most trips of the flow (a trip crosses the end intersection of every road of its route
 *       but the last; ties by id);
 *   <li>candidate routes are the distinct real routes of at least {@code minRoads} roads that
 *       cross at least {@code minBusiestCrossed} distinct busiest intersections;
 *   <li>the {@code trips} most frequent candidates (ties: the route that appears first in the
 *       file) become emergency trips, one every {@code spacingSeconds} from {@code
 *       firstDepartureSeconds}, most frequent first, each with the vehicle parameters of the
 *       first real trip on its route;
 *   <li>the output is the input text byte for byte with those entries appended before its final
 *       {@code ]}, one per line, each marked {@code "emergency": true}.
 * </ol>
 *
 * Jinan's rule takes no busiest intersections (the ten most frequent long routes); Hangzhou's
 * asks for routes through at least two of its four busiest. {@code EmergencyScenariosTest} checks
 * that the bundled files are exactly this output and rewrites them on request.
 */
final class EmergencyScenarios {
  private EmergencyScenarios() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How a scenario is built (class documentation). */
  record Rule(
      int minRoads,
      int busiest,
      int minBusiestCrossed,
      int trips,
      int firstDepartureSeconds,
      int spacingSeconds) {}

  /** Jinan: the ten most frequent routes of six or more roads, one every 250 s from 250 s. */
  static final Rule JINAN = new Rule(6, 0, 0, 10, 250, 250);

  /**
   * Hangzhou: the ten most frequent routes of six or more roads through at least two of the four
   * busiest intersections, one every 250 s from 250 s.
   */
  static final Rule HANGZHOU = new Rule(6, 4, 2, 10, 250, 250);

  /** One chosen route with its count in the flow. */
  record Choice(List<String> route, int trips, List<String> busiestCrossed) {}

  /**
   * The busiest intersections of a flow, most trips first.
   *
   * @param flow the flow file's JSON array
   * @param roadEnd road id to the id of the intersection it ends at
   * @param count how many
   */
  static List<String> busiest(JsonNode flow, Map<String, String> roadEnd, int count) {
    Map<String, Integer> load = new HashMap<>();
    for (JsonNode trip : flow) {
      JsonNode route = trip.get("route");
      for (int k = 0; k < route.size() - 1; k++) {
        load.merge(roadEnd.get(route.get(k).asText()), 1, Integer::sum);
      }
    }
    return load.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(count)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The routes the rule chooses, in departure order. */
  static List<Choice> choose(String flowText, String roadnetText, Rule rule) throws Exception {
    JsonNode flow = MAPPER.readTree(flowText);
    Map<String, String> roadEnd = roadEnds(roadnetText);
    Set<String> busiest = new HashSet<>(busiest(flow, roadEnd, rule.busiest()));
    Map<List<String>, Integer> counts = new LinkedHashMap<>(); // first appearance order
    for (JsonNode trip : flow) {
      counts.merge(route(trip), 1, Integer::sum);
    }
    List<Choice> candidates = new ArrayList<>();
    for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
      List<String> route = e.getKey();
      if (route.size() < rule.minRoads()) {
        continue;
      }
      List<String> crossed =
          route.subList(0, route.size() - 1).stream().map(roadEnd::get).filter(busiest::contains).distinct().toList();
      if (crossed.size() >= rule.minBusiestCrossed()) {
        candidates.add(new Choice(route, e.getValue(), crossed));
      }
    }
    // stable: equal counts keep the order of first appearance
    candidates.sort(Comparator.comparingInt(Choice::trips).reversed());
    return List.copyOf(candidates.subList(0, Math.min(rule.trips(), candidates.size())));
  }

  /**
   * The scenario's flow file text.
   *
   * @param flowText the real flow file, CityFlow JSON ending in {@code ]}
   * @param roadnetText its roadnet file
   * @param rule how to choose the trips
   */
  static String build(String flowText, String roadnetText, Rule rule) throws Exception {
    JsonNode flow = MAPPER.readTree(flowText);
    Map<List<String>, JsonNode> vehicleOfRoute = new HashMap<>();
    for (JsonNode trip : flow) {
      vehicleOfRoute.putIfAbsent(route(trip), trip.get("vehicle"));
    }
    String body = flowText.stripTrailing();
    if (!body.endsWith("]")) {
      throw new IllegalArgumentException("a flow file ends with ]");
    }
    StringBuilder out = new StringBuilder(body.substring(0, body.length() - 1));
    List<Choice> chosen = choose(flowText, roadnetText, rule);
    for (int k = 0; k < chosen.size(); k++) {
      List<String> route = chosen.get(k).route();
      int t = rule.firstDepartureSeconds() + k * rule.spacingSeconds();
      out.append(",\n{\"vehicle\": ")
          .append(pythonStyle(vehicleOfRoute.get(route)))
          .append(", \"route\": [")
          .append(route.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ")))
          .append("], \"interval\": 1.0, \"startTime\": ")
          .append(t)
          .append(", \"endTime\": ")
          .append(t)
          .append(", \"emergency\": true}");
    }
    return out.append(']').toString();
  }

  private static List<String> route(JsonNode trip) {
    List<String> r = new ArrayList<>();
    trip.get("route").forEach(n -> r.add(n.asText()));
    return List.copyOf(r);
  }

  private static Map<String, String> roadEnds(String roadnetText) throws Exception {
    Map<String, String> end = new HashMap<>();
    for (JsonNode road : MAPPER.readTree(roadnetText).get("roads")) {
      end.put(road.get("id").asText(), road.get("endIntersection").asText());
    }
    return end;
  }

  /** JSON as the research files write it ({@code ", "} and {@code ": "} separators, 5.0 stays 5.0). */
  private static String pythonStyle(JsonNode n) {
    if (n.isObject()) {
      List<String> fields = new ArrayList<>();
      n.properties().forEach(e -> fields.add("\"" + e.getKey() + "\": " + pythonStyle(e.getValue())));
      return "{" + String.join(", ", fields) + "}";
    }
    if (n.isArray()) {
      List<String> items = new ArrayList<>();
      n.forEach(x -> items.add(pythonStyle(x)));
      return "[" + String.join(", ", items) + "]";
    }
    if (n.isTextual()) {
      return "\"" + n.asText() + "\"";
    }
    return n.isFloatingPointNumber() ? Double.toString(n.doubleValue()) : n.asText();
  }
}

package io.citybrain.traffic.io.osm;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.XmlTree;
import io.citybrain.traffic.io.XmlTree.Element;
import io.citybrain.traffic.io.sumo.SumoRouteReader;
import io.citybrain.traffic.network.GeoReference;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Builds a road network and a demand from an OpenStreetMap extract ({@code .osm}, {@code .osm.gz},
 * {@code .osm.bz2}; the OSM XML format of API 0.6, tags as documented on the OSM wiki: {@code
 * highway}, {@code oneway}, {@code lanes}, {@code lanes:forward}/{@code :backward}, {@code
 * maxspeed}, {@code highway=traffic_signals}, relations {@code type=restriction}). The rules, in
 * the spirit of SUMO's netconvert defaults (its OSM type map) so that the two can be compared:
 *
 * <ul>
 *   <li><b>Roads</b>: ways whose {@code highway} is a road for cars ({@link #ROAD_TYPES}), not
 *       {@code area=yes} and not {@code access=no|private}, cut at every node shared by two such
 *       ways, at signal nodes and at their ends; each piece is a road in each direction it may be
 *       driven ({@code oneway=yes|true|1}, {@code -1}, implied on motorways and roundabouts), id
 *       {@code <way>#<piece>} forwards and {@code -<way>#<piece>} backwards, as netconvert names
 *       them. Lanes: {@code lanes:forward}/{@code :backward}, else {@code lanes} (halved on two-way
 *       roads, rounded up), else the type's default; 3.2 m wide. Speed: {@code maxspeed} (km/h, or
 *       "N mph"; "none" and country codes such as "DE:urban" take the type default), else the
 *       type's default.
 *   <li><b>Positions</b>: equirectangular projection about the centre of the imported nodes
 *       ({@link GeoReference#equirectangular}), kept as the network's geographic reference.
 *   <li><b>Junctions</b>: a node where roads meet; a node with one road piece is a boundary
 *       (virtual). Movements: every incoming road to every outgoing road except the U-turn back
 *       along the same piece, typed by the turn angle (|angle| &lt; 45° straight, positive left,
 *       negative right), minus OSM turn restrictions ({@code no_*} removes the movement, {@code
 *       only_*} keeps only it). Lanes: left turns from the innermost lane, right turns from the
 *       outermost, straight from every lane; each into every lane of the outgoing road (the
 *       model has no lane changing: a vehicle takes the lane it needs for its next turn as it
 *       enters a road, as in the CityFlow research datasets).
 *   <li><b>Signals</b>: a junction node tagged {@code highway=traffic_signals} (or {@code
 *       crossing=traffic_signals}) gets a default fixed plan like netconvert's: its incoming roads
 *       in two groups by heading (the group of the first road and the roads within 45° of it or
 *       of its reverse, and the rest), each group green for {@value #GREEN_SECONDS} s, then
 *       {@value #YELLOW_SECONDS} s of yellow; a signal with one group gets a green and a yellow.
 *   <li><b>Demand</b>: random trips as SUMO's {@code randomTrips.py} makes them by default: one
 *       vehicle every {@code periodSeconds} from a boundary road to a different boundary road
 *       reachable from it, both drawn uniformly with the seed, routed by free-flow travel time,
 *       SUMO's default passenger car.
 * </ul>
 */
public final class OsmImporter {
  /** Green time of each signal group, s (netconvert's {@code tls.green.time} default is 31). */
  public static final double GREEN_SECONDS = 31;

  /** Yellow time after each green, s. */
  public static final double YELLOW_SECONDS = 4;

  /** Lane width, m (SUMO's default). */
  public static final double LANE_WIDTH_METERS = 3.2;

  /**
   * Road types imported, with lanes per direction and speed (m/s) when the way does not say:
   * netconvert's OSM type map ({@code data/typemap/osmNetconvert.typ.xml} of SUMO 1.15). Its
   * {@code service} roads admit no passenger cars there, so they are left out here too.
   */
  public static final Map<String, double[]> ROAD_TYPES = Map.ofEntries(
      Map.entry("motorway", new double[] {2, 39.44}),
      Map.entry("motorway_link", new double[] {1, 22.22}),
      Map.entry("trunk", new double[] {2, 27.78}),
      Map.entry("trunk_link", new double[] {1, 22.22}),
      Map.entry("primary", new double[] {2, 27.78}),
      Map.entry("primary_link", new double[] {1, 22.22}),
      Map.entry("secondary", new double[] {1, 27.78}),
      Map.entry("secondary_link", new double[] {1, 22.22}),
      Map.entry("tertiary", new double[] {1, 22.22}),
      Map.entry("tertiary_link", new double[] {1, 22.22}),
      Map.entry("unclassified", new double[] {1, 13.89}),
      Map.entry("residential", new double[] {1, 13.89}),
      Map.entry("living_street", new double[] {1, 2.78}));

  /**
   * What an import gives.
   *
   * @param network the road network, with its geographic reference
   * @param demand the generated trips
   * @param signalNodes nodes tagged as traffic signals in the file (all, on roads or not)
   */
  public record Result(RoadNetwork network, Demand demand, int signalNodes) {}

  private record Way(String id, List<String> nodes, String type, int forwardLanes, int backwardLanes, double speed, Element element) {}

  private record Piece(String roadId, Way way, List<String> nodes, boolean forward) {
    String from() {
      return nodes.get(0);
    }

    String to() {
      return nodes.get(nodes.size() - 1);
    }
  }

  private OsmImporter() {}

  /**
   * Decompresses (by content: gzip {@code 1f 8b}, bzip2 {@code BZh}) and imports an extract.
   *
   * @param bytes the file's bytes
   * @param fileName its name, for problems
   * @param periodSeconds one generated trip every this many s, &gt; 0
   * @param durationSeconds trips are generated over [0, duration), s
   * @param seed seed of the trip draws
   * @throws InputValidationException for malformed XML, a file that is not OSM, or an extract
   *     without any road for cars
   */
  public static Result read(byte[] bytes, String fileName, double periodSeconds, double durationSeconds, long seed)
      throws InputValidationException {
    Element root;
    try (InputStream in = open(bytes)) {
      root = XmlTree.parse(in, fileName);
    } catch (IOException e) {
      throw new InputValidationException(InputProblem.inWhole(fileName, "cannot be decompressed: " + e.getMessage()
          + "; expected OSM XML, plain or compressed with gzip or bzip2"));
    }
    if (!root.name().equals("osm")) {
      throw new InputValidationException(
          new InputProblem(fileName, root.location(), "root element is <" + root.name() + ">; expected OpenStreetMap XML <osm>"));
    }
    return build(root, fileName, periodSeconds, durationSeconds, seed);
  }

  private static InputStream open(byte[] bytes) throws IOException {
    InputStream in = new ByteArrayInputStream(bytes);
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in);
    }
    if (bytes.length >= 3 && bytes[0] == 'B' && bytes[1] == 'Z' && bytes[2] == 'h') {
      return new BZip2CompressorInputStream(in);
    }
    return in;
  }

  private static Map<String, String> tags(Element e) {
    Map<String, String> t = new HashMap<>();
    for (Element tag : e.children("tag")) {
      t.put(tag.attribute("k", ""), tag.attribute("v", ""));
    }
    return t;
  }

  private static Result build(Element root, String fileName, double period, double duration, long seed)
      throws InputValidationException {
    Map<String, double[]> lonLat = new HashMap<>();
    Set<String> signals = new HashSet<>();
    int signalNodes = 0;
    for (Element n : root.children("node")) {
      try {
        lonLat.put(n.attribute("id", ""), new double[] {
          Double.parseDouble(n.attribute("lon", "")), Double.parseDouble(n.attribute("lat", ""))});
      } catch (NumberFormatException e) {
        throw new InputValidationException(new InputProblem(fileName, n.location(),
            n.describe() + " has lon=\"" + n.attribute("lon", "") + "\" lat=\"" + n.attribute("lat", "") + "\"; expected degrees"));
      }
      Map<String, String> t = tags(n);
      if ("traffic_signals".equals(t.get("highway")) || "traffic_signals".equals(t.get("crossing"))) {
        signals.add(n.attribute("id", ""));
        signalNodes++;
      }
    }
    List<Way> ways = new ArrayList<>();
    for (Element w : root.children("way")) {
      Map<String, String> t = tags(w);
      String type = t.get("highway");
      if (type == null || !ROAD_TYPES.containsKey(type) || "yes".equals(t.get("area"))
          || "no".equals(t.get("access")) || "private".equals(t.get("access"))) {
        continue;
      }
      List<String> nodes = new ArrayList<>();
      for (Element nd : w.children("nd")) {
        String ref = nd.attribute("ref", "");
        if (lonLat.containsKey(ref) && (nodes.isEmpty() || !nodes.get(nodes.size() - 1).equals(ref))) {
          nodes.add(ref);
        }
      }
      if (nodes.size() < 2) {
        continue; // a way cut off by the extract's bounds
      }
      double[] def = ROAD_TYPES.get(type);
      String oneway = t.getOrDefault("oneway", "");
      boolean implied = type.equals("motorway") || type.equals("motorway_link") || "roundabout".equals(t.get("junction"));
      boolean forwardOnly = oneway.equals("yes") || oneway.equals("true") || oneway.equals("1") || (implied && !oneway.equals("no"));
      boolean backwardOnly = oneway.equals("-1") || oneway.equals("reverse");
      int total = intTag(t.get("lanes"), -1);
      int fw = intTag(t.get("lanes:forward"), -1);
      int bw = intTag(t.get("lanes:backward"), -1);
      int dflt = (int) def[0];
      if (forwardOnly || backwardOnly) {
        int n = total > 0 ? total : dflt;
        fw = forwardOnly ? n : 0;
        bw = backwardOnly ? n : 0;
      } else {
        int half = total > 0 ? Math.max(1, (total + 1) / 2) : dflt;
        fw = fw > 0 ? fw : half;
        bw = bw > 0 ? bw : half;
      }
      ways.add(new Way(w.attribute("id", ""), nodes, type, fw, bw, speed(t.get("maxspeed"), def[1]), w));
    }
    if (ways.isEmpty()) {
      throw new InputValidationException(new InputProblem(fileName, root.location(),
          "has no way with a highway tag for cars (" + String.join(", ", new java.util.TreeSet<>(ROAD_TYPES.keySet()))
              + "); expected an extract with roads"));
    }
    // junction nodes: shared by two ways, way ends, signals on a way
    Map<String, Integer> uses = new HashMap<>();
    for (Way w : ways) {
      for (String n : w.nodes) {
        uses.merge(n, 1, Integer::sum);
      }
    }
    Set<String> cuts = new HashSet<>();
    for (Way w : ways) {
      cuts.add(w.nodes.get(0));
      cuts.add(w.nodes.get(w.nodes.size() - 1));
      for (String n : w.nodes) {
        if (uses.get(n) > 1 || signals.contains(n)) {
          cuts.add(n);
        }
      }
    }
    // projection about the centre of the used nodes
    double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
    for (String n : uses.keySet()) {
      double[] ll = lonLat.get(n);
      minLon = Math.min(minLon, ll[0]);
      maxLon = Math.max(maxLon, ll[0]);
      minLat = Math.min(minLat, ll[1]);
      maxLat = Math.max(maxLat, ll[1]);
    }
    GeoReference geo = GeoReference.equirectangular((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    Map<String, Point> pos = new HashMap<>();
    for (String n : uses.keySet()) {
      double[] ll = lonLat.get(n);
      pos.put(n, geo.toPoint(ll[0], ll[1]));
    }
    // pieces and roads
    List<Piece> pieces = new ArrayList<>();
    List<Road> roads = new ArrayList<>();
    Map<String, List<Piece>> wayPieces = new HashMap<>();
    for (Way w : ways) {
      int k = 0;
      int start = 0;
      for (int i = 1; i < w.nodes.size(); i++) {
        if (!cuts.contains(w.nodes.get(i))) {
          continue;
        }
        List<String> seg = w.nodes.subList(start, i + 1);
        if (!seg.get(0).equals(seg.get(seg.size() - 1))) {
          if (w.forwardLanes > 0) {
            Piece p = new Piece(w.id + "#" + k, w, List.copyOf(seg), true);
            pieces.add(p);
            wayPieces.computeIfAbsent(w.id, x -> new ArrayList<>()).add(p);
          }
          if (w.backwardLanes > 0) {
            List<String> rev = new ArrayList<>(seg);
            java.util.Collections.reverse(rev);
            Piece p = new Piece("-" + w.id + "#" + k, w, List.copyOf(rev), false);
            pieces.add(p);
            wayPieces.computeIfAbsent(w.id, x -> new ArrayList<>()).add(p);
          }
          k++;
        }
        start = i;
      }
    }
    Map<String, Set<String>> roadsAt = new LinkedHashMap<>();
    for (Piece p : pieces) {
      int lanes = p.forward ? p.way.forwardLanes : p.way.backwardLanes;
      List<Lane> ls = new ArrayList<>();
      for (int i = 0; i < lanes; i++) {
        ls.add(new Lane(LANE_WIDTH_METERS, p.way.speed));
      }
      List<Point> pts = new ArrayList<>();
      for (String n : p.nodes) {
        pts.add(pos.get(n));
      }
      roads.add(new Road(p.roadId, p.from(), p.to(), pts, ls));
      roadsAt.computeIfAbsent(p.from(), x -> new java.util.LinkedHashSet<>()).add(p.roadId);
      roadsAt.computeIfAbsent(p.to(), x -> new java.util.LinkedHashSet<>()).add(p.roadId);
    }
    Map<String, Road> roadById = new HashMap<>();
    roads.forEach(r -> roadById.put(r.id(), r));
    Map<String, Piece> pieceById = new HashMap<>();
    pieces.forEach(p -> pieceById.put(p.roadId, p));
    Map<String, List<String[]>> restrictions = restrictions(root, wayPieces);

    List<Intersection> intersections = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : roadsAt.entrySet()) {
      String node = e.getKey();
      List<String> in = new ArrayList<>();
      List<String> out = new ArrayList<>();
      Set<String> wayPiecesHere = new HashSet<>();
      for (String r : e.getValue()) {
        Road road = roadById.get(r);
        (road.endIntersectionId().equals(node) ? in : out).add(r);
        wayPiecesHere.add(pieceKey(pieceById.get(r)));
      }
      double width = 0;
      List<RoadLink> links = new ArrayList<>();
      if (wayPiecesHere.size() > 1 || (!in.isEmpty() && !out.isEmpty() && wayPiecesHere.size() > 1)) {
        for (String a : in) {
          for (String b : out) {
            if (pieceKey(pieceById.get(a)).equals(pieceKey(pieceById.get(b)))) {
              continue; // the U-turn back along the same piece
            }
            if (!allowed(restrictions.get(node), pieceById.get(a).way.id, pieceById.get(b).way.id, roadById.get(a), roadById.get(b))) {
              continue;
            }
            links.add(roadLink(roadById.get(a), roadById.get(b)));
          }
        }
        width = junctionWidth(node, e.getValue(), roadById);
      }
      boolean virtual = links.isEmpty();
      List<Phase> phases = !virtual && signals.contains(node) ? plan(links, roadById) : List.of();
      intersections.add(new Intersection(node, pos.get(node), virtual ? 0 : width, virtual, List.copyOf(e.getValue()), links, phases));
    }
    RoadNetwork network = new RoadNetwork(intersections, roads, geo);
    return new Result(network, trips(network, period, duration, seed), signalNodes);
  }

  private static String pieceKey(Piece p) {
    String id = p.roadId;
    return id.startsWith("-") ? id.substring(1) : id;
  }

  /** Trimming width of a junction: 6 m, at most 0.4 of its shortest road's first segment. */
  private static double junctionWidth(String node, Set<String> roadIds, Map<String, Road> roads) {
    double w = 6;
    for (String r : roadIds) {
      List<Point> pts = roads.get(r).points();
      double seg = roads.get(r).endIntersectionId().equals(node)
          ? pts.get(pts.size() - 2).distanceTo(pts.get(pts.size() - 1))
          : pts.get(0).distanceTo(pts.get(1));
      w = Math.min(w, 0.4 * seg);
    }
    return w;
  }

  private static RoadLink roadLink(Road a, Road b) {
    RoadLinkType type = turn(a, b);
    int na = a.lanes().size();
    int nb = b.lanes().size();
    List<LaneLink> lls = new ArrayList<>();
    switch (type) {
      case TURN_LEFT -> {
        for (int j = 0; j < nb; j++) {
          lls.add(new LaneLink(0, j, List.of()));
        }
      }
      case TURN_RIGHT -> {
        for (int j = 0; j < nb; j++) {
          lls.add(new LaneLink(na - 1, j, List.of()));
        }
      }
      default -> {
        for (int i = 0; i < na; i++) {
          for (int j = 0; j < nb; j++) {
            lls.add(new LaneLink(i, j, List.of()));
          }
        }
      }
    }
    return new RoadLink(type, a.id(), b.id(), lls);
  }

  /** Turn type from the signed angle between the incoming road's last and the outgoing road's first segment. */
  static RoadLinkType turn(Road a, Road b) {
    List<Point> pa = a.points();
    List<Point> pb = b.points();
    double h1 = Math.atan2(pa.get(pa.size() - 1).y() - pa.get(pa.size() - 2).y(), pa.get(pa.size() - 1).x() - pa.get(pa.size() - 2).x());
    double h2 = Math.atan2(pb.get(1).y() - pb.get(0).y(), pb.get(1).x() - pb.get(0).x());
    double d = Math.toDegrees(h2 - h1);
    while (d > 180) {
      d -= 360;
    }
    while (d <= -180) {
      d += 360;
    }
    if (Math.abs(d) < 45) {
      return RoadLinkType.GO_STRAIGHT;
    }
    return d > 0 ? RoadLinkType.TURN_LEFT : RoadLinkType.TURN_RIGHT;
  }

  /** Default fixed plan: incoming roads in two heading groups, green and yellow each. */
  private static List<Phase> plan(List<RoadLink> links, Map<String, Road> roads) {
    List<String> incoming = new ArrayList<>();
    for (RoadLink l : links) {
      if (!incoming.contains(l.startRoadId())) {
        incoming.add(l.startRoadId());
      }
    }
    double ref = heading(roads.get(incoming.get(0)));
    Set<String> groupA = new HashSet<>();
    for (String r : incoming) {
      double d = Math.abs(Math.toDegrees(heading(roads.get(r)) - ref)) % 180;
      if (d < 45 || d > 135) {
        groupA.add(r);
      }
    }
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    for (int k = 0; k < links.size(); k++) {
      (groupA.contains(links.get(k).startRoadId()) ? a : b).add(k);
    }
    List<Phase> phases = new ArrayList<>();
    phases.add(new Phase(GREEN_SECONDS, a));
    phases.add(new Phase(YELLOW_SECONDS, List.of(), true));
    if (!b.isEmpty()) {
      phases.add(new Phase(GREEN_SECONDS, b));
      phases.add(new Phase(YELLOW_SECONDS, List.of(), true));
    }
    return phases;
  }

  private static double heading(Road r) {
    List<Point> p = r.points();
    return Math.atan2(p.get(p.size() - 1).y() - p.get(p.size() - 2).y(), p.get(p.size() - 1).x() - p.get(p.size() - 2).x());
  }

  /** Turn restrictions by via node: {restriction, from way, to way}. */
  private static Map<String, List<String[]>> restrictions(Element root, Map<String, List<Piece>> wayPieces) {
    Map<String, List<String[]>> out = new HashMap<>();
    for (Element rel : root.children("relation")) {
      Map<String, String> t = tags(rel);
      String r = t.getOrDefault("restriction", t.get("restriction:motorcar"));
      if (!"restriction".equals(t.get("type")) || r == null) {
        continue;
      }
      String from = null;
      String to = null;
      String via = null;
      for (Element m : rel.children("member")) {
        switch (m.attribute("role", "")) {
          case "from" -> from = m.attribute("ref", null);
          case "to" -> to = m.attribute("ref", null);
          case "via" -> via = "node".equals(m.attribute("type", "")) ? m.attribute("ref", null) : null;
          default -> { }
        }
      }
      if (from != null && to != null && via != null && wayPieces.containsKey(from) && wayPieces.containsKey(to)) {
        out.computeIfAbsent(via, k -> new ArrayList<>()).add(new String[] {r, from, to});
      }
    }
    return out;
  }

  private static boolean allowed(List<String[]> rules, String fromWay, String toWay, Road a, Road b) {
    if (rules == null) {
      return true;
    }
    for (String[] rule : rules) {
      if (!rule[1].equals(fromWay)) {
        continue;
      }
      if (rule[0].startsWith("no_") && rule[2].equals(toWay)) {
        return false;
      }
      if (rule[0].startsWith("only_") && !rule[2].equals(toWay)) {
        return false;
      }
    }
    return true;
  }

  /** Random trips between boundary roads (see the class comment). */
  private static Demand trips(RoadNetwork network, double period, double duration, long seed) {
    List<String> sources = new ArrayList<>();
    List<String> sinks = new ArrayList<>();
    for (Road r : network.roads()) {
      if (network.intersection(r.startIntersectionId()).orElseThrow().virtual()) {
        sources.add(r.id());
      }
      if (network.intersection(r.endIntersectionId()).orElseThrow().virtual()) {
        sinks.add(r.id());
      }
    }
    List<Flow> flows = new ArrayList<>();
    if (sources.isEmpty() || sinks.isEmpty()) {
      return new Demand(flows);
    }
    Router router = new Router(network, SumoRouteReader.travelTimeCost(network));
    var car = SumoRouteReader.sumoDefaults("passenger");
    SplittableRandom random = new SplittableRandom(seed);
    int n = (int) Math.ceil(duration / period);
    for (int k = 0; k < n; k++) {
      double t = k * period;
      for (int attempt = 0; attempt < 100; attempt++) {
        String from = sources.get(random.nextInt(sources.size()));
        String to = sinks.get(random.nextInt(sinks.size()));
        if (from.equals(to)) {
          continue;
        }
        var path = router.shortestPath(from, to);
        if (path.isPresent() && path.get().size() >= 2) {
          flows.add(new Flow(String.format(Locale.ROOT, "trip%d", k), car, path.get().stream().map(Road::id).toList(),
              SumoRouteReader.SINGLE_VEHICLE_INTERVAL_SECONDS, t, t + 1));
          break;
        }
      }
    }
    return new Demand(flows);
  }

  private static int intTag(String v, int fallback) {
    if (v == null) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v.trim());
      return i > 0 && i <= 20 ? i : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** {@code maxspeed} in m/s: "50" km/h, "30 mph", "none" or a country code: the fallback. */
  static double speed(String v, double fallback) {
    if (v == null) {
      return fallback;
    }
    String s = v.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("mph")) {
        return Double.parseDouble(s.replace("mph", "").trim()) * 0.44704;
      }
      double kmh = Double.parseDouble(s.replace("km/h", "").trim());
      return kmh > 0 ? kmh / 3.6 : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

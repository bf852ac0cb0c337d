package io.citybrain.traffic.io.sumo;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.demand.VehicleType;
import io.citybrain.commons.io.AtomicFiles;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a network as SUMO plain XML (SUMO documentation, "Networks/PlainXML": nodes, edges,
 * connections, traffic-light programs) and demand as a SUMO route file, so that a network built or
 * edited in citybrain (or read from CityFlow or CBEngine) opens in SUMO: {@code netconvert -c
 * netconvert.netccfg} builds the {@code .net.xml}, and {@code sumo -c scenario.sumocfg} runs it.
 *
 * <ul>
 *   <li><b>Nodes</b>: intersections at their points; type {@code traffic_light} when signalised,
 *       {@code dead_end} when virtual, else the SUMO type the network came with, or {@code
 *       priority}.
 *   <li><b>Edges</b>: roads with their lanes (model lane k is SUMO lane n−1−k), speeds, widths,
 *       the centre line as shape (lanes spread to its right, SUMO's default), the declared length
 *       as {@code length}, and SUMO's edge priority when known.
 *   <li><b>Connections</b>: for each road link and start lane, its first lane link (the
 *       junction-made lane changes that {@link SumoNetReader} adds are left out: SUMO changes
 *       lanes itself).
 *   <li><b>Programs</b>: one static {@code tlLogic} per signalised intersection, one phase per
 *       model phase and one signal per connection: {@code G} when green, {@code g} for a left
 *       turn green while a straight movement of another road is green too (it yields, as in the
 *       model), {@code y} in a yellow phase for links green before it, else {@code r}.
 * </ul>
 */
public final class SumoPlainWriter {
  /** File names written. */
  public static final String NODES = "network.nod.xml";

  public static final String EDGES = "network.edg.xml";
  public static final String CONNECTIONS = "network.con.xml";
  public static final String PROGRAMS = "network.tll.xml";
  public static final String NETCONVERT_CONFIG = "netconvert.netccfg";
  public static final String NET = "network.net.xml";
  public static final String ROUTES = "routes.rou.xml";
  public static final String SUMO_CONFIG = "scenario.sumocfg";

  private SumoPlainWriter() {}

  /**
   * Writes the plain-XML network and a netconvert configuration that builds {@value #NET} from it.
   *
   * @param network the network
   * @param sumo SUMO's own data when the network came from SUMO (priorities, junction types), or
   *     null
   * @param folder existing folder
   * @return the files written
   */
  public static List<Path> writeNetwork(RoadNetwork network, SumoNetwork sumo, Path folder) throws IOException {
    Map<String, Integer> priorities = sumo == null ? Map.of() : sumo.roadPriorities();
    Map<String, String> types = sumo == null ? Map.of() : sumo.junctionTypes();
    AtomicFiles.write(folder.resolve(NODES), out -> {
      PrintWriter w = writer(out);
      w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      w.println("<!-- written by citybrain -->");
      w.println("<nodes>");
      for (Intersection in : network.intersections()) {
        String type = in.signalized() ? "traffic_light" : in.virtual() ? "dead_end" : types.getOrDefault(in.id(), "priority");
        if (type.equals("traffic_light") && !in.signalized()) {
          type = "priority";
        }
        w.printf(Locale.ROOT, "  <node id=\"%s\" x=\"%s\" y=\"%s\" type=\"%s\"%s/>%n", esc(in.id()), num(in.point().x()),
            num(in.point().y()), type, in.signalized() ? " tl=\"" + esc(in.id()) + "\"" : "");
      }
      w.println("</nodes>");
      w.flush();
    });
    AtomicFiles.write(folder.resolve(EDGES), out -> {
      PrintWriter w = writer(out);
      w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      w.println("<edges>");
      for (Road r : network.roads()) {
        int n = r.lanes().size();
        w.printf(Locale.ROOT, "  <edge id=\"%s\" from=\"%s\" to=\"%s\" numLanes=\"%d\"%s%s shape=\"%s\">%n", esc(r.id()),
            esc(r.startIntersectionId()), esc(r.endIntersectionId()), n,
            priorities.containsKey(r.id()) ? " priority=\"" + priorities.get(r.id()) + "\"" : "",
            r.hasDeclaredLength() ? " length=\"" + num(r.lengthMeters()) + "\"" : "", shape(r.points()));
        for (int k = 0; k < n; k++) {
          var lane = r.lanes().get(n - 1 - k);
          w.printf(Locale.ROOT, "    <lane index=\"%d\" speed=\"%s\" width=\"%s\"/>%n", k, num(lane.maxSpeedMetersPerSecond()),
              num(lane.widthMeters()));
        }
        w.println("  </edge>");
      }
      w.println("</edges>");
      w.flush();
    });
    // connections, and their link index at signalised intersections
    Map<String, Road> roads = new HashMap<>();
    network.roads().forEach(r -> roads.put(r.id(), r));
    Map<String, List<Written>> byIntersection = new LinkedHashMap<>();
    for (Intersection in : network.intersections()) {
      List<Written> list = new ArrayList<>();
      for (int k = 0; k < in.roadLinks().size(); k++) {
        RoadLink rl = in.roadLinks().get(k);
        Set<Integer> starts = new HashSet<>();
        for (LaneLink ll : rl.laneLinks()) {
          if (starts.add(ll.startLaneIndex())) {
            list.add(new Written(k, rl, ll, list.size()));
          }
        }
      }
      byIntersection.put(in.id(), list);
    }
    AtomicFiles.write(folder.resolve(CONNECTIONS), out -> {
      PrintWriter w = writer(out);
      w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      w.println("<connections>");
      for (Intersection in : network.intersections()) {
        for (Written c : byIntersection.get(in.id())) {
          w.println("  " + connection(c, roads, null));
        }
      }
      w.println("</connections>");
      w.flush();
    });
    AtomicFiles.write(folder.resolve(PROGRAMS), out -> {
      PrintWriter w = writer(out);
      w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      w.println("<tlLogics>");
      for (Intersection in : network.intersections()) {
        if (!in.signalized()) {
          continue;
        }
        List<Written> links = byIntersection.get(in.id());
        w.printf(Locale.ROOT, "  <tlLogic id=\"%s\" type=\"static\" programID=\"0\" offset=\"0\">%n", esc(in.id()));
        List<Phase> phases = in.phases();
        for (int p = 0; p < phases.size(); p++) {
          Phase ph = phases.get(p);
          Phase before = phases.get((p + phases.size() - 1) % phases.size());
          w.printf(Locale.ROOT, "    <phase duration=\"%s\" state=\"%s\"/>%n", num(ph.timeSeconds()), state(in, links, ph, before));
        }
        w.println("  </tlLogic>");
        for (Written c : links) {
          w.println("  " + connection(c, roads, in.id()));
        }
      }
      w.println("</tlLogics>");
      w.flush();
    });
    AtomicFiles.write(folder.resolve(NETCONVERT_CONFIG), out -> {
      PrintWriter w = writer(out);
      w.println("<configuration>");
      w.println("  <input>");
      w.println("    <node-files value=\"" + NODES + "\"/>");
      w.println("    <edge-files value=\"" + EDGES + "\"/>");
      w.println("    <connection-files value=\"" + CONNECTIONS + "\"/>");
      w.println("    <tllogic-files value=\"" + PROGRAMS + "\"/>");
      w.println("  </input>");
      w.println("  <output>");
      w.println("    <output-file value=\"" + NET + "\"/>");
      w.println("  </output>");
      w.println("  <processing>");
      // keep the coordinates as written and SUMO's turn-arounds out unless given as connections
      w.println("    <offset.disable-normalization value=\"true\"/>");
      w.println("    <no-turnarounds value=\"true\"/>");
      w.println("  </processing>");
      w.println("  <junctions>");
      w.println("    <junctions.limit-turn-speed value=\"-1\"/>");
      w.println("  </junctions>");
      w.println("</configuration>");
      w.flush();
    });
    return List.of(folder.resolve(NODES), folder.resolve(EDGES), folder.resolve(CONNECTIONS), folder.resolve(PROGRAMS),
        folder.resolve(NETCONVERT_CONFIG));
  }

  /**
   * Writes demand as a SUMO route file (vehicles and flows sorted by departure, as SUMO requires)
   * and a SUMO configuration running {@value #NET} with it from {@code beginSeconds}.
   *
   * @param demand the flows; their routes are completed with {@code router}
   * @param beginSeconds the time the simulation's 0 stands for, s (the original {@code begin})
   * @param durationSeconds the window, s
   * @return the files written
   */
  public static List<Path> writeDemand(Demand demand, Router router, double beginSeconds, double durationSeconds, Path folder)
      throws IOException {
    Map<VehicleType, String> typeIds = new LinkedHashMap<>();
    for (Flow f : demand.flows()) {
      typeIds.computeIfAbsent(f.vehicle(), t -> "t" + typeIds.size());
    }
    List<Flow> sorted = new ArrayList<>(demand.flows());
    sorted.sort(Comparator.comparingDouble(Flow::startTimeSeconds));
    AtomicFiles.write(folder.resolve(ROUTES), out -> {
      PrintWriter w = writer(out);
      w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      w.println("<routes>");
      for (Map.Entry<VehicleType, String> e : typeIds.entrySet()) {
        VehicleType t = e.getKey();
        w.printf(Locale.ROOT,
            "  <vType id=\"%s\" length=\"%s\" width=\"%s\" accel=\"%s\" decel=\"%s\" emergencyDecel=\"%s\" minGap=\"%s\" maxSpeed=\"%s\" tau=\"%s\"/>%n",
            e.getValue(), num(t.lengthMeters()), num(t.widthMeters()), num(t.maxPosAccMetersPerSecond2()),
            num(t.usualNegAccMetersPerSecond2()), num(Math.max(t.maxNegAccMetersPerSecond2(), t.usualNegAccMetersPerSecond2())),
            num(t.minGapMeters()), num(t.maxSpeedMetersPerSecond()), num(Math.max(t.headwayTimeSeconds(), 0.001)));
      }
      for (Flow f : sorted) {
        String edges = String.join(" ", router.completeRoute(f.route()).stream().map(Road::id).map(SumoPlainWriter::esc).toList());
        double start = f.startTimeSeconds() + beginSeconds;
        boolean single = f.endTimeSeconds() != -1 && f.endTimeSeconds() - f.startTimeSeconds() < f.intervalSeconds();
        if (single) {
          w.printf(Locale.ROOT, "  <vehicle id=\"%s\" type=\"%s\" depart=\"%s\"><route edges=\"%s\"/></vehicle>%n",
              esc(f.id()), typeIds.get(f.vehicle()), num(start), edges);
        } else {
          double end = f.endTimeSeconds() == -1 ? beginSeconds + durationSeconds : f.endTimeSeconds() + beginSeconds + 1e-3;
          w.printf(Locale.ROOT, "  <flow id=\"%s\" type=\"%s\" begin=\"%s\" end=\"%s\" period=\"%s\"><route edges=\"%s\"/></flow>%n",
              esc(f.id()), typeIds.get(f.vehicle()), num(start), num(end), num(f.intervalSeconds()), edges);
        }
      }
      w.println("</routes>");
      w.flush();
    });
    AtomicFiles.write(folder.resolve(SUMO_CONFIG), out -> {
      PrintWriter w = writer(out);
      w.println("<configuration>");
      w.println("  <input>");
      w.println("    <net-file value=\"" + NET + "\"/>");
      w.println("    <route-files value=\"" + ROUTES + "\"/>");
      w.println("  </input>");
      w.println("  <time>");
      w.println("    <begin value=\"" + num(beginSeconds) + "\"/>");
      w.println("    <end value=\"" + num(beginSeconds + durationSeconds) + "\"/>");
      w.println("  </time>");
      w.println("</configuration>");
      w.flush();
    });
    return List.of(folder.resolve(ROUTES), folder.resolve(SUMO_CONFIG));
  }

  /** One connection as written: a road link's first lane link from one start lane. */
  private record Written(int roadLink, RoadLink rl, LaneLink ll, int linkIndex) {}

  private static String connection(Written c, Map<String, Road> roads, String tl) {
    Road from = roads.get(c.rl.startRoadId());
    Road to = roads.get(c.rl.endRoadId());
    int fromLane = from.lanes().size() - 1 - c.ll.startLaneIndex();
    int toLane = to.lanes().size() - 1 - c.ll.endLaneIndex();
    return String.format(Locale.ROOT, "<connection from=\"%s\" to=\"%s\" fromLane=\"%d\" toLane=\"%d\"%s/>", esc(from.id()),
        esc(to.id()), fromLane, toLane, tl == null ? "" : " tl=\"" + esc(tl) + "\" linkIndex=\"" + c.linkIndex + "\"");
  }

  /** One signal per written connection; see the class comment for the characters. */
  private static String state(Intersection in, List<Written> links, Phase phase, Phase before) {
    Set<Integer> green = new HashSet<>(phase.availableRoadLinks());
    Set<Integer> greenBefore = new HashSet<>(before.availableRoadLinks());
    StringBuilder s = new StringBuilder(links.size());
    for (Written c : links) {
      if (green.contains(c.roadLink)) {
        s.append(yields(in, c.rl, green) ? 'g' : 'G');
      } else if (phase.yellow() && greenBefore.contains(c.roadLink)) {
        s.append('y');
      } else {
        s.append('r');
      }
    }
    return s.toString();
  }

  /** A left turn yields when a straight movement from another road is green with it. */
  private static boolean yields(Intersection in, RoadLink rl, Set<Integer> green) {
    if (rl.type() != RoadLinkType.TURN_LEFT) {
      return false;
    }
    for (int k : green) {
      RoadLink other = in.roadLinks().get(k);
      if (other.type() == RoadLinkType.GO_STRAIGHT && !other.startRoadId().equals(rl.startRoadId())) {
        return true;
      }
    }
    return false;
  }

  private static PrintWriter writer(java.io.OutputStream out) {
    return new PrintWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String shape(List<Point> pts) {
    StringBuilder s = new StringBuilder();
    for (Point p : pts) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(num(p.x())).append(',').append(num(p.y()));
    }
    return s.toString();
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.4f", d);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

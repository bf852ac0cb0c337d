package io.citybrain.traffic.sim;

import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's compiled, read-only view of a {@link RoadNetwork}: every drivable (lane or lane
 * link) gets an integer index and its geometry, and conflict points ("crosses") between lane
 * links are precomputed. Lanes come first (roads in file order, lanes innermost first), then
 * lane links (intersections in file order, road links, lane links), as in CityFlow.
 *
 * <p>Conflict points follow CityFlow (roadnet.cpp {@code Intersection::initCrosses}): every pair
 * of lane links of the same intersection is tested segment by segment; the first intersecting
 * pair of segments (link A's segments outer, link B's inner) defines one cross, stored with its
 * distance along each link. Each link keeps its crosses sorted by distance along itself.
 *
 * <p>All lengths in m, speeds in m/s. Instances are immutable and may be shared by simulations.
 */
public final class SimNetwork {
  /** Speed limit of lane links, m/s: effectively unlimited, as in CityFlow. */
  public static final double LANE_LINK_MAX_SPEED = 10000;

  private final RoadNetwork network;

  final int laneCount;
  final int drivableCount;
  final double[] length;
  final double[] maxSpeed;
  final List<List<Point>> polylines;

  // lanes
  final int[] laneRoad;
  final int[] laneIndexInRoad;

  /** Lane width, m. */
  final double[] laneWidth;
  final int[][] laneOutLinks;
  final String[] laneIds;

  // roads
  final String[] roadIds;
  final int[] roadFirstLane;
  final int[] roadLaneCount;
  final int[] roadEndIntersection;
  final int[] roadStartIntersection;

  /**
   * Road length between the intersection centres at its ends (its own polyline, not shortened),
   * or its declared length, m.
   */
  final double[] roadLength;
  final Map<String, Integer> roadIndex = new HashMap<>();

  // lane links
  final int[] linkStartLane;
  final int[] linkEndLane;
  final int[] linkRoadLink;
  final int[] linkPriority;
  final boolean[] linkIsTurn;

  /**
   * Per lane link: the speed at which vehicles approach and drive it, m/s: its declared limit
   * (SUMO internal lanes), else CityFlow's turn speed for turns and no limit for straight links.
   */
  final double[] linkApproachSpeed;
  final int[][] linkCrosses;

  // road links (global index)
  final int[] roadLinkIntersection;
  final int[] roadLinkLocalIndex;
  final int[][] roadLinkLaneLinks;

  // crosses
  final int crossCount;
  final int[] crossLinkA;
  final int[] crossLinkB;
  final double[] crossDistA;
  final double[] crossDistB;

  // intersections
  final String[] intersectionIds;
  final int[] intersectionFirstRoadLink;
  final int[] intersectionRoadLinkCount;
  final boolean[] intersectionSignalized;
  final int[][] intersectionLaneLinks;

  /**
   * Compiles {@code network}.
   *
   * @param network a validated road network
   */
  public SimNetwork(RoadNetwork network) {
    this.network = network;
    List<Road> roads = network.roads();
    List<Intersection> inters = network.intersections();
    Map<String, Integer> interIndex = new HashMap<>();
    for (int i = 0; i < inters.size(); i++) {
      interIndex.put(inters.get(i).id(), i);
    }

    int lanes = 0;
    roadIds = new String[roads.size()];
    roadFirstLane = new int[roads.size()];
    roadLaneCount = new int[roads.size()];
    roadEndIntersection = new int[roads.size()];
    roadStartIntersection = new int[roads.size()];
    roadLength = new double[roads.size()];
    for (int r = 0; r < roads.size(); r++) {
      Road road = roads.get(r);
      roadIds[r] = road.id();
      roadIndex.put(road.id(), r);
      roadFirstLane[r] = lanes;
      roadLaneCount[r] = road.lanes().size();
      roadLength[r] =
          road.hasDeclaredLength() ? road.lengthMeters() : Geometry.polylineLength(road.points());
      roadStartIntersection[r] = interIndex.get(road.startIntersectionId());
      roadEndIntersection[r] = interIndex.get(road.endIntersectionId());
      lanes += road.lanes().size();
    }
    laneCount = lanes;

    int links = 0;
    int roadLinks = 0;
    for (Intersection in : inters) {
      roadLinks += in.roadLinks().size();
      for (RoadLink rl : in.roadLinks()) {
        links += rl.laneLinks().size();
      }
    }
    drivableCount = laneCount + links;
    length = new double[drivableCount];
    maxSpeed = new double[drivableCount];
    polylines = new ArrayList<>(drivableCount);
    laneRoad = new int[laneCount];
    laneIndexInRoad = new int[laneCount];
    laneWidth = new double[laneCount];
    laneIds = new String[laneCount];
    List<List<Integer>> outLinks = new ArrayList<>(laneCount);

    for (int r = 0; r < roads.size(); r++) {
      Road road = roads.get(r);
      for (int k = 0; k < road.lanes().size(); k++) {
        int lane = roadFirstLane[r] + k;
        List<Point> pl = Geometry.lanePolyline(network, road, k);
        polylines.add(pl);
        length[lane] = road.hasDeclaredLength() ? road.lengthMeters() : Geometry.polylineLength(pl);
        maxSpeed[lane] = road.lanes().get(k).maxSpeedMetersPerSecond();
        laneRoad[lane] = r;
        laneIndexInRoad[lane] = k;
        laneWidth[lane] = road.lanes().get(k).widthMeters();
        laneIds[lane] = road.laneId(k);
        outLinks.add(new ArrayList<>());
      }
    }

    linkStartLane = new int[links];
    linkEndLane = new int[links];
    linkRoadLink = new int[links];
    linkPriority = new int[links];
    linkIsTurn = new boolean[links];
    linkApproachSpeed = new double[links];
    roadLinkIntersection = new int[roadLinks];
    roadLinkLocalIndex = new int[roadLinks];
    roadLinkLaneLinks = new int[roadLinks][];
    intersectionIds = new String[inters.size()];
    intersectionFirstRoadLink = new int[inters.size()];
    intersectionRoadLinkCount = new int[inters.size()];
    intersectionSignalized = new boolean[inters.size()];
    intersectionLaneLinks = new int[inters.size()][];

    int d = laneCount;
    int g = 0;
    for (int i = 0; i < inters.size(); i++) {
      Intersection in = inters.get(i);
      intersectionIds[i] = in.id();
      intersectionFirstRoadLink[i] = g;
      intersectionRoadLinkCount[i] = in.roadLinks().size();
      intersectionSignalized[i] = in.signalized();
      int firstLink = d;
      for (int local = 0; local < in.roadLinks().size(); local++, g++) {
        RoadLink rl = in.roadLinks().get(local);
        roadLinkIntersection[g] = i;
        roadLinkLocalIndex[g] = local;
        roadLinkLaneLinks[g] = new int[rl.laneLinks().size()];
        int startRoad = roadIndex.get(rl.startRoadId());
        int endRoad = roadIndex.get(rl.endRoadId());
        for (int q = 0; q < rl.laneLinks().size(); q++, d++) {
          LaneLink ll = rl.laneLinks().get(q);
          int li = d - laneCount;
          roadLinkLaneLinks[g][q] = d;
          List<Point> pl = Geometry.laneLinkPolyline(network, in, rl, ll);
          polylines.add(pl);
          length[d] = Geometry.polylineLength(pl);
          maxSpeed[d] = ll.hasSpeedLimit() ? ll.maxSpeedMetersPerSecond() : LANE_LINK_MAX_SPEED;
          linkStartLane[li] = roadFirstLane[startRoad] + ll.startLaneIndex();
          linkEndLane[li] = roadFirstLane[endRoad] + ll.endLaneIndex();
          linkRoadLink[li] = g;
          linkPriority[li] = rl.type().priority();
          linkIsTurn[li] = rl.type().isTurn();
          linkApproachSpeed[li] =
              ll.hasSpeedLimit()
                  ? ll.maxSpeedMetersPerSecond()
                  : linkIsTurn[li] ? Simulation.TURN_SPEED : LANE_LINK_MAX_SPEED;
          outLinks.get(linkStartLane[li]).add(d);
        }
      }
      intersectionLaneLinks[i] = rangeArray(firstLink, d);
    }
    laneOutLinks = new int[laneCount][];
    for (int lane = 0; lane < laneCount; lane++) {
      laneOutLinks[lane] = outLinks.get(lane).stream().mapToInt(Integer::intValue).toArray();
    }
    // crosses
    List<double[]> crosses = new ArrayList<>();
    for (int i = 0; i < inters.size(); i++) {
      int[] il = intersectionLaneLinks[i];
      for (int a = 0; a < il.length; a++) {
        for (int b = a + 1; b < il.length; b++) {
          double[] c = findCross(polylines.get(il[a]), polylines.get(il[b]));
          if (c != null) {
            crosses.add(new double[] {il[a], il[b], c[0], c[1]});
          }
        }
      }
    }
    crossCount = crosses.size();
    crossLinkA = new int[crossCount];
    crossLinkB = new int[crossCount];
    crossDistA = new double[crossCount];
    crossDistB = new double[crossCount];
    List<List<Integer>> perLink = new ArrayList<>(links);
    for (int k = 0; k < links; k++) {
      perLink.add(new ArrayList<>());
    }
    for (int c = 0; c < crossCount; c++) {
      double[] x = crosses.get(c);
      crossLinkA[c] = (int) x[0];
      crossLinkB[c] = (int) x[1];
      crossDistA[c] = x[2];
      crossDistB[c] = x[3];
      perLink.get(crossLinkA[c] - laneCount).add(c);
      perLink.get(crossLinkB[c] - laneCount).add(c);
    }
    linkCrosses = new int[links][];
    for (int k = 0; k < links; k++) {
      final int link = k + laneCount;
      linkCrosses[k] =
          perLink.get(k).stream()
              .sorted((p, q) -> Double.compare(crossDistance(p, link), crossDistance(q, link)))
              .mapToInt(Integer::intValue)
              .toArray();
    }
  }

  private static int[] rangeArray(int from, int to) {
    int[] a = new int[to - from];
    Arrays.setAll(a, k -> from + k);
    return a;
  }

  /** Distance of cross {@code c} along lane link drivable {@code link}, m. */
  double crossDistance(int c, int link) {
    return crossLinkA[c] == link ? crossDistA[c] : crossDistB[c];
  }

  /** Side (0 or 1) of lane link drivable {@code link} in cross {@code c}. */
  int crossSide(int c, int link) {
    return crossLinkA[c] == link ? 0 : 1;
  }

  private static final double EPS = 1e-8;

  /**
   * First intersection of two polylines, as CityFlow finds it.
   *
   * @return {distance along a, distance along b} or null
   */
  private static double[] findCross(List<Point> va, List<Point> vb) {
    double disa = 0;
    for (int ia = 0; ia + 1 < va.size(); ia++) {
      double disb = 0;
      Point a1 = va.get(ia);
      Point a2 = va.get(ia + 1);
      for (int ib = 0; ib + 1 < vb.size(); ib++) {
        Point b1 = vb.get(ib);
        Point b2 = vb.get(ib + 1);
        double ax = a2.x() - a1.x();
        double ay = a2.y() - a1.y();
        double bx = b2.x() - b1.x();
        double by = b2.y() - b1.y();
        double cross = ax * by - ay * bx;
        if (sign(cross) != 0) {
          Point p = intersect(a1, a2, b1, b2);
          if (onSegment(a1, a2, p) && onSegment(b1, b2, p)) {
            return new double[] {disa + a1.distanceTo(p), disb + b1.distanceTo(p)};
          }
        }
        disb += b1.distanceTo(b2);
      }
      disa += a1.distanceTo(a2);
    }
    return null;
  }

  private static int sign(double x) {
    return (x + EPS > 0 ? 1 : 0) - (x - EPS < 0 ? 1 : 0);
  }

  private static Point intersect(Point a, Point b, Point c, Point d) {
    // line a-b with line c-d
    double ux = b.x() - a.x();
    double uy = b.y() - a.y();
    double vx = d.x() - c.x();
    double vy = d.y() - c.y();
    double den = ux * vy - uy * vx;
    double t = ((c.x() - a.x()) * vy - (c.y() - a.y()) * vx) / den;
    return new Point(a.x() + ux * t, a.y() + uy * t);
  }

  private static boolean onSegment(Point a, Point b, Point p) {
    double v1 = a.distanceTo(b);
    double v2 = a.distanceTo(p) + b.distanceTo(p);
    return sign(v2 - v1) == 0;
  }

  /** The source network. */
  public RoadNetwork network() {
    return network;
  }

  /** Number of lanes; lane drivables are indices 0..laneCount-1. */
  public int laneCount() {
    return laneCount;
  }

  /** Number of drivables (lanes and lane links). */
  public int drivableCount() {
    return drivableCount;
  }

  /** Number of conflict points. */
  public int crossCount() {
    return crossCount;
  }

  /** Length of drivable {@code d} (lane after trimming, or lane link), m. */
  public double lengthMeters(int d) {
    return length[d];
  }

  /** CityFlow lane id ({@code <road>_<index>}) of lane {@code lane}. */
  public String laneId(int lane) {
    return laneIds[lane];
  }

  /** Index of a lane by road id and lane index, or -1. */
  public int lane(String roadId, int laneIndex) {
    Integer r = roadIndex.get(roadId);
    if (r == null || laneIndex < 0 || laneIndex >= roadLaneCount[r]) {
      return -1;
    }
    return roadFirstLane[r] + laneIndex;
  }

  /** Number of lanes of road {@code road} (a road index). */
  public int lanesOfRoad(int road) {
    return roadLaneCount[road];
  }

  /** Index of a road by id, or -1. */
  public int road(String roadId) {
    Integer r = roadIndex.get(roadId);
    return r == null ? -1 : r;
  }

  /** Road index of lane {@code lane}. */
  public int laneRoad(int lane) {
    return laneRoad[lane];
  }

  /** Polyline of drivable {@code d}, m. */
  public List<Point> polyline(int d) {
    return polylines.get(d);
  }

  /**
   * Point at distance {@code s} along drivable {@code d} (clamped to its ends), and the heading
   * there in radians (atan2 of the direction).
   *
   * @param out receives {x, y, heading}
   */
  public void pointAt(int d, double s, double[] out) {
    List<Point> pts = polylines.get(d);
    double remaining = Math.max(0, s);
    for (int i = 1; i < pts.size(); i++) {
      Point a = pts.get(i - 1);
      Point b = pts.get(i);
      double len = a.distanceTo(b);
      if (remaining <= len || i == pts.size() - 1) {
        double t = len == 0 ? 0 : Math.min(1, remaining / len);
        out[0] = a.x() + (b.x() - a.x()) * t;
        out[1] = a.y() + (b.y() - a.y()) * t;
        out[2] = Math.atan2(b.y() - a.y(), b.x() - a.x());
        return;
      }
      remaining -= len;
    }
    Point p = pts.get(0);
    out[0] = p.x();
    out[1] = p.y();
    out[2] = 0;
  }

  /** Number of intersections (virtual ones included). */
  public int intersectionCount() {
    return intersectionIds.length;
  }

  /** Id of intersection {@code i}. */
  public String intersectionId(int i) {
    return intersectionIds[i];
  }

  /** True when intersection {@code i} is signalised. */
  public boolean isSignalized(int i) {
    return intersectionSignalized[i];
  }

  /** Lane-link drivables of intersection {@code i} (empty for virtual ones). */
  public int[] intersectionLaneLinks(int i) {
    return intersectionLaneLinks[i].clone();
  }

  /**
   * Length of lane {@code lane}'s road between the intersection centres at its ends (not
   * shortened by the intersections' width), or its declared length, m.
   */
  public double roadLengthMeters(int lane) {
    return roadLength[laneRoad[lane]];
  }

  /** Index of lane {@code lane} within its road (0 = innermost). */
  public int laneIndexInRoad(int lane) {
    return laneIndexInRoad[lane];
  }

  /** Intersection at the end of lane {@code lane}'s road. */
  public int laneEndIntersection(int lane) {
    return roadEndIntersection[laneRoad[lane]];
  }

  /** Id of road {@code road}. */
  public String roadId(int road) {
    return roadIds[road];
  }

  /** Movement type of lane-link drivable {@code link}. */
  public io.citybrain.traffic.network.RoadLinkType laneLinkType(int link) {
    int g = linkRoadLink[link - laneCount];
    return network
        .intersections()
        .get(roadLinkIntersection[g])
        .roadLinks()
        .get(roadLinkLocalIndex[g])
        .type();
  }

  /**
   * Speed limit of drivable {@code d}, m/s: its lane's, or for a lane link its approach speed
   * (its declared limit, else the turn speed on a turn and 10,000, no limit, when straight).
   */
  public double maxSpeedMetersPerSecond(int d) {
    return d < laneCount ? maxSpeed[d] : linkApproachSpeed[d - laneCount];
  }

  /** Start lane of lane-link drivable {@code link}. */
  public int laneLinkStartLane(int link) {
    return linkStartLane[link - laneCount];
  }

  /** End lane of lane-link drivable {@code link}. */
  public int laneLinkEndLane(int link) {
    return linkEndLane[link - laneCount];
  }

  /** Phases of intersection {@code i} (empty when unsignalised or virtual). */
  List<Phase> phases(int i) {
    return network.intersections().get(i).phases();
  }
}

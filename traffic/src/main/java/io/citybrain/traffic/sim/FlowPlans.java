package io.citybrain.traffic.sim;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.RouteNotFoundException;
import io.citybrain.traffic.demand.Router;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.network.Road;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drivable paths of every flow: for each admissible first lane, the full sequence of lanes
 * and lane links a vehicle of the flow drives, with lane changing off.
 *
 * <p>Lane choice follows CityFlow's router (router.cpp): the first lane is drawn at random among
 * the first road's lanes that can continue the route; at each intersection the vehicle takes,
 * among its lane's lane links into the next road whose end lane can continue the route, the one
 * whose end-lane index is closest to its current lane index (ties: first in roadnet order).
 * Unlike CityFlow, which only looks one road ahead, "can continue" is checked to the end of the
 * route, so no vehicle is ever routed into a lane with no way on.
 *
 * <p>Paths are shared by all vehicles of a flow (and by flows with the same route).
 */
public final class FlowPlans {
  /** Per flow: admissible first lanes (lane drivable indices), in lane order. */
  final int[][] firstLanes;

  /** Per flow, per entry of {@link #firstLanes}: the drivable path. */
  final int[][][] paths;

  /** Per flow: index into the vehicle-type table. */
  final int[] flowType;

  /** Distinct vehicle types. */
  final List<io.citybrain.traffic.demand.VehicleType> types;

  private FlowPlans(
      int[][] firstLanes,
      int[][][] paths,
      int[] flowType,
      List<io.citybrain.traffic.demand.VehicleType> types) {
    this.firstLanes = firstLanes;
    this.paths = paths;
    this.flowType = flowType;
    this.types = types;
  }

  /**
   * Completes every flow's route (shortest paths between anchor roads) and plans its lanes.
   *
   * @param network the compiled network
   * @param demand the flows, in file order
   * @param flowFileName the flow file's name, for error messages
   * @return the plans, one per flow
   * @throws InputValidationException listing every flow whose route is unreachable or has no
   *     lane-level path (location {@code flow[i].route})
   */
  public static FlowPlans compile(SimNetwork network, Demand demand, String flowFileName)
      throws InputValidationException {
    return compile(network, demand, flowFileName, new Router(network.network()));
  }

  /**
   * As {@link #compile(SimNetwork, Demand, String)}, reusing a router built for the same network.
   */
  public static FlowPlans compile(SimNetwork network, Demand demand, String flowFileName, Router router)
      throws InputValidationException {
    List<Flow> flows = demand.flows();
    int[][] firstLanes = new int[flows.size()][];
    int[][][] paths = new int[flows.size()][][];
    int[] flowType = new int[flows.size()];
    Map<io.citybrain.traffic.demand.VehicleType, Integer> typeIndex = new HashMap<>();
    List<io.citybrain.traffic.demand.VehicleType> types = new ArrayList<>();
    Map<List<String>, RoutePlan> cache = new HashMap<>();
    List<InputProblem> problems = new ArrayList<>();
    for (int f = 0; f < flows.size(); f++) {
      Flow flow = flows.get(f);
      flowType[f] =
          typeIndex.computeIfAbsent(
              flow.vehicle(),
              t -> {
                types.add(t);
                return types.size() - 1;
              });
      RoutePlan planned = cache.get(flow.route());
      if (planned == null) {
        try {
          List<Road> roads = router.completeRoute(flow.route());
          planned = plan(network, roads);
        } catch (RouteNotFoundException | IllegalArgumentException e) {
          planned = RoutePlan.invalid(e.getMessage());
        }
        cache.put(flow.route(), planned);
      }
      if (planned.error() != null) {
        problems.add(InputProblem.atJsonPath(flowFileName, "flow[" + f + "].route", planned.error()));
        firstLanes[f] = new int[0];
        paths[f] = new int[0][];
      } else {
        firstLanes[f] = planned.firstLanes();
        paths[f] = planned.paths();
      }
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    return new FlowPlans(firstLanes, paths, flowType, List.copyOf(types));
  }

  /** The lane plan of one route, or why it has none. */
  private record RoutePlan(int[] firstLanes, int[][] paths, String error) {
    static RoutePlan invalid(String error) {
      return new RoutePlan(null, null, error);
    }
  }

  private static RoutePlan plan(SimNetwork net, List<Road> roads) {
    int n = roads.size();
    int[] roadIdx = new int[n];
    for (int i = 0; i < n; i++) {
      roadIdx[i] = net.road(roads.get(i).id());
    }
    boolean[][] feasible = feasibleLanes(net, roadIdx);
    for (int i = n - 2; i >= 0; i--) {
      boolean any = false;
      for (boolean b : feasible[i]) {
        any |= b;
      }
      if (!any) {
        return RoutePlan.invalid(
          "no lane of road '"
              + net.roadIds[roadIdx[i]]
              + "' has a lane path to the end of the route via road '"
              + net.roadIds[roadIdx[i + 1]]
              + "'; expected consecutive roads joined by lane links");
      }
    }
    int r0 = roadIdx[0];
    int count = 0;
    for (boolean b : feasible[0]) {
      count += b ? 1 : 0;
    }
    int[] first = new int[count];
    int[][] paths = new int[count][];
    int c = 0;
    for (int k = 0; k < feasible[0].length; k++) {
      if (!feasible[0][k]) {
        continue;
      }
      int lane = net.roadFirstLane[r0] + k;
      first[c] = lane;
      int[] path = new int[2 * n - 1];
      fillPath(net, roadIdx, feasible, 0, lane, path);
      paths[c++] = path;
    }
    return new RoutePlan(first, paths, null);
  }

  /**
   * feasible[i][k]: lane k of road {@code roadIdx[i]} has a lane path to the end of the route.
   * Rows of roads none of whose lanes can continue are all false.
   */
  private static boolean[][] feasibleLanes(SimNetwork net, int[] roadIdx) {
    int n = roadIdx.length;
    boolean[][] feasible = new boolean[n][];
    feasible[n - 1] = new boolean[net.roadLaneCount[roadIdx[n - 1]]];
    Arrays.fill(feasible[n - 1], true);
    for (int i = n - 2; i >= 0; i--) {
      int r = roadIdx[i];
      feasible[i] = new boolean[net.roadLaneCount[r]];
      for (int k = 0; k < feasible[i].length; k++) {
        int lane = net.roadFirstLane[r] + k;
        for (int link : net.laneOutLinks[lane]) {
          int end = net.linkEndLane[link - net.laneCount];
          if (net.laneRoad[end] == roadIdx[i + 1]
              && feasible[i + 1][end - net.roadFirstLane[roadIdx[i + 1]]]) {
            feasible[i][k] = true;
            break;
          }
        }
      }
    }
    return feasible;
  }

  /**
   * Writes into {@code path}, from position 2·{@code from} on, the drivables driven from lane
   * {@code lane} of road {@code roadIdx[from]}: at each intersection the lane link into the next
   * road whose end lane can continue and whose end-lane index is closest to the current one (ties:
   * first in roadnet order).
   */
  private static void fillPath(
      SimNetwork net, int[] roadIdx, boolean[][] feasible, int from, int lane, int[] path) {
    path[2 * from] = lane;
    for (int i = from; i + 1 < roadIdx.length; i++) {
      int best = -1;
      int bestDiff = Integer.MAX_VALUE;
      int curIndex = net.laneIndexInRoad[lane];
      for (int link : net.laneOutLinks[lane]) {
        int end = net.linkEndLane[link - net.laneCount];
        if (net.laneRoad[end] != roadIdx[i + 1]
            || !feasible[i + 1][end - net.roadFirstLane[roadIdx[i + 1]]]) {
          continue;
        }
        int diff = Math.abs(net.laneIndexInRoad[end] - curIndex);
        if (diff < bestDiff) {
          bestDiff = diff;
          best = link;
        }
      }
      path[2 * i + 1] = best;
      lane = net.linkEndLane[best - net.laneCount];
      path[2 * i + 2] = lane;
    }
  }

  /**
   * The path of a vehicle that changes, at position {@code pos} of path {@code path} (a lane), to
   * lane {@code lane} of the same road: the same array up to {@code pos}, then the lanes and links
   * driven from {@code lane} to the end of the route. Null when {@code lane} has no lane path to
   * the end of the route (a lane change there is not allowed).
   */
  static int[] replan(SimNetwork net, int[] path, int pos, int lane) {
    int n = (path.length + 1) / 2;
    int from = pos / 2;
    int[] roadIdx = new int[n];
    for (int i = from; i < n; i++) {
      roadIdx[i] = net.laneRoad[path[2 * i]];
    }
    if (net.laneRoad[lane] != roadIdx[from]) {
      throw new IllegalArgumentException("lane " + lane + " is not on the road of path position " + pos);
    }
    int[] tail = Arrays.copyOfRange(roadIdx, from, n);
    boolean[][] feasible = feasibleLanes(net, tail);
    if (!feasible[0][lane - net.roadFirstLane[roadIdx[from]]]) {
      return null;
    }
    int[] out = path.clone();
    int[] sub = new int[2 * tail.length - 1];
    fillPath(net, tail, feasible, 0, lane, sub);
    System.arraycopy(sub, 0, out, 2 * from, sub.length);
    return out;
  }

  /** Number of flows. */
  public int flowCount() {
    return firstLanes.length;
  }
}

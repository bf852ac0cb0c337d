package io.citybrain.traffic.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Routing on small hand-built networks whose shortest paths are known. Junctions have width 0 and
 * roads are straight, so each road's cost is its length.
 *
 * <pre>
 *                B1 (100,100)
 *              /             \
 *  V0 --in--> A --A_B2--> B2 --B2_B3--> B3 --B3_C--> C --out--> V1
 *  (-100,0)   |(0,0)      (100,0)       (150,0)     (200,0)     (300,0)
 *            A_D
 *             v
 *             D (0,-100), a dead end
 * </pre>
 *
 * Via B1: 141.4 + 141.4 + 100 = 382.8 m; via B2 and B3: 100 + 50 + 50 + 100 = 300 m (more roads,
 * shorter).
 */
class RouterTest {
  private static final Map<String, Point> NODES =
      Map.of(
          "V0", new Point(-100, 0),
          "A", new Point(0, 0),
          "B1", new Point(100, 100),
          "B2", new Point(100, 0),
          "B3", new Point(150, 0),
          "C", new Point(200, 0),
          "V1", new Point(300, 0),
          "D", new Point(0, -100),
          "U", new Point(100, 100),
          "L", new Point(100, -100));

  private final Router router =
      new Router(
          network(
              List.of("V0", "V1", "D"),
              List.of("in V0 A", "A_B1 A B1", "B1_C B1 C", "A_B2 A B2", "B2_B3 B2 B3", "B3_C B3 C", "out C V1", "A_D A D"),
              List.of(
                  "in A_B1", "in A_B2", "in A_D", "A_B1 B1_C", "A_B2 B2_B3", "B2_B3 B3_C", "B1_C out", "B3_C out")));

  @Test
  void shortestPathMinimisesLengthNotRoadCount() {
    assertThat(ids(router.completeRoute(List.of("in", "out")))).containsExactly("in", "A_B2", "B2_B3", "B3_C", "out");
    assertThat(ids(router.shortestPath("in", "B3_C").orElseThrow())).containsExactly("in", "A_B2", "B2_B3", "B3_C");
  }

  @Test
  void adjacentAnchorsStayAsTheyAreAndGapsAreFilled() {
    assertThat(ids(router.completeRoute(List.of("in", "A_B1", "B1_C", "out"))))
        .containsExactly("in", "A_B1", "B1_C", "out");
    assertThat(ids(router.completeRoute(List.of("in", "A_B1", "out")))).containsExactly("in", "A_B1", "B1_C", "out");
    assertThat(ids(router.completeRoute(List.of("A_B2", "B3_C", "out")))).containsExactly("A_B2", "B2_B3", "B3_C", "out");
  }

  @Test
  void repeatedAnchorsAreSkippedAndOneRoadIsARoute() {
    assertThat(ids(router.completeRoute(List.of("in", "in", "A_B2", "A_B2")))).containsExactly("in", "A_B2");
    assertThat(ids(router.completeRoute(List.of("A_D")))).containsExactly("A_D");
    assertThat(ids(router.completeRoute(List.of("A_D", "A_D")))).containsExactly("A_D");
  }

  @Test
  void unreachableAnchorIsAClearError() {
    assertThat(router.reachable("A_D", "out")).isFalse();
    assertThat(router.shortestPath("A_D", "out")).isEmpty();
    assertThat(router.reachable("out", "in")).isFalse();
    RouteNotFoundException e =
        catchThrowableOfType(RouteNotFoundException.class, () -> router.completeRoute(List.of("in", "A_D", "out")));
    assertThat(e.anchorIndex()).isEqualTo(2);
    assertThat(e.fromRoadId()).isEqualTo("A_D");
    assertThat(e.toRoadId()).isEqualTo("out");
    assertThat(e).hasMessageContaining("no path from road 'A_D' (anchor 1) to road 'out' (anchor 2)");
  }

  @Test
  void unknownRoadsAndEmptyRoutesAreBadArguments() {
    assertThatThrownBy(() -> router.completeRoute(List.of("in", "nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("route anchor 1 'nowhere' is not a road of the network");
    assertThatThrownBy(() -> router.completeRoute(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> router.connected("in", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adjacencyFollowsRoadLinks() {
    assertThat(ids(router.nextRoads("in"))).containsExactly("A_B1", "A_B2", "A_D");
    assertThat(router.connected("in", "A_B2")).isTrue();
    assertThat(router.connected("A_B2", "in")).isFalse();
    assertThat(router.nextRoads("A_D")).isEmpty();
  }

  @Test
  void equalCostPathsAreBrokenByRoadOrder() {
    // a symmetric diamond: in -> A, then via U or via L (both 141.4 + 141.4 m) to C, then out
    List<String> upper = List.of("A_U A U", "U_C U C");
    List<String> lower = List.of("A_L A L", "L_C L C");
    List<String> links = List.of("in A_U", "in A_L", "A_U U_C", "A_L L_C", "U_C out", "L_C out");

    Router upperFirst = new Router(network(List.of("V0", "V1"), roads(upper, lower), links));
    Router lowerFirst = new Router(network(List.of("V0", "V1"), roads(lower, upper), links));

    assertThat(ids(upperFirst.completeRoute(List.of("in", "out")))).containsExactly("in", "A_U", "U_C", "out");
    assertThat(ids(lowerFirst.completeRoute(List.of("in", "out")))).containsExactly("in", "A_L", "L_C", "out");
    for (int i = 0; i < 5; i++) {
      assertThat(ids(new Router(upperFirst.network()).completeRoute(List.of("in", "out"))))
          .containsExactly("in", "A_U", "U_C", "out");
    }
  }

  private static List<String> roads(List<String> first, List<String> second) {
    List<String> roads = new ArrayList<>(List.of("in V0 A"));
    roads.addAll(first);
    roads.addAll(second);
    roads.add("out C V1");
    return roads;
  }

  private static List<String> ids(List<Road> roads) {
    return roads.stream().map(Road::id).toList();
  }

  /**
   * @param virtualNodes ids of the boundary nodes
   * @param roadSpecs "id from to", one 4 m lane at 10 m/s, straight
   * @param linkSpecs "fromRoad toRoad", a one-lane-link road link at the from road's end
   */
  private static RoadNetwork network(List<String> virtualNodes, List<String> roadSpecs, List<String> linkSpecs) {
    List<Road> roads =
        roadSpecs.stream()
            .map(s -> s.split(" "))
            .map(s -> new Road(s[0], s[1], s[2], List.of(NODES.get(s[1]), NODES.get(s[2])), List.of(new Lane(4, 10))))
            .toList();
    Map<String, Road> byId = roads.stream().collect(Collectors.toMap(Road::id, Function.identity()));
    List<String> nodeIds =
        roads.stream().flatMap(r -> Arrays.stream(new String[] {r.startIntersectionId(), r.endIntersectionId()}))
            .distinct()
            .toList();
    List<Intersection> intersections = new ArrayList<>();
    for (String node : nodeIds) {
      List<String> touching =
          roads.stream()
              .filter(r -> r.startIntersectionId().equals(node) || r.endIntersectionId().equals(node))
              .map(Road::id)
              .toList();
      List<RoadLink> links =
          linkSpecs.stream()
              .map(s -> s.split(" "))
              .filter(s -> byId.get(s[0]).endIntersectionId().equals(node))
              .map(s -> new RoadLink(RoadLinkType.GO_STRAIGHT, s[0], s[1], List.of(new LaneLink(0, 0, List.of()))))
              .toList();
      boolean virtual = virtualNodes.contains(node);
      intersections.add(new Intersection(node, NODES.get(node), 0, virtual, touching, links, List.of()));
    }
    return new RoadNetwork(intersections, roads);
  }
}

package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import static io.citybrain.traffic.io.CBEngineInputs.removeLine;
import static io.citybrain.traffic.io.CBEngineInputs.replaceLine;
import static io.citybrain.traffic.io.CBEngineInputs.roadnet;
import static io.citybrain.traffic.io.CBEngineInputs.roadnetProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadLinkType;
import io.citybrain.traffic.network.RoadNetwork;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CBEngine roadnet reader on the format's 1×1 example (bundled as {@code roadnet_1x1.txt}) and
 * on one edit of it per class of mistake. Lines of the example: 1 intersection count, 2–6
 * intersections (0 the signalised centre; 1 north, 2 east, 3 south, 4 west of it), 7 road count,
 * 8–19 four road records of three lines (record, permissions of direction 1, of direction 2), 20
 * signal count, 21 the centre's signal line {@code 0 1 3 5 7}.
 */
class CBEngineRoadnetReaderTest {
  private static final String EXAMPLE = CBEngineInputs.text("roadnet_1x1.txt");

  /** One degree of latitude on the projection's sphere, m: R·π/180. */
  private static final double DEGREE = CBEngineRoadnetReader.EARTH_RADIUS_METERS * Math.PI / 180;

  @Test
  void exampleProjectsAboutTheMeanPositionAndKeepsDeclaredLengths() {
    RoadNetwork network = roadnet(EXAMPLE);

    assertThat(network.intersections()).hasSize(5);
    assertThat(network.roads()).hasSize(8);
    assertThat(network.signalizedIntersectionCount()).isEqualTo(1);
    // mean latitude 30, mean longitude 120: the centre is the origin
    assertThat(point("0", network)).isEqualTo(new Point(0, 0));
    assertThat(point("1", network).y()).isCloseTo(DEGREE, within(1e-6));
    assertThat(point("1", network).y()).isCloseTo(111_195.08, within(0.01));
    assertThat(point("2", network).x()).isCloseTo(DEGREE * Math.cos(Math.toRadians(30)), within(1e-6));
    assertThat(point("4", network).x()).isCloseTo(-DEGREE * Math.cos(Math.toRadians(30)), within(1e-6));
    assertThat(point("3", network).y()).isCloseTo(-DEGREE, within(1e-6));

    Road r1 = network.road("1").orElseThrow();
    Road r2 = network.road("2").orElseThrow();
    assertThat(r1.startIntersectionId()).isEqualTo("0");
    assertThat(r1.endIntersectionId()).isEqualTo("1");
    assertThat(r2.startIntersectionId()).isEqualTo("1");
    assertThat(r2.endIntersectionId()).isEqualTo("0");
    // 111 km apart on the map, 30 m long in the file: the file's length is what is driven
    assertThat(r1.polylineLengthMeters()).isGreaterThan(100_000);
    assertThat(network.roads()).allSatisfy(r -> {
      assertThat(r.lengthMeters()).isEqualTo(30.0);
      assertThat(r.lanes()).containsExactly(new Lane(4, 20), new Lane(4, 20), new Lane(4, 20));
      assertThat(r.points()).hasSize(2);
    });
    // network order: road records in file order, direction 1 before direction 2
    assertThat(network.roads().stream().map(Road::id)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
  }

  @Test
  void deadEndsAreVirtualAndTheCentreIsSignalisedWithTheChallengesPhases() {
    RoadNetwork network = roadnet(EXAMPLE);
    Intersection centre = network.intersection("0").orElseThrow();

    assertThat(network.intersections().stream().filter(Intersection::virtual).map(Intersection::id))
        .containsExactly("1", "2", "3", "4");
    assertThat(centre.virtual()).isFalse();
    assertThat(centre.widthMeters()).isEqualTo(CBEngineRoadnetReader.INTERSECTION_WIDTH_METERS);
    assertThat(centre.roadIds()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    // approaches 1-4 (N, E, S, W) come in on roads 2, 4, 6, 8 and leave on 1, 3, 5, 7; left turns
    // go one approach clockwise (from the north, heading south, left is east), straight two, right three
    Map<String, RoadLinkType> movements =
        centre.roadLinks().stream()
            .collect(Collectors.toMap(l -> l.startRoadId() + ">" + l.endRoadId(), RoadLink::type));
    assertThat(movements)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("2>3", RoadLinkType.TURN_LEFT), Map.entry("2>5", RoadLinkType.GO_STRAIGHT),
                Map.entry("2>7", RoadLinkType.TURN_RIGHT), Map.entry("4>5", RoadLinkType.TURN_LEFT),
                Map.entry("4>7", RoadLinkType.GO_STRAIGHT), Map.entry("4>1", RoadLinkType.TURN_RIGHT),
                Map.entry("6>7", RoadLinkType.TURN_LEFT), Map.entry("6>1", RoadLinkType.GO_STRAIGHT),
                Map.entry("6>3", RoadLinkType.TURN_RIGHT), Map.entry("8>1", RoadLinkType.TURN_LEFT),
                Map.entry("8>3", RoadLinkType.GO_STRAIGHT), Map.entry("8>5", RoadLinkType.TURN_RIGHT)));

    List<Phase> phases = centre.phases();
    assertThat(phases).hasSize(9);
    assertThat(phases.get(0).timeSeconds()).isEqualTo(5.0);
    assertThat(phases.subList(1, 9)).allSatisfy(p -> assertThat(p.timeSeconds()).isEqualTo(30.0));
    List<String> rights = List.of("2>7", "4>1", "6>3", "8>5");
    assertThat(green(centre, 0)).containsExactlyInAnyOrderElementsOf(rights);
    // the challenge's phase k, plus every right turn
    assertThat(green(centre, 1)).containsExactlyInAnyOrderElementsOf(plus(rights, "2>3", "6>7"));
    assertThat(green(centre, 2)).containsExactlyInAnyOrderElementsOf(plus(rights, "2>5", "6>1"));
    assertThat(green(centre, 3)).containsExactlyInAnyOrderElementsOf(plus(rights, "4>5", "8>1"));
    assertThat(green(centre, 4)).containsExactlyInAnyOrderElementsOf(plus(rights, "4>7", "8>3"));
    assertThat(green(centre, 5)).containsExactlyInAnyOrderElementsOf(plus(rights, "2>3", "2>5"));
    assertThat(green(centre, 6)).containsExactlyInAnyOrderElementsOf(plus(rights, "4>5", "4>7"));
    assertThat(green(centre, 7)).containsExactlyInAnyOrderElementsOf(plus(rights, "6>7", "6>1"));
    assertThat(green(centre, 8)).containsExactlyInAnyOrderElementsOf(plus(rights, "8>1", "8>3"));
  }

  @Test
  void laneLinksFanOutFromEveryPermittedLaneToEveryLaneOfTheExit() {
    // permissions "1 0 0  0 1 0  0 1 1": lane 0 left, lane 1 straight, lane 2 straight and right
    Intersection centre = roadnet(EXAMPLE).intersection("0").orElseThrow();
    RoadLink left = link(centre, "2", "3");
    RoadLink straight = link(centre, "2", "5");
    RoadLink right = link(centre, "2", "7");

    assertThat(left.laneLinks()).extracting(LaneLink::startLaneIndex, LaneLink::endLaneIndex)
        .containsExactly(pair(0, 0), pair(0, 1), pair(0, 2));
    assertThat(straight.laneLinks()).extracting(LaneLink::startLaneIndex, LaneLink::endLaneIndex)
        .containsExactly(pair(1, 0), pair(1, 1), pair(1, 2), pair(2, 0), pair(2, 1), pair(2, 2));
    assertThat(right.laneLinks()).extracting(LaneLink::startLaneIndex, LaneLink::endLaneIndex)
        .containsExactly(pair(2, 0), pair(2, 1), pair(2, 2));
    assertThat(centre.roadLinks()).allSatisfy(l -> assertThat(l.laneLinks()).allSatisfy(ll -> assertThat(ll.points()).isEmpty()));
  }

  @Test
  void signalLinesMayNameIncomingRoadsCommentsAndBlankLinesAreIgnored() {
    RoadNetwork expected = roadnet(EXAMPLE);
    // the incoming roads of the four approaches instead of the outgoing ones
    assertThat(roadnet(replaceLine(EXAMPLE, 21, "0 2 4 6 8"))).isEqualTo(expected);
    // the documentation's annotated form: comments, tabs, blank lines, leading zeros
    String annotated =
        EXAMPLE.replace("5\n30 120 0 1", "5 // intersection data\n\n30\t120 0 1 // latitude, longitude, inter_id, signalised")
            .replace("0 4 30 20 3 3 7 8", "00 4 30.0 20 3 3 007 8 // road record")
            .replace("\n1\n0 1 3 5 7", "\n1 // traffic signal data\n0 1 3 5 7 // inter_id, approaches");
    assertThat(annotated).contains("//").contains("007");
    assertThat(roadnet(annotated)).isEqualTo(expected);
  }

  @Test
  void flagZeroOrNoSignalLineMakesAnUnsignalisedJunctionWithTurnsFromGeometry() {
    RoadNetwork flagZero = roadnet(replaceLine(EXAMPLE, 2, "30 120 0 0"));
    RoadNetwork noSignalLine = roadnet(removeLine(replaceLine(EXAMPLE, 20, "0"), 21));
    RoadNetwork signalised = roadnet(EXAMPLE);

    for (RoadNetwork network : List.of(flagZero, noSignalLine)) {
      Intersection centre = network.intersection("0").orElseThrow();
      assertThat(centre.virtual()).isFalse();
      assertThat(centre.phases()).isEmpty();
      assertThat(centre.signalized()).isFalse();
      assertThat(network.signalizedIntersectionCount()).isZero();
      // on this cross the geometric turns are the approaches' turns; no U-turns
      Map<String, RoadLinkType> fromGeometry =
          centre.roadLinks().stream().collect(Collectors.toMap(l -> l.startRoadId() + ">" + l.endRoadId(), RoadLink::type));
      Map<String, RoadLinkType> fromSignal =
          signalised.intersection("0").orElseThrow().roadLinks().stream()
              .collect(Collectors.toMap(l -> l.startRoadId() + ">" + l.endRoadId(), RoadLink::type));
      assertThat(fromGeometry).isEqualTo(fromSignal);
    }
  }

  @Test
  void turnTypesFollowTheSignedAngleBetweenRoads() {
    Point o = new Point(0, 0);
    Point south = new Point(0, -100);
    // a vehicle heading north (from the south)
    assertThat(CBEngineRoadnetReader.turn(south, o, o, new Point(10, 100))).isEqualTo(RoadLinkType.GO_STRAIGHT);
    assertThat(CBEngineRoadnetReader.turn(south, o, o, new Point(-99, 100))).isEqualTo(RoadLinkType.GO_STRAIGHT);
    assertThat(CBEngineRoadnetReader.turn(south, o, o, new Point(-101, 100))).isEqualTo(RoadLinkType.TURN_LEFT);
    assertThat(CBEngineRoadnetReader.turn(south, o, o, new Point(-100, -50))).isEqualTo(RoadLinkType.TURN_LEFT);
    assertThat(CBEngineRoadnetReader.turn(south, o, o, new Point(100, 0))).isEqualTo(RoadLinkType.TURN_RIGHT);
    assertThat(CBEngineRoadnetReader.turn(south, o, o, new Point(100, -50))).isEqualTo(RoadLinkType.TURN_RIGHT);
  }

  // ------------------------------------------------------------------ malformed files

  /** Line, replacement, the line a problem is reported on, and a part of its message. */
  @ParameterizedTest(name = "line {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | 30 abc 0 1 | 2 | longitude is 'abc'; expected a finite decimal number",
        "2 | 30 120 0 | 2 | has 3 fields ('30 120 0'); expected 4: latitude, longitude, intersection id, signalised",
        "2 | 95 120 0 1 | 2 | latitude is 95; expected degrees in -90..90",
        "2 | 30 120 0 2 | 2 | signalised flag is 2; expected 0 (no signal) or 1",
        "3 | 31 120 x1 0 | 3 | intersection id is 'x1'; expected an id (an integer >= 0)",
        "4 | 30 121 1 0 | 4 | intersection 1 is defined twice (first on line 3)",
        "8 | 0 9 30 20 3 3 1 2 | 8 | to intersection 9 is not an intersection of this roadnet",
        "8 | 0 1 thirty 20 3 3 1 2 | 8 | length is 'thirty'; expected a finite decimal number",
        "8 | 0 1 0 20 3 3 1 2 | 8 | length is 0; expected a length in m > 0",
        "8 | 0 1 30 -20 3 3 1 2 | 8 | speed limit is -20; expected a speed in m/s > 0",
        "8 | 0 1 30 20 0 3 1 2 | 8 | lane count of direction 1 is 0; expected an integer in 1..100",
        "8 | 0 0 30 20 3 3 1 2 | 8 | starts and ends at intersection 0; expected two different intersections",
        "8 | 0 1 30 20 3 3 1 1 | 8 | both directions have road id 1; expected two different road ids",
        "11 | 0 2 30 20 3 3 3 1 | 11 | road 1 is defined twice (first on line 8); expected unique road ids",
        "8 | 0 1 30 20 3 3 1 | 8 | has 7 fields ('0 1 30 20 3 3 1'); expected 8: from and to intersection ids",
        "9 | 1 0 0 0 1 0 0 1 | 9 | lane permissions of direction 1 (road 1) have 8 values; expected 9: 3 (left, straight, right; 0 or 1) for each of its 3 lanes",
        "10 | 1 0 0 0 1 0 0 2 1 | 10 | lane permissions of direction 2 (road 2): value 8 is '2'; expected 0 or 1",
        "21 | 9 1 3 5 7 | 21 | intersection 9 is not an intersection of this roadnet",
        "21 | 0 1 3 5 99 | 21 | approach 4 (west) is road 99, which is not a road of this roadnet",
        "21 | 0 1 3 5 x | 21 | approach 4 (west) is 'x'; expected an integer",
        "21 | 0 1 3 5 2 | 21 | approach 4 (west) is road 2, but approach 1 already names this road or its reverse",
        "21 | 0 1 3 5 -1 | 21 | the signal line of intersection 0 leaves out road 8 (and its reverse 7, record on line 17)",
        "21 | 0 1 3 5 7 0 | 21 | has 6 fields ('0 1 3 5 7 0'); expected 5: intersection id and the road ids",
        "20 | x | 20 | signalised intersections is 'x'; expected an integer",
      })
  void eachMistakeIsReportedAtItsLine(int line, String replacement, int reportedLine, String message) {
    List<InputProblem> problems = roadnetProblems(replaceLine(EXAMPLE, line, replacement));

    assertThat(problems).as(problems.toString()).hasSize(1);
    assertThat(problems.get(0).location()).isEqualTo("line " + reportedLine);
    assertThat(problems.get(0).message()).contains(message);
  }

  @Test
  void aSignalLineNamingARoadElsewhereIsReported() {
    // a fifth intersection north of the north one, joined by road 9/10: road 9 is not at the centre
    String text =
        EXAMPLE.replaceFirst("^5\n", "6\n").replace("30 119 4 0\n", "30 119 4 0\n32 120 5 0\n")
            .replace("\n4\n0 1 30", "\n5\n1 5 40 20 3 3 9 10\n1 0 0 0 1 0 0 0 1\n1 0 0 0 1 0 0 0 1\n0 1 30")
            .replace("0 1 3 5 7", "0 9 3 5 7");
    List<InputProblem> problems = roadnetProblems(text);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location()).isEqualTo("line 25");
    assertThat(problems.get(0).message())
        .contains("approach 1 (north) is road 9, which runs from intersection 1 to 5; expected a road that starts or ends"
            + " at intersection 0");
  }

  @Test
  void countsThatDoNotMatchTheRecordsAreNamed() {
    assertThat(roadnetProblems(replaceLine(EXAMPLE, 1, "6")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.location()).isEqualTo("line 7");
          assertThat(p.message()).contains("the intersection count (6) is larger than the number of intersection lines (5)");
        });
    assertThat(roadnetProblems(replaceLine(EXAMPLE, 1, "4")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.location()).isEqualTo("line 6");
          assertThat(p.message()).contains("expected 1: the number of road records").contains("If this line is one of the intersections");
        });
    assertThat(roadnetProblems(replaceLine(EXAMPLE, 7, "5")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.location()).isEqualTo("line 20");
          assertThat(p.message()).contains("the road record count (5) is larger than the number of road records (4)");
        });
    assertThat(roadnetProblems(replaceLine(EXAMPLE, 20, "2")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.location()).isEqualTo("line 21");
          assertThat(p.message()).contains("the file ends after 1 of the 2 signal lines its count announces");
        });
    assertThat(roadnetProblems(EXAMPLE + "\n0 1 3 5 7\n"))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.location()).isEqualTo("line 22");
          assertThat(p.message()).contains("unexpected content after the 1 signal lines; expected the end of the file");
        });
    assertThat(roadnetProblems(EXAMPLE.substring(0, EXAMPLE.indexOf("0 4 30 20"))))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("the file ends after 3 of the 4 road records"));
  }

  @Test
  void everyProblemIsReportedTogetherInFileOrder() {
    String text = replaceLine(replaceLine(replaceLine(EXAMPLE, 3, "31 120 1 7"), 11, "0 2 -30 20 3 3 3 4"), 21, "0 1 3 5 77");
    List<InputProblem> problems = roadnetProblems(text);

    assertThat(problems).extracting(InputProblem::location).containsExactly("line 3", "line 11", "line 21");
    assertThat(problems.get(0).format()).startsWith("bad_roadnet.txt: line 3: signalised flag is 7");
  }

  @Test
  void twoIntersectionsAtOnePositionCannotBeJoinedByARoad() {
    List<InputProblem> problems = roadnetProblems(replaceLine(EXAMPLE, 3, "30 120 1 0"));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("line 8");
      assertThat(p.message()).contains("intersections 0 and 1 of roads 1 and 2 are at the same position");
    });
  }

  private static Point point(String id, RoadNetwork network) {
    return network.intersection(id).orElseThrow().point();
  }

  private static List<String> green(Intersection in, int phase) {
    return in.phases().get(phase).availableRoadLinks().stream()
        .map(i -> in.roadLinks().get(i))
        .map(l -> l.startRoadId() + ">" + l.endRoadId())
        .toList();
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> all = new java.util.ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private static RoadLink link(Intersection in, String from, String to) {
    return in.roadLinks().stream()
        .filter(l -> l.startRoadId().equals(from) && l.endRoadId().equals(to))
        .findFirst()
        .orElseThrow();
  }

  private static org.assertj.core.groups.Tuple pair(int a, int b) {
    return org.assertj.core.groups.Tuple.tuple(a, b);
  }
}

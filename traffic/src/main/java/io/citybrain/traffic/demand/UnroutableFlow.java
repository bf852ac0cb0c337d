package io.citybrain.traffic.demand;

import io.citybrain.commons.input.InputLocation;
import io.citybrain.commons.input.InputProblem;

/**
 * A flow whose route cannot be driven: two consecutive roads of it are not joined by a movement
 * the network allows (a U-turn, a turn no lane permits, roads that do not meet, or no chain of
 * road links between two anchors). Real-city flow files have such trips; the simulator skips the
 * flow and runs the rest, or refuses the file in strict mode.
 *
 * @param flowIndex index of the flow in the flow file (0-based, file order)
 * @param flowId the flow's id (e.g. {@code flow_12})
 * @param fromRoadId the road the vehicle would leave
 * @param toRoadId the road it cannot reach from there
 * @param file the flow file's name as the user gave it
 * @param where where in the file: a line or a JSON path such as {@code flow[12].route}
 * @param reason why the pair is not drivable and what was expected
 */
public record UnroutableFlow(
    int flowIndex, String flowId, String fromRoadId, String toRoadId, String file, InputLocation where, String reason) {

  /** Where in the file, in words: {@code line N} or {@code flow[12].route}. */
  public String location() {
    return where.describe();
  }

  /** The same account as an input problem, for strict loading. */
  public InputProblem problem() {
    return new InputProblem(file, where, message());
  }

  /**
   * The one-line account given to users: the flow, the road pair and why, e.g. {@code flow_12
   * cannot drive from road 7 to road 9: that is a U-turn ...}.
   */
  public String message() {
    return flowId + " cannot drive from road " + fromRoadId + " to road " + toRoadId + ": " + reason;
  }
}

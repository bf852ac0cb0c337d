package io.citybrain.traffic.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Self-organising traffic lights, SOTL (Gershenson, "Self-organizing traffic lights", Complex
 * Systems 16, 2005; Cools, Gershenson and D'Hooghe, "Self-organizing traffic lights: a realistic
 * simulation", 2013), in the multi-phase form used by the signal-control benchmarks: after the
 * minimum green, the light moves to the next green phase in cycle order when the vehicles
 * waiting for red movements reach {@code redThresholdVehicles} while the current green serves at
 * most {@code greenThresholdVehicles} approaching vehicles (so a platoon is not cut). Vehicles
 * are counted on the movements' incoming lanes within {@code detectionRangeMeters} of the stop
 * line. Decisions every second.
 */
public final class Sotl implements SignalControllerProvider {

  @Override
  public String name() {
    return "sotl";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "self-organising traffic lights: switch when red demand builds up and green is clear (Gershenson 2005)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> timing = ParameterSpec.timing(10, 5, 1);
    return List.of(
        timing.get(0),
        timing.get(1),
        timing.get(2),
        new ParameterSpec(
            "redThresholdVehicles", 6, 1, 1000, "vehicles", "vehicles waiting at red that call for a switch"),
        new ParameterSpec(
            "greenThresholdVehicles", 2, 0, 1000, "vehicles", "approaching green vehicles that hold the green"),
        new ParameterSpec(
            "detectionRangeMeters", 60, 1, 10000, "m", "detector range upstream of the stop line"));
  }

  @Override
  public SignalController create(ControllerParameters p) {
    double red = p.get("redThresholdVehicles");
    double green = p.get("greenThresholdVehicles");
    double range = p.get("detectionRangeMeters");
    return (intersection, observation) -> {
      List<Integer> greens = intersection.greenPhases();
      int current = observation.currentPhase(intersection.index());
      if (observation.timeSeconds() == 0 || !greens.contains(current)) {
        return PhaseDecision.of(greens.get(0));
      }
      int onGreen = 0;
      int waitingRed = 0;
      List<Integer> greenMovements = intersection.phases().get(current).greenMovements();
      Set<Integer> greenIncoming = new HashSet<>();
      for (int m : greenMovements) {
        for (LaneLinkLayout l : intersection.movements().get(m).laneLinks()) {
          greenIncoming.add(l.startLane());
        }
      }
      for (int lane : greenIncoming) {
        onGreen += observation.laneVehicleCountWithin(lane, range);
      }
      for (int lane : intersection.incomingLanes()) {
        if (!greenIncoming.contains(lane)) {
          waitingRed += observation.laneWaitingCount(lane);
        }
      }
      if (waitingRed >= red && onGreen <= green) {
        int at = greens.indexOf(current);
        return PhaseDecision.of(greens.get((at + 1) % greens.size()));
      }
      return PhaseDecision.of(current);
    };
  }
}

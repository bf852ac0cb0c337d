package io.citybrain.traffic.sim;

import io.citybrain.traffic.control.EmergencyApproach;
import io.citybrain.traffic.control.Observation;
import io.citybrain.traffic.demand.Flow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The detector view of a {@link Simulation} handed to controllers: counts, positions and speeds
 * only, plus emergency vehicles' approach notices (lane, distance, speed, next road). Package-private
 * so that controllers cannot reach the simulation through it.
 */
final class SimObservation implements Observation {
  private final Simulation sim;
  private final SignalTimer timer;

  /** Per flow index: true for emergency flows; null when the demand has none. */
  private final boolean[] emergencyFlow;
  /** Step for which {@link #notices} was built, or -1. */
  private int noticeStep = -1;
  /** Approach notices by intersection index, for {@link #noticeStep}. */
  private final List<List<EmergencyApproach>> notices;

  SimObservation(Simulation sim, SignalTimer timer) {
    this.sim = sim;
    this.timer = timer;
    List<Flow> flows = sim.demand().flows();
    boolean[] flags = new boolean[flows.size()];
    boolean any = false;
    for (int f = 0; f < flows.size(); f++) {
      flags[f] = flows.get(f).emergency();
      any |= flags[f];
    }
    emergencyFlow = any ? flags : null;
    notices = new ArrayList<>();
    for (int i = 0; i < sim.net.intersectionIds.length; i++) {
      notices.add(new ArrayList<>());
    }
  }

  @Override
  public double timeSeconds() {
    return sim.timeSeconds();
  }

  @Override
  public int laneVehicleCount(int lane) {
    checkLane(lane);
    return sim.vehicleCount(lane);
  }

  @Override
  public int laneWaitingCount(int lane) {
    checkLane(lane);
    return sim.waitingVehicleCount(lane);
  }

  @Override
  public double laneLengthMeters(int lane) {
    checkLane(lane);
    return sim.net.length[lane];
  }

  @Override
  public double roadLengthMeters(int lane) {
    checkLane(lane);
    return sim.net.roadLengthMeters(lane);
  }

  @Override
  public double laneSpeedLimitMetersPerSecond(int lane) {
    checkLane(lane);
    return sim.net.maxSpeed[lane];
  }

  @Override
  public int laneVehicleCountWithin(int lane, double rangeMeters) {
    checkLane(lane);
    int n = sim.vehicleCount(lane);
    double len = sim.net.length[lane];
    int c = 0;
    for (int k = 0; k < n; k++) {
      if (len - sim.vehiclePosition(sim.vehicleAt(lane, k)) <= rangeMeters) {
        c++;
      } else {
        break;
      }
    }
    return c;
  }

  @Override
  public int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond) {
    checkLane(lane);
    int n = Math.min(sim.vehicleCount(lane), Math.min(distanceToEndMeters.length, speedsMetersPerSecond.length));
    double len = sim.net.length[lane];
    for (int k = 0; k < n; k++) {
      int v = sim.vehicleAt(lane, k);
      distanceToEndMeters[k] = len - sim.vehiclePosition(v);
      speedsMetersPerSecond[k] = sim.vehicleSpeed(v);
    }
    return n;
  }

  @Override
  public int currentPhase(int intersection) {
    return sim.phase(intersection);
  }

  @Override
  public double phaseElapsedSeconds(int intersection) {
    return timer.phaseElapsedSeconds(intersection);
  }

  @Override
  public List<EmergencyApproach> emergencyApproaches(int intersection) {
    if (intersection < 0 || intersection >= notices.size()) {
      throw new IndexOutOfBoundsException(
          "no intersection " + intersection + "; intersections are 0.." + (notices.size() - 1));
    }
    if (emergencyFlow == null) {
      return List.of();
    }
    if (noticeStep != sim.stepCount()) {
      collectNotices();
    }
    List<EmergencyApproach> list = notices.get(intersection);
    return list.isEmpty() ? List.of() : Collections.unmodifiableList(list);
  }

  /**
   * Finds every emergency vehicle on a lane that ends at an intersection, or queued to enter such
   * a lane at the network's edge (announced at the lane's start, standing), and files its notice.
   */
  private void collectNotices() {
    for (List<EmergencyApproach> l : notices) {
      l.clear();
    }
    SimNetwork net = sim.net;
    for (int lane = 0; lane < net.laneCount; lane++) {
      int n = sim.vehicleCount(lane);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(lane, k);
        if (!emergencyFlow[sim.vehicleFlow(v)]) {
          continue;
        }
        int nextLane = sim.vehicleNextLane(v);
        if (nextLane < 0) {
          continue; // on its last road: no intersection ahead
        }
        int at = net.roadEndIntersection[net.laneRoad[lane]];
        notices
            .get(at)
            .add(
                new EmergencyApproach(
                    lane,
                    Math.max(0, net.length[lane] - sim.vehiclePosition(v)),
                    sim.vehicleSpeed(v),
                    net.roadIds[net.laneRoad[nextLane]]));
      }
      int queued = sim.entryQueueLength(lane);
      for (int k = 0; k < queued; k++) {
        int v = sim.entryQueueVehicle(lane, k);
        if (!emergencyFlow[sim.vehicleFlow(v)]) {
          continue;
        }
        int nextLane = sim.vehicleNextLane(v);
        if (nextLane < 0) {
          continue;
        }
        notices
            .get(net.roadEndIntersection[net.laneRoad[lane]])
            .add(new EmergencyApproach(lane, net.length[lane], 0, net.roadIds[net.laneRoad[nextLane]]));
      }
    }
    for (List<EmergencyApproach> l : notices) {
      if (l.size() > 1) {
        l.sort(Comparator.comparingDouble(EmergencyApproach::distanceToStopLineMeters));
      }
    }
    noticeStep = sim.stepCount();
  }

  private void checkLane(int lane) {
    if (lane < 0 || lane >= sim.net.laneCount) {
      throw new IndexOutOfBoundsException("no lane " + lane + "; lanes are 0.." + (sim.net.laneCount - 1));
    }
  }
}

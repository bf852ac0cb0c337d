package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Per-intersection queue and throughput accounting, for every non-virtual intersection. */
public final class IntersectionRecorder implements StepObserver {
  private final int[] intersections;
  private final int[][] incomingLanes;
  private final int[][] laneLinks;
  private final double[] queueSum;
  private final int[] maxQueue;
  private int steps;

  /** @param net the compiled network of the simulation to be observed */
  public IntersectionRecorder(SimNetwork net) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < net.intersectionCount(); i++) {
      if (net.intersectionLaneLinks(i).length > 0) {
        ids.add(i);
      }
    }
    intersections = ids.stream().mapToInt(Integer::intValue).toArray();
    incomingLanes = new int[intersections.length][];
    laneLinks = new int[intersections.length][];
    for (int k = 0; k < intersections.length; k++) {
      int[] links = net.intersectionLaneLinks(intersections[k]);
      laneLinks[k] = links;
      TreeSet<Integer> in = new TreeSet<>();
      for (int l : links) {
        in.add(net.laneLinkStartLane(l));
      }
      incomingLanes[k] = in.stream().mapToInt(Integer::intValue).toArray();
    }
    queueSum = new double[intersections.length];
    maxQueue = new int[intersections.length];
  }

  @Override
  public void afterStep(Simulation sim) {
    steps++;
    for (int k = 0; k < intersections.length; k++) {
      int q = 0;
      for (int lane : incomingLanes[k]) {
        q += sim.waitingVehicleCount(lane);
      }
      queueSum[k] += q;
      maxQueue[k] = Math.max(maxQueue[k], q);
    }
  }

  /**
   * Results so far, in network order.
   *
   * @param phaseChanges phase changes by intersection index (from the signal timer), or null
   */
  public List<IntersectionSummary> summaries(Simulation sim, long[] phaseChanges) {
    List<IntersectionSummary> out = new ArrayList<>(intersections.length);
    SimNetwork net = sim.network();
    for (int k = 0; k < intersections.length; k++) {
      long passed = 0;
      for (int l : laneLinks[k]) {
        passed += sim.laneLinkEntries(l);
      }
      double stoppedSeconds = queueSum[k] * sim.intervalSeconds();
      out.add(
          new IntersectionSummary(
              net.intersectionId(intersections[k]),
              net.isSignalized(intersections[k]),
              passed,
              steps == 0 ? 0 : queueSum[k] / steps,
              maxQueue[k],
              passed == 0 ? Double.NaN : stoppedSeconds / passed,
              phaseChanges == null ? 0 : phaseChanges[intersections[k]]));
    }
    return out;
  }
}

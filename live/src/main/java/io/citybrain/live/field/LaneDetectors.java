package io.citybrain.live.field;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The simulated city's detectors: one lane-area detector over each whole lane (a camera or radar
 * zone, like SUMO's E2 detector), grouped into stations by the intersection the lane ends at. Every
 * {@code intervalSteps} steps each station reports, per lane:
 *
 * <ul>
 *   <li>count: vehicles that entered the lane during the interval;
 *   <li>occupancy: the fraction of the lane's length covered by vehicles, averaged over the
 *       interval's steps (SUMO E2's occupancy, as a fraction);
 *   <li>mean speed: the mean of the speeds of the vehicles on the lane over the interval's steps,
 *       m/s, absent when none was there;
 *   <li>at the interval's end: vehicles present and halting (&lt; 0.1 m/s), and each one's distance
 *       to the stop line and speed, front first, anonymous.
 * </ul>
 *
 * The vehicles' identities never leave the simulator: the detector keeps only which slot was on
 * which lane, to count entries.
 */
public final class LaneDetectors implements StepObserver {
  private final LaneTable lanes;
  private final FieldClock clock;
  private final int intervalSteps;
  private final Consumer<DetectorReport> out;
  private final Map<String, int[]> stations = new LinkedHashMap<>();
  private final Map<String, Long> stationSeq = new LinkedHashMap<>();
  private Set<String> silenced = Set.of();

  private final int[] count;
  private final double[] occupancySum;
  private final double[] speedSum;
  private final int[] speedSamples;
  private int[] slotLane = new int[0];
  private double[] slotEnter = new double[0];
  private int samples;
  private long published;

  /**
   * @param lanes the network's lanes
   * @param clock the field's clock
   * @param intervalSteps steps per report, &ge; 1
   * @param out receives each station's report
   */
  public LaneDetectors(LaneTable lanes, FieldClock clock, int intervalSteps, Consumer<DetectorReport> out) {
    if (intervalSteps < 1) {
      throw new IllegalArgumentException("intervalSteps must be >= 1, got " + intervalSteps);
    }
    this.lanes = lanes;
    this.clock = clock;
    this.intervalSteps = intervalSteps;
    this.out = out;
    int n = lanes.size();
    count = new int[n];
    occupancySum = new double[n];
    speedSum = new double[n];
    speedSamples = new int[n];
    Map<String, List<Integer>> byStation = new LinkedHashMap<>();
    for (int lane = 0; lane < n; lane++) {
      byStation.computeIfAbsent(lanes.stationId(lane), s -> new ArrayList<>()).add(lane);
    }
    byStation.forEach((s, l) -> stations.put(s, l.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Stations that stop reporting (a silent detector rack), from now on; empty to restore all. */
  public void silence(Set<String> stationIds) {
    this.silenced = Set.copyOf(stationIds);
  }

  /** Station ids, in network order. */
  public List<String> stationIds() {
    return new ArrayList<>(stations.keySet());
  }

  /** Observations published so far (one per lane per report). */
  public long observationsPublished() {
    return published;
  }

  @Override
  public void afterStep(Simulation sim) {
    sample(sim);
    if (sim.stepCount() % intervalSteps == 0) {
      report(sim);
    }
  }

  private void sample(Simulation sim) {
    samples++;
    for (int lane = 0; lane < count.length; lane++) {
      int n = sim.vehicleCount(lane);
      if (n == 0) {
        continue;
      }
      double covered = 0;
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(lane, k);
        if (v >= slotLane.length) {
          int size = Math.max(v + 1, slotLane.length * 2);
          int old = slotLane.length;
          slotLane = Arrays.copyOf(slotLane, size);
          slotEnter = Arrays.copyOf(slotEnter, size);
          Arrays.fill(slotLane, old, size, -1);
        }
        double enter = sim.vehicleEnterTime(v);
        if (slotLane[v] != lane || slotEnter[v] != enter) {
          count[lane]++;
          slotLane[v] = lane;
          slotEnter[v] = enter;
        }
        covered += sim.vehicleLength(v);
        speedSum[lane] += sim.vehicleSpeed(v);
        speedSamples[lane]++;
      }
      occupancySum[lane] += Math.min(1.0, covered / lanes.lengthMeters(lane));
    }
  }

  /**
   * Reports the state before the first step (an empty network, over the interval before step 0),
   * which the centre's first decisions read, as the offline engine's first decisions read the
   * empty network.
   */
  public void reportInitial(Simulation sim) {
    report(sim);
  }

  private void report(Simulation sim) {
    long k = sim.stepCount();
    var start = clock.instantOfStep(k - Math.max(samples, intervalSteps));
    var end = clock.instantOfStep(k);
    for (Map.Entry<String, int[]> e : stations.entrySet()) {
      if (silenced.contains(e.getKey())) {
        continue;
      }
      List<DetectorObservation> obs = new ArrayList<>(e.getValue().length);
      for (int lane : e.getValue()) {
        int n = sim.vehicleCount(lane);
        double[] distances = new double[n];
        double[] speeds = new double[n];
        double len = lanes.lengthMeters(lane);
        for (int j = 0; j < n; j++) {
          int v = sim.vehicleAt(lane, j);
          distances[j] = len - sim.vehiclePosition(v);
          speeds[j] = sim.vehicleSpeed(v);
        }
        obs.add(new DetectorObservation(
            lanes.detectorId(lane),
            lanes.laneId(lane),
            start,
            end,
            count[lane],
            samples == 0 ? 0 : occupancySum[lane] / samples,
            speedSamples[lane] == 0 ? Double.NaN : speedSum[lane] / speedSamples[lane],
            n,
            sim.waitingVehicleCount(lane),
            distances,
            speeds));
      }
      long seq = stationSeq.merge(e.getKey(), 1L, Long::sum) - 1;
      out.accept(new DetectorReport(e.getKey(), seq, obs));
      published += obs.size();
    }
    Arrays.fill(count, 0);
    Arrays.fill(occupancySum, 0);
    Arrays.fill(speedSum, 0);
    Arrays.fill(speedSamples, 0);
    samples = 0;
  }
}

package io.citybrain.traffic.incident;

import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Point loop detectors on every lane of a simulated network, at fixed fractions of each lane's
 * length (for incident detection: an upstream and a downstream station per lane). Every {@code
 * intervalSteps} steps it hands the interval's {@link LoopInterval}s (lane order, then station
 * order) to a consumer.
 *
 * <ul>
 *   <li>count: vehicles whose front crossed the loop during the interval; a vehicle that crosses
 *       the loop and leaves the lane, or finishes its trip, in the same step is counted too;
 *   <li>occupancy: the fraction of the interval's steps at whose end a vehicle's body (front minus
 *       length to front) overlapped the loop, which starts at the station's position and is {@link
 *       #LOOP_LENGTH_METERS} long (a loop's occupancy, sampled once per step);
 *   <li>speed: the mean speed of the crossing vehicles at the end of their crossing step.
 * </ul>
 *
 * The detectors keep only which slot was where at the last step (no identity leaves them).
 */
public final class LoopDetectors implements StepObserver {
  /** Length of a loop along the lane, m: a 6 ft (1.8 m) inductive loop, rounded up. */
  public static final double LOOP_LENGTH_METERS = 2.0;

  private final SimNetwork net;
  private final int intervalSteps;
  private final Consumer<List<LoopInterval>> out;
  private final int laneCount;
  private final int stationsPerLane;
  private final double[] position; // lane * stationsPerLane + s
  private final int[] count;
  private final int[] occupiedSteps;
  private final double[] speedSum;
  private final int[] lastOccupiedStep;
  private int[] slotDrivable = new int[0];
  private double[] slotDis = new double[0];
  private double[] slotEnter = new double[0];
  private int stepsInInterval;
  private double intervalStart;

  /**
   * @param net the compiled network
   * @param stationFractions where the stations are on every lane, as fractions of its length,
   *     ascending, each in (0, 1)
   * @param intervalSteps steps per interval, &ge; 1
   * @param out receives each interval's measurements
   * @throws IllegalArgumentException for fractions out of (0, 1) or not ascending, or intervalSteps &lt; 1
   */
  public LoopDetectors(SimNetwork net, double[] stationFractions, int intervalSteps, Consumer<List<LoopInterval>> out) {
    if (intervalSteps < 1) {
      throw new IllegalArgumentException("intervalSteps must be >= 1, got " + intervalSteps);
    }
    for (int s = 0; s < stationFractions.length; s++) {
      double f = stationFractions[s];
      if (!(f > 0 && f < 1) || (s > 0 && !(f > stationFractions[s - 1]))) {
        throw new IllegalArgumentException("station fractions must be ascending in (0, 1), got " + Arrays.toString(stationFractions));
      }
    }
    this.net = net;
    this.intervalSteps = intervalSteps;
    this.out = out;
    this.laneCount = net.laneCount();
    this.stationsPerLane = stationFractions.length;
    position = new double[laneCount * stationsPerLane];
    for (int l = 0; l < laneCount; l++) {
      for (int s = 0; s < stationsPerLane; s++) {
        position[l * stationsPerLane + s] = stationFractions[s] * net.lengthMeters(l);
      }
    }
    count = new int[position.length];
    occupiedSteps = new int[position.length];
    speedSum = new double[position.length];
    lastOccupiedStep = new int[position.length];
    Arrays.fill(lastOccupiedStep, -1);
  }

  /** Stations per lane. */
  public int stationsPerLane() {
    return stationsPerLane;
  }

  /** Position of station {@code station} on lane {@code lane}, m from the lane's start. */
  public double positionMeters(int lane, int station) {
    return position[lane * stationsPerLane + station];
  }

  @Override
  public void afterStep(Simulation sim) {
    int drivables = net.drivableCount();
    for (int d = 0; d < drivables; d++) {
      int n = sim.vehicleCount(d);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(d, k);
        if (sim.vehicleIsShadow(v)) {
          continue;
        }
        grow(v);
        double dis = sim.vehiclePosition(v);
        double speed = sim.vehicleSpeed(v);
        double enter = sim.vehicleEnterTime(v);
        boolean known = slotEnter[v] == enter && slotDrivable[v] >= 0;
        int before = known ? slotDrivable[v] : -1;
        if (before >= 0 && before != d && before < laneCount) {
          crossed(before, slotDis[v], Double.POSITIVE_INFINITY, speed);
        }
        if (d < laneCount) {
          crossed(d, before == d ? slotDis[v] : Double.NEGATIVE_INFINITY, dis, speed);
          occupy(d, dis, sim.vehicleLength(v), sim.stepCount());
        }
        slotDrivable[v] = d;
        slotDis[v] = dis;
        slotEnter[v] = enter;
      }
    }
    stepsInInterval++;
    if (sim.stepCount() % intervalSteps == 0) {
      report(sim);
    }
  }

  @Override
  public void vehicleFinished(Simulation sim, int v, double travelTimeSeconds) {
    if (v < slotDrivable.length && slotDrivable[v] >= 0 && slotDrivable[v] < laneCount
        && slotEnter[v] == sim.vehicleEnterTime(v)) {
      crossed(slotDrivable[v], slotDis[v], Double.POSITIVE_INFINITY, sim.vehicleSpeed(v));
    }
    if (v < slotDrivable.length) {
      slotDrivable[v] = -1;
    }
  }

  /** Counts the stations of {@code lane} in (from, to] as crossed at {@code speed}. */
  private void crossed(int lane, double from, double to, double speed) {
    int base = lane * stationsPerLane;
    for (int s = 0; s < stationsPerLane; s++) {
      double p = position[base + s];
      if (p > from && p <= to) {
        count[base + s]++;
        speedSum[base + s] += speed;
      }
    }
  }

  /** Marks the stations under a vehicle body as occupied this step (once, however many bodies). */
  private void occupy(int lane, double front, double length, int step) {
    int base = lane * stationsPerLane;
    for (int s = 0; s < stationsPerLane; s++) {
      double p = position[base + s];
      if (p <= front && p + LOOP_LENGTH_METERS >= front - length && lastOccupiedStep[base + s] != step) {
        lastOccupiedStep[base + s] = step;
        occupiedSteps[base + s]++;
      }
    }
  }

  private void grow(int v) {
    if (v >= slotDrivable.length) {
      int size = Math.max(v + 1, slotDrivable.length * 2);
      int old = slotDrivable.length;
      slotDrivable = Arrays.copyOf(slotDrivable, size);
      slotDis = Arrays.copyOf(slotDis, size);
      slotEnter = Arrays.copyOf(slotEnter, size);
      Arrays.fill(slotDrivable, old, size, -1);
      Arrays.fill(slotEnter, old, size, Double.NaN);
    }
  }

  private void report(Simulation sim) {
    double end = sim.timeSeconds();
    List<LoopInterval> list = new ArrayList<>(position.length);
    for (int l = 0; l < laneCount; l++) {
      for (int s = 0; s < stationsPerLane; s++) {
        int i = l * stationsPerLane + s;
        int c = count[i];
        list.add(new LoopInterval(
            l, net.laneId(l), s, position[i], intervalStart, end, c,
            Math.min(1.0, (double) occupiedSteps[i] / stepsInInterval), c == 0 ? Double.NaN : speedSum[i] / c));
      }
    }
    Arrays.fill(count, 0);
    Arrays.fill(occupiedSteps, 0);
    Arrays.fill(speedSum, 0);
    stepsInInterval = 0;
    intervalStart = end;
    out.accept(list);
  }
}

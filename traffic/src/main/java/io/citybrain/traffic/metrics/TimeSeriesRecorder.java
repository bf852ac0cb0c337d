package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.List;

/** Records a {@link TimeSeriesPoint} at the end of every window of {@code windowSeconds}. */
public final class TimeSeriesRecorder implements StepObserver {
  private final double windowSeconds;
  private final List<TimeSeriesPoint> points = new ArrayList<>();
  private double queueSum;
  private int queueSamples;
  private long finishedAtWindowStart;
  private double nextSampleTime;
  private int lastQueue;
  private double runQueueSum;
  private long runSamples;

  /**
   * @param windowSeconds window length, s, &gt; 0 (60 by default)
   */
  public TimeSeriesRecorder(double windowSeconds) {
    if (!(windowSeconds > 0)) {
      throw new IllegalArgumentException("windowSeconds must be > 0, got " + windowSeconds);
    }
    this.windowSeconds = windowSeconds;
    this.nextSampleTime = windowSeconds;
  }

  @Override
  public void afterStep(Simulation sim) {
    lastQueue = sim.queueLengthVehicles();
    queueSum += lastQueue;
    queueSamples++;
    runQueueSum += lastQueue;
    runSamples++;
    if (sim.timeSeconds() + 1e-9 >= nextSampleTime) {
      sample(sim);
      nextSampleTime += windowSeconds;
    }
  }

  /** Adds a final point for a partial last window, if any step happened since the last point. */
  public void finish(Simulation sim) {
    if (queueSamples > 0) {
      sample(sim);
    }
  }

  private void sample(Simulation sim) {
    double speedSum = 0;
    int n = 0;
    for (int d = 0; d < sim.network().drivableCount(); d++) {
      for (int k = 0; k < sim.vehicleCount(d); k++) {
        speedSum += sim.vehicleSpeed(sim.vehicleAt(d, k));
        n++;
      }
    }
    points.add(
        new TimeSeriesPoint(
            sim.timeSeconds(),
            sim.vehiclesInNetwork(),
            sim.vehiclesWaitingToEnter(),
            sim.vehiclesFinished(),
            sim.vehiclesFinished() - finishedAtWindowStart,
            sim.averageTravelTimeSeconds(),
            sim.averageTravelTimeFinishedSeconds(),
            lastQueue,
            queueSamples == 0 ? 0 : queueSum / queueSamples,
            n == 0 ? Double.NaN : speedSum / n));
    finishedAtWindowStart = sim.vehiclesFinished();
    queueSum = 0;
    queueSamples = 0;
  }

  /** Vehicles slower than 0.1 m/s on lanes after the last step. */
  public int lastQueueLengthVehicles() {
    return lastQueue;
  }

  /** Time-average over all steps so far of vehicles slower than 0.1 m/s on lanes. */
  public double meanQueueLengthVehicles() {
    return runSamples == 0 ? 0 : runQueueSum / runSamples;
  }

  /** The points recorded so far. */
  public List<TimeSeriesPoint> points() {
    return List.copyOf(points);
  }
}

package io.citybrain.live.control;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.traffic.control.Observation;

/**
 * What a controller sees in the live loop: the latest detector observation of each lane, the
 * signal state as the loop knows it, and the round's time. Read from lane-area detectors, it gives
 * exactly what the simulator's own view gives (vehicles present and halting; tracked positions and
 * speeds). From detectors that report less, it gives the best estimate and says so here:
 *
 * <ul>
 *   <li>no presence (a loop): vehicles on the lane are taken as the interval's count, halting ones
 *       as 0;
 *   <li>no tracks: {@link #laneVehicles} reports none, and {@link #laneVehicleCountWithin} assumes
 *       vehicles spread evenly along the lane.
 * </ul>
 *
 * Package-private, so that a controller reaches nothing else.
 */
final class LiveObservation implements Observation {
  private final LaneTable lanes;
  private final DetectorObservation[] latest;
  private final SignalMirror signals;
  private double timeSeconds;

  LiveObservation(LaneTable lanes, DetectorObservation[] latest, SignalMirror signals) {
    this.lanes = lanes;
    this.latest = latest;
    this.signals = signals;
  }

  void at(double seconds) {
    this.timeSeconds = seconds;
  }

  @Override
  public double timeSeconds() {
    return timeSeconds;
  }

  @Override
  public int laneVehicleCount(int lane) {
    DetectorObservation o = latest[lane];
    if (o == null) {
      return 0;
    }
    return o.hasPresence() ? o.vehiclesPresent() : o.count();
  }

  @Override
  public int laneWaitingCount(int lane) {
    DetectorObservation o = latest[lane];
    return o == null || !o.hasPresence() ? 0 : o.vehiclesHalting();
  }

  @Override
  public double laneLengthMeters(int lane) {
    return lanes.lengthMeters(lane);
  }

  @Override
  public double laneSpeedLimitMetersPerSecond(int lane) {
    return lanes.speedLimitMetersPerSecond(lane);
  }

  @Override
  public int laneVehicleCountWithin(int lane, double rangeMeters) {
    DetectorObservation o = latest[lane];
    if (o == null) {
      return 0;
    }
    if (o.hasVehicleTracks()) {
      int c = 0;
      for (double d : o.distancesToStopLineMeters()) {
        if (d > rangeMeters) {
          break;
        }
        c++;
      }
      return c;
    }
    double share = Math.min(1, rangeMeters / lanes.lengthMeters(lane));
    return (int) Math.round(laneVehicleCount(lane) * share);
  }

  @Override
  public int laneVehicles(int lane, double[] distanceToEndMeters, double[] speedsMetersPerSecond) {
    DetectorObservation o = latest[lane];
    if (o == null || !o.hasVehicleTracks()) {
      return 0;
    }
    int n = Math.min(o.distancesToStopLineMeters().length, Math.min(distanceToEndMeters.length, speedsMetersPerSecond.length));
    System.arraycopy(o.distancesToStopLineMeters(), 0, distanceToEndMeters, 0, n);
    System.arraycopy(o.speedsMetersPerSecond(), 0, speedsMetersPerSecond, 0, n);
    return n;
  }

  @Override
  public int currentPhase(int intersection) {
    return signals.phase(intersection);
  }

  @Override
  public double phaseElapsedSeconds(int intersection) {
    return signals.elapsedSeconds(intersection, timeSeconds);
  }
}

package io.citybrain.traffic.sim;

import io.citybrain.traffic.demand.VehicleType;
import java.util.List;

/**
 * The parameters of a run's vehicle types as primitive arrays, indexed by type (the order of
 * {@link FlowPlans#types}), for the step's inner loops. Lengths and distances in m, speeds in
 * m/s, accelerations in m/s² (the {@code Neg} ones are decelerations, positive numbers), times in
 * s. The names are CityFlow's vehicle parameters (vehicle.h {@code VehicleInfo}, commit 81ee0f4).
 * Immutable.
 */
final class VehicleTypes {
  final double[] len;
  final double[] width;
  final double[] maxPosAcc;
  final double[] maxNegAcc;
  final double[] usualPosAcc;
  final double[] usualNegAcc;
  final double[] minGap;
  final double[] maxSpeed;
  final double[] headway;

  /**
   * Distance before the end of a lane from which the intersection rules apply, m: CityFlow's
   * approachingIntersectionDistance = v² / (2 usualNegAcc) + 2 v Δt, at the type's maximum speed.
   */
  final double[] approach;

  /**
   * @param types the distinct vehicle types
   * @param dt the step length, s
   */
  VehicleTypes(List<VehicleType> types, double dt) {
    int nt = types.size();
    len = new double[nt];
    width = new double[nt];
    maxPosAcc = new double[nt];
    maxNegAcc = new double[nt];
    usualPosAcc = new double[nt];
    usualNegAcc = new double[nt];
    minGap = new double[nt];
    maxSpeed = new double[nt];
    headway = new double[nt];
    approach = new double[nt];
    for (int t = 0; t < nt; t++) {
      VehicleType vt = types.get(t);
      len[t] = vt.lengthMeters();
      width[t] = vt.widthMeters();
      maxPosAcc[t] = vt.maxPosAccMetersPerSecond2();
      maxNegAcc[t] = vt.maxNegAccMetersPerSecond2();
      usualPosAcc[t] = vt.usualPosAccMetersPerSecond2();
      usualNegAcc[t] = vt.usualNegAccMetersPerSecond2();
      minGap[t] = vt.minGapMeters();
      maxSpeed[t] = vt.maxSpeedMetersPerSecond();
      headway[t] = vt.headwayTimeSeconds();
      approach[t] = maxSpeed[t] * maxSpeed[t] / usualNegAcc[t] / 2 + maxSpeed[t] * dt * 2;
    }
  }

  /**
   * Distance a vehicle of type {@code t} at speed {@code spd} needs to stop at its emergency
   * deceleration, m (CityFlow's getMinBrakeDistance).
   */
  double minBrakeDistance(int t, double spd) {
    return 0.5 * spd * spd / maxNegAcc[t];
  }
}

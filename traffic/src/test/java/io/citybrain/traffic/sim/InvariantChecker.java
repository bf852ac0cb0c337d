package io.citybrain.traffic.sim;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the simulator's invariants after every step (Caffeine-style validation interceptor):
 * vehicles conserved, every vehicle on the drivable that lists it, and no overlap on a drivable.
 */
public final class InvariantChecker implements StepObserver {
  private double minGapSeen = Double.POSITIVE_INFINITY;
  private double minGapShortfallSeen = Double.POSITIVE_INFINITY;
  private int steps;

  @Override
  public void afterStep(Simulation sim) {
    steps++;
    assertThat(sim.vehiclesSpawned())
        .as("spawned = entered + waiting at step %d", sim.stepCount())
        .isEqualTo(sim.vehiclesEntered() + sim.vehiclesWaitingToEnter());
    assertThat(sim.vehiclesEntered())
        .as("entered = finished + in network at step %d", sim.stepCount())
        .isEqualTo(sim.vehiclesFinished() + sim.vehiclesInNetwork());
    SimNetwork net = sim.network();
    int running = 0;
    int shadows = 0;
    for (int d = 0; d < net.drivableCount(); d++) {
      int n = sim.vehicleCount(d);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(d, k);
        if (sim.vehicleIsShadow(v)) {
          shadows++;
          assertThat(d).as("a lane-change shadow is on a lane").isLessThan(net.laneCount());
        } else {
          running++;
        }
        assertThat(sim.vehicleDrivable(v)).isEqualTo(d);
        assertThat(sim.vehiclePosition(v)).isBetween(0.0, net.lengthMeters(d) + 1e-9);
        assertThat(sim.vehicleSpeed(v)).isGreaterThanOrEqualTo(0.0);
        if (k > 0) {
          int leader = sim.vehicleAt(d, k - 1);
          double gap = sim.vehiclePosition(leader) - sim.vehicleLength(leader) - sim.vehiclePosition(v);
          minGapSeen = Math.min(minGapSeen, gap);
          minGapShortfallSeen = Math.min(minGapShortfallSeen, gap - sim.vehicleMinGap(v));
          assertThat(gap)
              .as("gap between vehicles %s and %s on drivable %d at step %d",
                  sim.vehicleId(leader), sim.vehicleId(v), d, sim.stepCount())
              .isGreaterThanOrEqualTo(-1e-9);
        }
      }
    }
    assertThat(running).isEqualTo(sim.vehiclesInNetwork());
    assertThat(shadows).as("shadows = changes in progress").isEqualTo(sim.shadowsInNetwork());
  }

  /** Smallest gap (leader rear − follower front) seen on any drivable, m. */
  public double minGapSeen() {
    return minGapSeen;
  }

  /** Smallest (gap − follower's minGap) seen, m: ≥ 0 means minGap was always kept. */
  public double minGapShortfallSeen() {
    return minGapShortfallSeen;
  }

  /** Steps checked. */
  public int steps() {
    return steps;
  }
}

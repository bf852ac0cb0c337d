package io.citybrain.traffic.control;

/**
 * Reusable scratch space for reading lanes through an {@link Observation}: the positions and
 * speeds of one lane's vehicles, and a few per-lane value arrays. One instance per controller
 * run; not thread-safe (the engine decides for one intersection at a time).
 */
final class LaneScan {
  /** Speed below which a vehicle counts as standing in a queue, m/s (CityFlow's 0.1). */
  static final double STOPPED_SPEED = 0.1;

  /** Distances of the last read lane's vehicles from the stop line, front first, m. */
  double[] distance = new double[128];

  /** Speeds of the last read lane's vehicles, front first, m/s. */
  double[] speed = new double[128];

  private double[][] buffers = new double[4][16];

  /**
   * Reads the vehicles of {@code lane} into {@link #distance} and {@link #speed}.
   *
   * @return the number of vehicles on the lane
   */
  int read(Observation obs, int lane) {
    int n = obs.laneVehicleCount(lane);
    if (n > distance.length) {
      int size = Math.max(n, 2 * distance.length);
      distance = new double[size];
      speed = new double[size];
    }
    return obs.laneVehicles(lane, distance, speed);
  }

  /** Scratch array number {@code slot} (0..3) with at least {@code n} entries, zeroed. */
  double[] buffer(int slot, int n) {
    double[] b = buffers[slot];
    if (b.length < n) {
      b = new double[Math.max(n, 2 * b.length)];
      buffers[slot] = b;
    } else {
      java.util.Arrays.fill(b, 0, n, 0);
    }
    return b;
  }
}

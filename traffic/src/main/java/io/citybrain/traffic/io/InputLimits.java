package io.citybrain.traffic.io;

/**
 * Plausible ranges of the numbers in traffic input files, checked by every reader on top of each
 * member's own rule (such as "&gt; 0"). A value outside them is a typing or unit mistake, and one
 * that made the simulation meaningless without any error: a road drawn to x = 1e308 m is infinitely
 * long and no vehicle ever finishes, a vehicle with maxSpeed 1e308 m/s got a mean delay of -2.5e299
 * s, and a flow interval of 1e-300 s created vehicles until the Java heap ran out. The limits are
 * far beyond any real network or vehicle (documented in {@code docs/formats.md}).
 */
public final class InputLimits {
  /**
   * A closed range with its unit.
   *
   * @param min smallest plausible value
   * @param max largest plausible value (may be infinite: no upper limit)
   * @param unit for messages
   */
  public record Range(double min, double max, String unit) {
    /** True when {@code value} is within the range. */
    public boolean contains(double value) {
      return value >= min && value <= max;
    }

    /** What {@code value}, outside the range, should have been: {@code at most 100 m/s}. */
    public String expectation(double value) {
      return value < min ? "at least " + format(min) + " " + unit : "at most " + format(max) + " " + unit;
    }
  }

  /** Point coordinates, m: within 100,000 km of the origin (projected coordinates such as UTM fit). */
  public static final Range COORDINATE_METERS = new Range(-1e8, 1e8, "m");

  /** Declared road lengths, m. */
  public static final Range ROAD_LENGTH_METERS = new Range(0, 1e7, "m");

  /** Lane widths, m. */
  public static final Range LANE_WIDTH_METERS = new Range(0, 100, "m");

  /** Lane speed limits, m/s. */
  public static final Range LANE_SPEED_METERS_PER_SECOND = new Range(0.1, 1000, "m/s");

  /** Vehicle length and width, m. */
  public static final Range VEHICLE_SIZE_METERS = new Range(0, 100, "m");

  /** Vehicle top speed, m/s (360 km/h). */
  public static final Range VEHICLE_SPEED_METERS_PER_SECOND = new Range(0.1, 100, "m/s");

  /** Vehicle accelerations and decelerations, m/s². */
  public static final Range ACCELERATION_METERS_PER_SECOND2 = new Range(0.01, 100, "m/s^2");

  /** Vehicle minimum gap, m. */
  public static final Range MIN_GAP_METERS = new Range(0, 100, "m");

  /** Vehicle headway time, s. */
  public static final Range HEADWAY_SECONDS = new Range(0, 60, "s");

  /** Step length of a simulation (a CityFlow config's {@code interval}), s: the simulator's range. */
  public static final Range STEP_SECONDS = new Range(0, 10, "s");

  /** Time between two vehicles of one flow, s: at most 36,000 vehicles an hour from one flow. */
  public static final Range FLOW_INTERVAL_SECONDS = new Range(0.1, Double.POSITIVE_INFINITY, "s");

  private InputLimits() {}

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}

package io.citybrain.traffic.network;

/**
 * A point in the network's plane, in metres. CityFlow roadnets use a local Cartesian frame
 * (x east, y north); imported geographic networks are projected to it first.
 *
 * @param x easting in m
 * @param y northing in m
 */
public record Point(double x, double y) {

  /** Euclidean distance to {@code other}, in m. */
  public double distanceTo(Point other) {
    return Math.hypot(other.x - x, other.y - y);
  }
}

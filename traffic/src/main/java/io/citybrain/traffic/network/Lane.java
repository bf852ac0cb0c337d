package io.citybrain.traffic.network;

/**
 * One lane of a road. Lanes are numbered from the inside (index 0, next to the road's centre line)
 * outwards, as in CityFlow's roadnet format.
 *
 * @param widthMeters lane width in m, &gt; 0
 * @param maxSpeedMetersPerSecond speed limit in m/s, &gt; 0
 */
public record Lane(double widthMeters, double maxSpeedMetersPerSecond) {}

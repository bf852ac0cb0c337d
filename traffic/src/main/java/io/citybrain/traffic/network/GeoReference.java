package io.citybrain.traffic.network;

import java.util.Locale;

/**
 * How a network's plane (x east, y north, metres) maps to geographic coordinates (WGS84 longitude
 * and latitude, degrees), for networks imported from sources with real coordinates (SUMO networks
 * built from OpenStreetMap, OpenStreetMap extracts, CBEngine files). Networks without it (CityFlow
 * files, synthetic grids) have no geographic position.
 *
 * <p>Two projections:
 *
 * <ul>
 *   <li>{@link Kind#UTM}: Universal Transverse Mercator on the WGS84 ellipsoid (zone {@code zone},
 *       northern hemisphere unless {@code south}), with the network's points shifted by {@code
 *       offsetX, offsetY}: easting = x − offsetX, northing = y − offsetY. This is SUMO's {@code
 *       <location netOffset projParameter="+proj=utm ...">}. The inverse uses the series of
 *       Krüger (1912) to order n³ as given by Karney, "Transverse Mercator with an accuracy of a
 *       few nanometers" (J. Geodesy 85, 2011), eq. 36: sub-millimetre within a zone.
 *   <li>{@link Kind#EQUIRECTANGULAR}: plate carrée about ({@code lon0}, {@code lat0}) on a sphere
 *       of radius {@value #EARTH_RADIUS_METERS} m: x = R·(λ−λ0)·cos φ0, y = R·(φ−φ0). Within a
 *       district (a few km) the distortion is far below a lane width.
 * </ul>
 *
 * @param kind the projection
 * @param zone UTM zone 1..60 (UTM only, else 0)
 * @param south true for a southern-hemisphere UTM zone
 * @param offsetX added to eastings to give x, m (UTM only)
 * @param offsetY added to northings to give y, m (UTM only)
 * @param lon0 longitude of the origin, degrees (equirectangular only)
 * @param lat0 latitude of the origin, degrees (equirectangular only)
 */
public record GeoReference(
    Kind kind, int zone, boolean south, double offsetX, double offsetY, double lon0, double lat0) {

  /** Mean Earth radius (IUGG), m. */
  public static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** The supported projections. */
  public enum Kind {
    UTM,
    EQUIRECTANGULAR
  }

  /** A UTM reference as SUMO writes it (netOffset added to UTM coordinates). */
  public static GeoReference utm(int zone, boolean south, double offsetX, double offsetY) {
    if (zone < 1 || zone > 60) {
      throw new IllegalArgumentException("UTM zone must be 1..60, got " + zone);
    }
    return new GeoReference(Kind.UTM, zone, south, offsetX, offsetY, 0, 0);
  }

  /** An equirectangular reference about ({@code lon0}, {@code lat0}), degrees. */
  public static GeoReference equirectangular(double lon0, double lat0) {
    return new GeoReference(Kind.EQUIRECTANGULAR, 0, false, 0, 0, lon0, lat0);
  }

  /**
   * Projects a geographic position to the network's plane.
   *
   * @param lon longitude, degrees
   * @param lat latitude, degrees
   * @return the point, m
   */
  public Point toPoint(double lon, double lat) {
    if (kind == Kind.EQUIRECTANGULAR) {
      double x = EARTH_RADIUS_METERS * Math.toRadians(lon - lon0) * Math.cos(Math.toRadians(lat0));
      double y = EARTH_RADIUS_METERS * Math.toRadians(lat - lat0);
      return new Point(x, y);
    }
    double[] en = Utm.forward(zone, south, lon, lat);
    return new Point(en[0] + offsetX, en[1] + offsetY);
  }

  /**
   * The geographic position of a point of the network's plane.
   *
   * @param p the point, m
   * @return {longitude, latitude}, degrees
   */
  public double[] toLonLat(Point p) {
    if (kind == Kind.EQUIRECTANGULAR) {
      double lat = lat0 + Math.toDegrees(p.y() / EARTH_RADIUS_METERS);
      double lon = lon0 + Math.toDegrees(p.x() / (EARTH_RADIUS_METERS * Math.cos(Math.toRadians(lat0))));
      return new double[] {lon, lat};
    }
    return Utm.inverse(zone, south, p.x() - offsetX, p.y() - offsetY);
  }

  /** The PROJ string of the projection (what SUMO writes as {@code projParameter}). */
  public String projParameter() {
    if (kind == Kind.EQUIRECTANGULAR) {
      return String.format(
          Locale.ROOT, "+proj=eqc +lat_ts=%s +lon_0=%s +lat_0=%s +R=%s +units=m +no_defs",
          lat0, lon0, lat0, EARTH_RADIUS_METERS);
    }
    return "+proj=utm +zone=" + zone + (south ? " +south" : "") + " +ellps=WGS84 +datum=WGS84 +units=m +no_defs";
  }

  /** UTM on WGS84 by the Krüger series (Karney 2011, eqs. 9, 35, 36), to order n³. */
  static final class Utm {
    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double K0 = 0.9996;
    private static final double N = F / (2 - F);
    private static final double A_RECT = A / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);
    private static final double[] ALPHA = {
      N / 2 - 2 * N * N / 3 + 5 * N * N * N / 16, 13 * N * N / 48 - 3 * N * N * N / 5, 61 * N * N * N / 240
    };
    private static final double[] BETA = {
      N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96, N * N / 48 + N * N * N / 15, 17 * N * N * N / 480
    };
    private static final double[] DELTA = {
      2 * N - 2 * N * N / 3 - 2 * N * N * N, 7 * N * N / 3 - 8 * N * N * N / 5, 56 * N * N * N / 15
    };

    private Utm() {}

    static double centralMeridian(int zone) {
      return Math.toRadians(zone * 6.0 - 183.0);
    }

    static double[] forward(int zone, boolean south, double lonDeg, double latDeg) {
      double lat = Math.toRadians(latDeg);
      double dLon = Math.toRadians(lonDeg) - centralMeridian(zone);
      double e = Math.sqrt(F * (2 - F));
      double t = Math.sinh(atanh(Math.sin(lat)) - e * atanh(e * Math.sin(lat)));
      double xiP = Math.atan2(t, Math.cos(dLon));
      double etaP = atanh(Math.sin(dLon) / Math.sqrt(1 + t * t));
      double xi = xiP;
      double eta = etaP;
      for (int j = 1; j <= 3; j++) {
        xi += ALPHA[j - 1] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
        eta += ALPHA[j - 1] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
      }
      double easting = 500_000 + K0 * A_RECT * eta;
      double northing = K0 * A_RECT * xi + (south ? 10_000_000 : 0);
      return new double[] {easting, northing};
    }

    static double[] inverse(int zone, boolean south, double easting, double northing) {
      double xi = (northing - (south ? 10_000_000 : 0)) / (K0 * A_RECT);
      double eta = (easting - 500_000) / (K0 * A_RECT);
      double xiP = xi;
      double etaP = eta;
      for (int j = 1; j <= 3; j++) {
        xiP -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
        etaP -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
      }
      double chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
      double lat = chi;
      for (int j = 1; j <= 3; j++) {
        lat += DELTA[j - 1] * Math.sin(2 * j * chi);
      }
      double lon = centralMeridian(zone) + Math.atan2(Math.sinh(etaP), Math.cos(xiP));
      return new double[] {Math.toDegrees(lon), Math.toDegrees(lat)};
    }

    private static double atanh(double x) {
      return 0.5 * Math.log((1 + x) / (1 - x));
    }
  }
}

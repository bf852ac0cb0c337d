package io.citybrain.platform.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citybrain.traffic.network.GeoReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map's plane-to-geographic affine map, against the projection's own formulas. */
class NetworkMapTest {
  @Test
  void equirectangularAffineIsTheProjectionItself() {
    // Nanchang's CBEngine network is projected about its mean position, about (115.90, 28.68)
    GeoReference geo = GeoReference.equirectangular(115.90, 28.68);
    Map<String, Object> a = NetworkMap.affine(geo, new double[] {-1000, -2000, 1000, 2000});
    // centre (0, 0) is the origin; 1 m north = 180 / (pi R) degrees, R = 6,371,008.8 m: 8.9932036e-6;
    // 1 m east = that / cos(28.68 deg) = 1.0250841e-5
    assertThat((double) a.get("lon")).isCloseTo(115.90, within(1e-12));
    assertThat((double) a.get("lat")).isCloseTo(28.68, within(1e-12));
    assertThat((double) a.get("latPerMeterY")).isCloseTo(8.9932036e-6, within(1e-13));
    assertThat((double) a.get("lonPerMeterX")).isCloseTo(1.0250841e-5, within(1e-12));
    assertThat((double) a.get("lonPerMeterY")).isCloseTo(0, within(1e-15));
    assertThat((double) a.get("latPerMeterX")).isCloseTo(0, within(1e-15));
  }

  @Test
  void utmAffineMatchesTheProjectionAcrossACity() {
    // SUMO's UTM zone 50 (Jinan area), no offset: a point 5 km east and 5 km south of the centre is
    // drawn within 4 m of its place (1.5 m north-south, 2.9 m east-west: the error grows with the
    // square of the distance; less than a lane's width)
    GeoReference geo = GeoReference.utm(50, false, 0, 0);
    io.citybrain.traffic.network.Point centre = geo.toPoint(117.0, 36.65);
    double[] bounds = {centre.x() - 5000, centre.y() - 5000, centre.x() + 5000, centre.y() + 5000};
    Map<String, Object> a = NetworkMap.affine(geo, bounds);
    double x = centre.x() + 5000;
    double y = centre.y() - 5000;
    double[] exact = geo.toLonLat(new io.citybrain.traffic.network.Point(x, y));
    double lon = (double) a.get("lon") + (x - (double) a.get("x")) * (double) a.get("lonPerMeterX")
        + (y - (double) a.get("y")) * (double) a.get("lonPerMeterY");
    double lat = (double) a.get("lat") + (x - (double) a.get("x")) * (double) a.get("latPerMeterX")
        + (y - (double) a.get("y")) * (double) a.get("latPerMeterY");
    double metresPerDegreeLat = 111_000;
    assertThat(Math.abs(lat - exact[1]) * metresPerDegreeLat).isLessThan(4.0);
    assertThat(Math.abs(lon - exact[0]) * metresPerDegreeLat * Math.cos(Math.toRadians(36.65))).isLessThan(4.0);
  }
}

package io.citybrain.traffic.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoReferenceTest {
  @Test
  void utmAgreesWithProjAsSumoUsesIt() {
    // reference: SUMO 1.15 netconvert (PROJ) with --proj.utm on nodes at these lon/lat:
    // (6.0, 51.0) -> 289511.14, 5654109.18 and (6.958, 50.941) -> 356538.26, 5645249.36 (zone 32)
    GeoReference utm = GeoReference.utm(32, false, 0, 0);
    Point a = utm.toPoint(6.0, 51.0);
    assertThat(a.x()).isCloseTo(289_511.14, within(0.01));
    assertThat(a.y()).isCloseTo(5_654_109.18, within(0.01));
    Point b = utm.toPoint(6.958, 50.941);
    assertThat(b.x()).isCloseTo(356_538.26, within(0.01));
    assertThat(b.y()).isCloseTo(5_645_249.36, within(0.01));
    double[] back = utm.toLonLat(b);
    assertThat(back[0]).isCloseTo(6.958, within(1e-8));
    assertThat(back[1]).isCloseTo(50.941, within(1e-8));
  }

  @Test
  void sumoOffsetIsAddedToEastingAndNorthing() {
    GeoReference ref = GeoReference.utm(32, false, -342498.65, -5630866.92);
    Point p = ref.toPoint(6.958, 50.941);
    assertThat(p.x()).isCloseTo(356_538.26 - 342_498.65, within(0.01));
    assertThat(p.y()).isCloseTo(5_645_249.36 - 5_630_866.92, within(0.01));
    double[] ll = ref.toLonLat(p);
    assertThat(ll[0]).isCloseTo(6.958, within(1e-8));
  }

  @Test
  void equirectangularRoundTrips() {
    GeoReference eq = GeoReference.equirectangular(13.35, 52.514);
    Point p = eq.toPoint(13.36, 52.52);
    // 0.01 deg of longitude at 52.514 N: 6371008.8 * 0.01 * pi/180 * cos(52.514 deg) = 676.70 m
    assertThat(p.x()).isCloseTo(676.70, within(0.01));
    // 0.006 deg of latitude: 667.17 m
    assertThat(p.y()).isCloseTo(667.17, within(0.01));
    double[] back = eq.toLonLat(p);
    assertThat(back[0]).isCloseTo(13.36, within(1e-12));
    assertThat(back[1]).isCloseTo(52.52, within(1e-12));
  }
}

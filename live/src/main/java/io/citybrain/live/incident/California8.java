package io.citybrain.live.incident;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.List;

/**
 * California algorithm #8 (Payne &amp; Tignor, "Freeway incident-detection algorithms based on
 * decision trees with states", Transportation Research Record 682, 1978; as summarised by Payne,
 * Helfenbein &amp; Knobel, FHWA-RD-76-19, and Parkany &amp; Xie, "A complete review of incident
 * detection algorithms and their deployment", 2005): a decision tree with states on the occupancies
 * of an upstream station i and a downstream station i+1.
 *
 * <ul>
 *   <li>OCCDF = OCC(i, t) − OCC(i+1, t), OCCRDF = OCCDF / OCC(i, t), DOCC = OCC(i+1, t),
 *       DOCCTD = (OCC(i+1, t−2) − OCC(i+1, t)) / OCC(i+1, t−2);
 *   <li>incident-free: when OCCDF ≥ T1, OCCRDF ≥ T2, DOCCTD ≥ T3 and DOCC &lt; T4 the state
 *       becomes "tentative incident"; one more interval with OCCRDF ≥ T2 confirms it (the
 *       persistence check) and the alarm is raised;
 *   <li>the alarm holds while OCCRDF ≥ T2 and clears at the first interval below;
 *   <li>compression waves (#8's addition to #7): a rise of the downstream occupancy by T5 or more
 *       from one interval to the next suppresses detection for {@code suppressIntervals} (5 minutes
 *       of 30 s data in the original).
 * </ul>
 *
 * Occupancies are fractions (the original's T1 of 8 % is 0.08). The defaults are the thresholds
 * calibrated on the incident benchmark's calibration seeds ({@code docs/incidents.md}), as
 * Caltrans calibrates them per site.
 */
public final class California8 implements IncidentDetectorProvider {
  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          new ParameterSpec("t1OccupancyDifference", 0.08, 0, 1, "1", "T1: upstream minus downstream occupancy"),
          new ParameterSpec("t2RelativeDifference", 0.5, 0, 1, "1", "T2: OCCDF over upstream occupancy"),
          new ParameterSpec("t3DownstreamDrop", 0.0, -10, 1, "1", "T3: relative drop of downstream occupancy over 2 intervals"),
          new ParameterSpec("t4DownstreamOccupancy", 0.2, 0, 1, "1", "T4: downstream occupancy below which an incident is possible"),
          new ParameterSpec("t5CompressionRise", 0.3, 0, 1, "1", "T5: rise of downstream occupancy in one interval that marks a compression wave"),
          new ParameterSpec("suppressIntervals", 10, 0, 100, "intervals", "intervals without detection after a compression wave"));

  @Override
  public String name() {
    return "california-8";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "California algorithm #8: occupancy differences between stations with persistence and compression-wave suppression";
  }

  @Override
  public String source() {
    return "Payne & Tignor, Freeway incident-detection algorithms based on decision trees with states, TRR 682, 1978";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public IncidentDetector create(ParameterValues p, SectionGeometry section) {
    return new Detector(
        p.get("t1OccupancyDifference"), p.get("t2RelativeDifference"), p.get("t3DownstreamDrop"),
        p.get("t4DownstreamOccupancy"), p.get("t5CompressionRise"), (int) p.get("suppressIntervals"));
  }

  /** The state of one section. */
  static final class Detector implements IncidentDetector {
    private static final int FREE = 0;
    private static final int TENTATIVE = 1;
    private static final int INCIDENT = 2;

    private final double t1;
    private final double t2;
    private final double t3;
    private final double t4;
    private final double t5;
    private final int suppress;

    private int state = FREE;
    private int suppressLeft;
    private double down1 = Double.NaN; // OCC(i+1, t-1)
    private double down2 = Double.NaN; // OCC(i+1, t-2)

    Detector(double t1, double t2, double t3, double t4, double t5, int suppress) {
      this.t1 = t1;
      this.t2 = t2;
      this.t3 = t3;
      this.t4 = t4;
      this.t5 = t5;
      this.suppress = suppress;
    }

    @Override
    public boolean update(SectionInterval x) {
      double up = x.upOccupancy();
      double down = x.downOccupancy();
      double occdf = up - down;
      double occrdf = up > 0 ? occdf / up : 0;
      double docctd = down2 > 0 ? (down2 - down) / down2 : 0;
      boolean compression = down1 == down1 && down - down1 >= t5;
      down2 = down1;
      down1 = down;
      switch (state) {
        case INCIDENT:
          if (occrdf < t2) {
            state = FREE;
          }
          break;
        case TENTATIVE:
          state = occrdf >= t2 ? INCIDENT : FREE;
          break;
        default:
          if (compression) {
            suppressLeft = suppress;
          }
          if (suppressLeft > 0) {
            suppressLeft--;
          } else if (occdf >= t1 && occrdf >= t2 && docctd >= t3 && down < t4) {
            state = TENTATIVE;
          }
      }
      return state == INCIDENT;
    }
  }
}

package io.citybrain.live.incident;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.List;

/**
 * The McMaster algorithm (Persaud &amp; Hall, "Catastrophe theory and patterns in 30-second freeway
 * traffic data — implications for incident detection", Transportation Research A 23(2), 1989;
 * Persaud, Hall &amp; Hall, TRR 1287, 1990; Hall, Shi &amp; Atala, TRR 1394, 1993): each station's
 * interval is placed on a flow–occupancy template, and an incident is declared when the upstream
 * station is congested for {@code persistenceIntervals} consecutive intervals (3 × 30 s in the
 * original) while the downstream station is not (congestion at both is a bottleneck, not an
 * incident).
 *
 * <p>Template: a station is uncongested (area 1) when its occupancy is at most the critical
 * occupancy OCmax and its flow lies on or above the lower bound of uncongested data (LUD);
 * congested below LUD (area 2) or above OCmax (area 3). The published LUD is a quadratic fitted to a
 * site's uncongested data; here it is the flow of vehicles at {@code ludSpeed} occupying {@code
 * effectiveLength} (vehicle plus loop) each, q = 3600 · v · occ / L, the bound a straight line
 * through the origin of the flow–occupancy plane gives at that speed. The alarm clears when the
 * upstream station is uncongested again.
 */
public final class McMaster implements IncidentDetectorProvider {
  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          new ParameterSpec("criticalOccupancy", 0.25, 0.01, 1, "1", "OCmax: occupancy above which a station is congested"),
          new ParameterSpec("ludSpeed", 4.0, 0.1, 40, "m/s", "speed of the lower bound of uncongested data"),
          new ParameterSpec("effectiveLength", 7.0, 1, 30, "m", "vehicle plus loop length in the LUD"),
          new ParameterSpec("persistenceIntervals", 3, 1, 20, "intervals", "consecutive congested upstream intervals before the alarm"));

  @Override
  public String name() {
    return "mcmaster";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "McMaster: flow-occupancy template, upstream congested while downstream is not, persistence check";
  }

  @Override
  public String source() {
    return "Persaud & Hall, Catastrophe theory and patterns in 30-second freeway traffic data, Transportation Research A 23(2), 1989;"
        + " Hall, Shi & Atala, TRR 1394, 1993";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public IncidentDetector create(ParameterValues p, SectionGeometry section) {
    return new Detector(p.get("criticalOccupancy"), p.get("ludSpeed"), p.get("effectiveLength"), (int) p.get("persistenceIntervals"));
  }

  /** The state of one section. */
  static final class Detector implements IncidentDetector {
    private final double critical;
    private final double ludSlopePerHour;
    private final int persistence;
    private int congestedRun;
    private boolean alarm;

    Detector(double critical, double ludSpeed, double effectiveLength, int persistence) {
      this.critical = critical;
      this.ludSlopePerHour = 3600 * ludSpeed / effectiveLength;
      this.persistence = persistence;
    }

    /** True when a station's interval lies in area 2 or 3 of the template. */
    boolean congested(double flowPerHour, double occupancy) {
      return occupancy > critical || flowPerHour < ludSlopePerHour * occupancy;
    }

    @Override
    public boolean update(SectionInterval x) {
      boolean up = congested(x.upFlowPerHour(), x.upOccupancy());
      boolean down = congested(x.downFlowPerHour(), x.downOccupancy());
      if (alarm) {
        alarm = up;
        congestedRun = up ? congestedRun : 0;
        return alarm;
      }
      congestedRun = up && !down ? congestedRun + 1 : 0;
      alarm = congestedRun >= persistence;
      return alarm;
    }
  }
}

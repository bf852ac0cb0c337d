package io.citybrain.live.incident;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.List;

/**
 * Ours: vehicle conservation between the two loops of a lane ("section balance"). A vehicle that
 * crossed the upstream loop must cross the downstream loop between {@code spacing / speed limit}
 * and {@code spacing / (minSpeedFraction · speed limit) + slackSeconds} later, unless a queue stands
 * over the downstream loop, and a queue that reaches the downstream loop (they grow back from the
 * stop line, past it) occupies it. So when the downstream loop has seen nothing at all (no count,
 * no occupancy) for longer than the vehicles counted upstream needed to reach it, those vehicles
 * are held between the loops: something blocks the lane. The alarm is raised once at least {@code
 * minOverdueVehicles} are overdue, and clears when {@code clearVehicles} cross the downstream loop
 * in one interval.
 *
 * <p>A queue standing still over the downstream loop with the loop in the gap between two
 * vehicles looks the same; it is told apart by how the downstream loop last saw traffic: vehicles
 * crossing slower than {@code standingSpeed}, or occupancy without a crossing, mean a queue there,
 * and the section waits for the downstream loop to see moving traffic again.
 *
 * <p>Why it is fast: it needs neither the queue to grow back to the upstream loop (as occupancy
 * comparisons such as California #8 do) nor several congested intervals (McMaster's persistence);
 * the first vehicles held behind the blockage are the evidence. Its limits: it assumes vehicles do
 * not leave or join the lane between the loops (no lane changes, no driveways), and it cannot see
 * an incident on a lane without traffic. The idea is the input–output (flow-conservation) approach
 * to incident detection (e.g. Nathanail, Zhu &amp; others' count-based methods); this form with
 * travel-time windows and the standing-queue test is this project's.
 */
public final class SectionBalance implements IncidentDetectorProvider {
  private static final int HISTORY = 64;

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          new ParameterSpec("minOverdueVehicles", 1, 1, 50, "vehicles", "overdue vehicles that raise the alarm"),
          new ParameterSpec("minSpeedFraction", 0.85, 0.05, 1, "1", "slowest free-moving speed between the loops, as a fraction of the limit"),
          new ParameterSpec("slackSeconds", 5, 0, 300, "s", "time added to the slowest travel time between the loops"),
          new ParameterSpec("standingSpeed", 5.0, 0, 20, "m/s", "downstream crossings slower than this mean a queue there"),
          new ParameterSpec("queueOccupancy", 0.2, 0, 1, "1", "downstream occupancy above which a queue stands there"),
          new ParameterSpec("queueMemorySeconds", 120, 0, 3600, "s", "how long a quiet downstream loop may still hide a standing queue"));

  @Override
  public String name() {
    return "section-balance";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "ours: vehicles counted upstream that do not reach the silent downstream loop in time are held by a blockage";
  }

  @Override
  public String source() {
    return "citybrain (input-output / flow-conservation incident detection with travel-time windows; docs/incidents.md)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public IncidentDetector create(ParameterValues p, SectionGeometry section) {
    double slowest = section.freeTravelSeconds() / p.get("minSpeedFraction") + p.get("slackSeconds");
    return new Detector(slowest, (int) p.get("minOverdueVehicles"), p.get("standingSpeed"), p.get("queueOccupancy"), p.get("queueMemorySeconds"));
  }

  /**
   * The state of one section: the cumulative counts of both loops, and the upstream cumulative
   * count at the end of each recent interval.
   */
  static final class Detector implements IncidentDetector {
    private final double slowestSeconds;
    private final int minOverdue;
    private final double standingSpeed;
    private final double queueOccupancy;
    private final double queueMemorySeconds;
    private double standingSeen = Double.NEGATIVE_INFINITY;

    // (end, cumulative upstream count) of recent intervals, a ring, oldest first
    private final double[] ringEnd = new double[HISTORY];
    private final long[] ringUp = new long[HISTORY];
    private int first;
    private int size;
    private long up;
    private long down;
    private long lastOverdue;
    private boolean standing;
    private boolean alarm;

    Detector(double slowestSeconds, int minOverdue, double standingSpeed, double queueOccupancy, double queueMemorySeconds) {
      this.queueMemorySeconds = queueMemorySeconds;
      this.slowestSeconds = slowestSeconds;
      this.minOverdue = minOverdue;
      this.standingSpeed = standingSpeed;
      this.queueOccupancy = queueOccupancy;
    }

    /** Vehicles that crossed the upstream loop long enough ago to have reached the downstream one, but have not. */
    long overdue() {
      return lastOverdue;
    }

    @Override
    public boolean update(SectionInterval x) {
      double end = x.intervalEndSeconds();
      up += x.upCount();
      down += x.downCount();
      if (size == HISTORY) {
        first = (first + 1) % HISTORY;
        size--;
      }
      int slot = (first + size) % HISTORY;
      ringEnd[slot] = end;
      ringUp[slot] = up;
      size++;
      if (x.downOccupancy() > queueOccupancy || (x.downOccupancy() > 0 && (x.downCount() == 0 || x.downSpeed() < standingSpeed))) {
        standing = true;
        standingSeen = end;
      } else if (x.downCount() > 0 || end - standingSeen > queueMemorySeconds) {
        standing = false;
      }
      // the upstream count at the latest interval end from which every vehicle had time to arrive
      long due = 0;
      for (int i = size - 1; i >= 0; i--) {
        int k = (first + i) % HISTORY;
        if (ringEnd[k] + slowestSeconds <= end) {
          due = ringUp[k];
          break;
        }
      }
      long overdue = Math.max(0, due - down);
      long change = overdue - lastOverdue;
      lastOverdue = overdue;
      if (alarm) {
        alarm = overdue >= minOverdue;
      } else {
        // not while a queue stands over the downstream loop, nor while one discharges through it
        alarm = overdue >= minOverdue && !standing && (x.downCount() == 0 || change > 0);
      }
      return alarm;
    }
  }
}

package io.citybrain.bench.meters;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.network.Load;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.SeriesGuard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Feeder-level meter streams built from the grid cases, with injected faults, fed through the
 * anomaly detectors ({@code citybrain monitor meters}). Aggregated feeder meters only: one per
 * load bus, no household data.
 *
 * <p>The stream: every load bus of a case is a feeder meter reading active energy every 15 minutes
 * for {@code days} days from Monday 2026-01-05 00:00 UTC: kWh = P<sub>d</sub> (the case's load, MW)
 * × 1,000 × daily factor × hourly factor × 0.25 h × (1 + ε), ε ~ N(0, 2 %) per reading. The factors
 * are the IEEE Reliability Test System's load model (IEEE RTS Task Force, "IEEE Reliability Test
 * System", IEEE Trans. PAS-98(6), 1979): Table 3's daily peak in percent of the weekly peak (Mon 93,
 * Tue 100, Wed 98, Thu 96, Fri 94, Sat 77, Sun 75) and Table 4's winter weekday hourly load in
 * percent of the daily peak.
 *
 * <p>Faults, one per meter in turn (none, theft-like drift, stuck meter, feeder outage), starting
 * at a random 15-minute mark of days 4 to {@code days} − 1 (seeded): drift — the meter registers
 * less and less, down to 70 % a day later and after (a bypass taking a growing share); stuck — it
 * repeats the reading at the fault's start until the end; outage — the feeder reads 0 for 3 hours,
 * then normal. A fault is detected when a reading scores ≥ the threshold from its start until its
 * end (drift, stuck: the end of the stream; outage: an hour after power returns); every other
 * reading at or above the threshold is a false alarm.
 */
public final class MeterBenchmark {
  /** IEEE RTS (1979) Table 4, winter weekday: hourly load, % of the daily peak, hours 0–23. */
  static final double[] HOURLY_PERCENT = {67, 63, 60, 59, 59, 60, 74, 86, 95, 96, 96, 95, 95, 95, 93, 94, 99, 100, 100, 96, 91, 83, 73, 63};

  /** IEEE RTS (1979) Table 3: daily peak, % of the weekly peak, Monday first. */
  static final double[] DAILY_PERCENT = {93, 100, 98, 96, 94, 77, 75};

  /** Monday 2026-01-05 00:00 UTC, epoch s. */
  static final long START_EPOCH_SECONDS = 1_767_571_200L;

  static final int READING_SECONDS = 900;

  /** Fault kinds, in the order meters are given them. */
  public enum Fault { NONE, DRIFT, STUCK, OUTAGE }

  /** One meter's stream and its fault. */
  public record MeterSeries(String meterId, Fault fault, int faultStart, int faultEnd, double[] kilowattHours) {}

  /** What one detector scored per fault kind. */
  public static final class Score {
    public final String detector;
    public final double threshold;
    public final Map<Fault, int[]> detectedOfTotal = new LinkedHashMap<>();
    public final Map<Fault, Double> delaySecondsSum = new LinkedHashMap<>();
    public long falseAlarms;
    public long cleanReadings;

    Score(String detector, double threshold) {
      this.detector = detector;
      this.threshold = threshold;
      for (Fault f : Fault.values()) {
        if (f != Fault.NONE) {
          detectedOfTotal.put(f, new int[2]);
          delaySecondsSum.put(f, 0.0);
        }
      }
    }
  }

  private MeterBenchmark() {}

  /**
   * The meter streams of a case.
   *
   * @param days 5..60
   * @param seed noise and fault times
   */
  public static List<MeterSeries> streams(PowerNetwork net, String caseName, int days, long seed) {
    if (days < 5 || days > 60) {
      throw new IllegalArgumentException("days must be in 5..60, got " + days);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = days * 96;
    List<MeterSeries> out = new ArrayList<>();
    int k = 0;
    for (Load load : net.loads()) {
      if (!(load.activePowerMw() > 0)) {
        continue;
      }
      Fault fault = Fault.values()[k++ % 4];
      int start = 3 * 96 + random.nextInt((days - 4) * 96);
      int end = switch (fault) {
        case OUTAGE -> start + 12;
        case NONE -> n;
        default -> n;
      };
      double[] kwh = new double[n];
      double stuckValue = 0;
      for (int i = 0; i < n; i++) {
        int day = i / 96;
        int hour = (i % 96) / 4;
        double normal = load.activePowerMw() * 1000 * DAILY_PERCENT[day % 7] / 100 * HOURLY_PERCENT[hour] / 100 * 0.25
            * (1 + 0.02 * random.nextGaussian());
        double v = normal;
        if (i >= start) {
          switch (fault) {
            case DRIFT -> v = normal * (1 - 0.3 * Math.min(1, (i - start) / 96.0));
            case STUCK -> v = i == start ? normal : stuckValue;
            case OUTAGE -> v = i < end ? 0 : normal;
            default -> { }
          }
        }
        if (i == start) {
          stuckValue = normal;
        }
        kwh[i] = v;
      }
      out.add(new MeterSeries(caseName + "/bus-" + load.bus(), fault, fault == Fault.NONE ? -1 : start, end, kwh));
    }
    return out;
  }

  /**
   * Runs the detectors over the meter streams of the cases.
   *
   * @param thresholds per detector name, the score at or above which a reading is an alarm
   */
  public static List<Score> run(List<String> cases, List<AnomalyDetectorProvider> detectors, Map<String, Double> thresholds, int days, long seed)
      throws IOException, InputValidationException {
    List<Score> scores = new ArrayList<>();
    for (AnomalyDetectorProvider p : detectors) {
      scores.add(new Score(p.name(), thresholds.get(p.name())));
    }
    for (String c : cases) {
      PowerNetwork net = BundledCases.read(c);
      for (MeterSeries m : streams(net, c, days, seed)) {
        for (int d = 0; d < detectors.size(); d++) {
          score(m, detectors.get(d), scores.get(d));
        }
      }
    }
    return scores;
  }

  private static void score(MeterSeries m, AnomalyDetectorProvider p, Score s) {
    SeriesGuard guard = new SeriesGuard(p.create(Map.of(), null));
    int detectedAt = -1;
    int windowEnd = m.fault() == Fault.OUTAGE ? m.faultEnd() + 4 : m.kilowattHours().length;
    for (int i = 0; i < m.kilowattHours().length; i++) {
      double score = guard.accept(START_EPOCH_SECONDS + (long) i * READING_SECONDS, m.kilowattHours()[i]).score();
      boolean alarm = score >= s.threshold;
      boolean inFault = m.fault() != Fault.NONE && i >= m.faultStart() && i < windowEnd;
      if (inFault) {
        if (alarm && detectedAt < 0) {
          detectedAt = i;
        }
      } else {
        s.cleanReadings++;
        if (alarm) {
          s.falseAlarms++;
        }
      }
    }
    if (m.fault() != Fault.NONE) {
      int[] dt = s.detectedOfTotal.get(m.fault());
      dt[1]++;
      if (detectedAt >= 0) {
        dt[0]++;
        s.delaySecondsSum.merge(m.fault(), (double) (detectedAt - m.faultStart()) * READING_SECONDS, Double::sum);
      }
    }
  }

  /** The scores as a table. */
  public static String table(List<Score> scores) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-18s %9s %-22s %-22s %-22s %14s%n", "detector", "threshold",
        "drift det/all (mean h)", "stuck det/all (mean h)", "outage det/all (mean h)", "false alarms %"));
    for (Score s : scores) {
      sb.append(String.format(Locale.ROOT, "%-18s %9.5f", s.detector, s.threshold));
      for (Fault f : List.of(Fault.DRIFT, Fault.STUCK, Fault.OUTAGE)) {
        int[] dt = s.detectedOfTotal.get(f);
        double mean = dt[0] == 0 ? Double.NaN : s.delaySecondsSum.get(f) / dt[0] / 3600;
        sb.append(String.format(Locale.ROOT, " %-22s", dt[0] + "/" + dt[1] + " (" + String.format(Locale.ROOT, "%.1f", mean) + ")"));
      }
      sb.append(String.format(Locale.ROOT, " %14.3f%n", s.cleanReadings == 0 ? Double.NaN : 100.0 * s.falseAlarms / s.cleanReadings));
    }
    return sb.toString();
  }
}

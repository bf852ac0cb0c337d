package io.citybrain.bench.incident;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.live.incident.IncidentDetector;
import io.citybrain.live.incident.IncidentDetectorProvider;
import io.citybrain.live.incident.SectionGeometry;
import io.citybrain.live.incident.SectionInterval;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.incident.Incident;
import io.citybrain.traffic.incident.LoopDetectors;
import io.citybrain.traffic.incident.LoopInterval;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The incident-detection benchmark ({@code citybrain bench incidents}): many generated incidents
 * across the bundled cities, each run with its own seed (printed), every detector fed the same loop
 * data, scored on detection rate, false alarms per detector-interval and mean time to detect.
 *
 * <p>A run: one city, one of its real flows with every flow's rate scaled by a random demand level
 * in [0.6, 1.4], max-pressure signal control, one hour of 1 s steps, two loops per lane (20 % and 85
 * % of its length) reporting every {@code intervalSeconds}. After a 300 s warm-up the hour is cut
 * into {@code incidentsPerRun} slots; in each an incident blocks a random lane (one in four: the
 * whole road) of a random road that the flows use, at a random point between the loops (35–75 % of
 * the length), starting at a random time in the slot's first third, for 5–15 minutes; the slot
 * leaves at least 3 minutes after the clearance before the next one.
 *
 * <p>Scoring, per detector (one per lane; a lane is a detector section):
 *
 * <ul>
 *   <li>an incident is detected when an alarm is raised on a blocked lane (whole road: any lane of
 *       the road) between its start and 2 minutes after it clears; time to detect is from the
 *       start to the end of the interval that raised the alarm;
 *   <li>every other raised alarm is a false alarm, except alarms on the incident's road while it
 *       lasts and for 2 minutes after (the queue behind it) — counted neither way;
 *   <li>an incident that no vehicle reached (the upstream loop of its lanes counted nothing while
 *       it lasted) cannot be seen by any detector and is reported apart, out of the rate;
 *   <li>the false alarm rate is false alarms over detector-intervals after the warm-up.
 * </ul>
 */
public final class IncidentBenchmark {
  /** Where the two loops of every lane are, fractions of its length. */
  public static final double[] STATIONS = {0.2, 0.85};

  private static final boolean DEBUG = Boolean.getBoolean("citybrain.incidents.debug");
  private static final double WARMUP_SECONDS = 300;
  private static final double RUN_SECONDS = 3600;
  private static final double GRACE_SECONDS = 120;
  private static final List<BundledCity> CITIES = List.of(BundledCity.JINAN, BundledCity.HANGZHOU, BundledCity.NEWYORK);

  /** A detector to benchmark: a provider and its parameter values. */
  public record Entry(IncidentDetectorProvider provider, ParameterValues parameters) {}

  /** What one detector scored. */
  public static final class Score {
    public final String detector;
    public int incidents;
    public int unreached;
    public int detected;
    public long falseAlarms;
    public long detectorIntervals;
    public double detectSecondsSum;

    Score(String detector) {
      this.detector = detector;
    }

    /** Detected over incidents some vehicle reached. */
    public double detectionRate() {
      int n = incidents - unreached;
      return n == 0 ? Double.NaN : (double) detected / n;
    }

    /** False alarms per detector-interval. */
    public double falseAlarmRate() {
      return detectorIntervals == 0 ? Double.NaN : (double) falseAlarms / detectorIntervals;
    }

    /** Mean time to detect, s. */
    public double meanTimeToDetectSeconds() {
      return detected == 0 ? Double.NaN : detectSecondsSum / detected;
    }
  }

  /** One run's description, printed so that it can be repeated. */
  public record RunInfo(String city, String flow, long seed, double demandLevel, List<Incident> incidents) {}

  private IncidentBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param entries the detectors
   * @param runs runs, spread over the cities in turn (Jinan, Hangzhou, New York)
   * @param baseSeed seed of the first run (run k uses baseSeed + k)
   * @param incidentsPerRun incidents per one-hour run, 1..6
   * @param intervalSeconds loop reporting interval, s, 10..120
   * @param log receives one line per run (city, flow, seed, demand level, incidents)
   * @return one score per entry, in order
   */
  public static List<Score> run(
      List<Entry> entries, int runs, long baseSeed, int incidentsPerRun, int intervalSeconds, java.util.function.Consumer<String> log)
      throws InputValidationException {
    if (runs < 1 || incidentsPerRun < 1 || incidentsPerRun > 6 || intervalSeconds < 10 || intervalSeconds > 120) {
      throw new IllegalArgumentException("need runs >= 1, 1..6 incidents per run and an interval of 10..120 s");
    }
    List<Score> scores = new ArrayList<>();
    for (Entry e : entries) {
      scores.add(new Score(e.provider().name()));
    }
    for (int r = 0; r < runs; r++) {
      BundledCity city = CITIES.get(r % CITIES.size());
      long seed = baseSeed + r;
      SplittableRandom random = new SplittableRandom(seed);
      List<String> flows = city.flowNames();
      String flow = flows.get(random.nextInt(flows.size()));
      Scenario scenario0 = ScenarioLoader.loadBundled(city, flow);
      double level = 0.6 + 0.8 * random.nextDouble();
      Scenario scenario = scaled(scenario0, level);
      List<Incident> incidents = incidents(scenario, random, incidentsPerRun);
      RunInfo info = new RunInfo(city.cityName(), flow, seed, level, incidents);
      log.accept(describe(info));
      runOne(scenario, incidents, entries, scores, intervalSeconds);
    }
    return scores;
  }

  private static String describe(RunInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "run seed=%d city=%s flow=%s demand=%.2f", info.seed(), info.city(), info.flow(), info.demandLevel()));
    for (Incident i : info.incidents()) {
      sb.append(String.format(Locale.ROOT, " | %s lanes=%s at %.0f m, %.0f-%.0f s", i.roadId(),
          i.wholeRoad() ? "all" : i.laneIndices().toString(), i.positionMeters(), i.startSeconds(), i.endSeconds()));
    }
    return sb.toString();
  }

  /** The scenario with every flow's rate multiplied by {@code level}. */
  static Scenario scaled(Scenario s, double level) throws InputValidationException {
    List<Flow> flows = new ArrayList<>();
    for (Flow f : s.demand().flows()) {
      flows.add(new Flow(f.id(), f.vehicle(), f.route(), f.intervalSeconds() / level, f.startTimeSeconds(), f.endTimeSeconds(), f.emergency()));
    }
    return Scenario.compile(s.name(), s.network(), new Demand(flows), "flow", "", "", new Router(s.network()));
  }

  /** Random incidents on roads the flows use, one per slot. */
  static List<Incident> incidents(Scenario s, SplittableRandom random, int count) {
    SimNetwork net = s.compiled();
    // roads some flow's path drives on (not only enters at an intersection)
    boolean[] used = new boolean[net.laneCount()];
    try (Simulation probe = s.newSimulation(SimulationConfig.defaults())) {
      for (int k = 0; k < 600; k++) {
        probe.step();
        for (int l = 0; l < net.laneCount(); l++) {
          if (probe.vehicleCount(l) > 0) {
            used[l] = true;
          }
        }
      }
    }
    List<Integer> lanes = new ArrayList<>();
    for (int l = 0; l < net.laneCount(); l++) {
      if (used[l]) {
        lanes.add(l);
      }
    }
    List<Incident> out = new ArrayList<>();
    double slot = (RUN_SECONDS - WARMUP_SECONDS) / count;
    for (int i = 0; i < count; i++) {
      int lane = lanes.get(random.nextInt(lanes.size()));
      int road = net.laneRoad(lane);
      String roadId = net.roadId(road);
      double length = net.lengthMeters(lane);
      boolean whole = random.nextInt(4) == 0;
      double position = length * (0.35 + 0.4 * random.nextDouble());
      double duration = 300 + 600 * random.nextDouble();
      double slotStart = WARMUP_SECONDS + i * slot;
      double latest = Math.max(slotStart, slotStart + slot - duration - 180);
      double start = slotStart + Math.min(slot / 3, latest - slotStart) * random.nextDouble();
      duration = Math.min(duration, slotStart + slot - 180 - start);
      out.add(new Incident("incident-" + i, roadId, whole ? List.of() : List.of(net.laneIndexInRoad(lane)),
          Math.round(position), Math.round(start), Math.round(Math.max(60, duration))));
    }
    return out;
  }

  private static void runOne(Scenario scenario, List<Incident> incidents, List<Entry> entries, List<Score> scores, int intervalSeconds) {
    SimNetwork net = scenario.compiled();
    int lanes = net.laneCount();
    IncidentDetector[][] detectors = new IncidentDetector[entries.size()][lanes];
    boolean[][] alarm = new boolean[entries.size()][lanes];
    for (int e = 0; e < entries.size(); e++) {
      for (int l = 0; l < lanes; l++) {
        double spacing = (STATIONS[1] - STATIONS[0]) * net.lengthMeters(l);
        detectors[e][l] = entries.get(e).provider().create(entries.get(e).parameters(),
            new SectionGeometry(spacing, net.maxSpeedMetersPerSecond(l)));
      }
    }
    int n = incidents.size();
    double[][] firstDetect = new double[entries.size()][n];
    for (double[] row : firstDetect) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    int[] reached = new int[n];
    long[] falseAlarms = new long[entries.size()];
    long[] intervalsScored = {0};
    SignalControllerProvider provider = SignalControllers.require("max-pressure");
    ParameterValues params = provider.resolve(Map.of());
    LoopDetectors loops = new LoopDetectors(net, STATIONS, intervalSeconds, list -> {
      double end = list.get(0).intervalEndSeconds();
      boolean scored = end > WARMUP_SECONDS;
      if (scored) {
        intervalsScored[0] += lanes;
      }
      for (int l = 0; l < lanes; l++) {
        LoopInterval up = list.get(2 * l);
        LoopInterval down = list.get(2 * l + 1);
        SectionInterval x = new SectionInterval(end, intervalSeconds, up.count(), up.occupancyFraction(),
            up.meanSpeedMetersPerSecond(), down.count(), down.occupancyFraction(), down.meanSpeedMetersPerSecond());
        for (int k = 0; k < n; k++) {
          Incident inc = incidents.get(k);
          if (affects(net, inc, l) && end > inc.startSeconds() && end - intervalSeconds < inc.endSeconds()) {
            reached[k] += up.count();
          }
          if (DEBUG && affects(net, inc, l) && end > inc.startSeconds() - 90 && end < inc.startSeconds() + 240) {
            System.err.printf(Locale.ROOT, "  inc %d lane %s t=%.0f (+%.0f) up %d/%.2f/%.1f down %d/%.2f/%.1f%n", k, net.laneId(l), end,
                end - inc.startSeconds(), up.count(), up.occupancyFraction(), up.meanSpeedMetersPerSecond(), down.count(),
                down.occupancyFraction(), down.meanSpeedMetersPerSecond());
          }
        }
        for (int e = 0; e < entries.size(); e++) {
          boolean now = detectors[e][l].update(x);
          boolean raised = now && !alarm[e][l];
          alarm[e][l] = now;
          if (!raised || !scored) {
            continue;
          }
          boolean explained = false;
          for (int k = 0; k < n; k++) {
            Incident inc = incidents.get(k);
            boolean window = end > inc.startSeconds() && end - intervalSeconds <= inc.endSeconds() + GRACE_SECONDS;
            if (!window || net.laneRoad(l) != net.road(inc.roadId())) {
              continue;
            }
            explained = true;
            if (affects(net, inc, l) && Double.isNaN(firstDetect[e][k])) {
              firstDetect[e][k] = end - inc.startSeconds();
            }
          }
          if (!explained) {
            falseAlarms[e]++;
            if (DEBUG) {
              System.err.printf(Locale.ROOT, "FA %s lane %s t=%.0f up %d/%.2f/%.1f down %d/%.2f/%.1f%n", entries.get(e).provider().name(),
                  net.laneId(l), end, up.count(), up.occupancyFraction(), up.meanSpeedMetersPerSecond(), down.count(),
                  down.occupancyFraction(), down.meanSpeedMetersPerSecond());
            }
          }
        }
      }
    });
    try (Simulation sim = scenario.newSimulation(SimulationConfig.defaults())) {
      sim.setIncidents(incidents);
      sim.addObserver(loops);
      SignalTimer timer = new SignalTimer(sim, provider.create(params), provider.timing(params));
      int steps = (int) RUN_SECONDS;
      for (int k = 0; k < steps; k++) {
        timer.beforeStep();
        sim.step();
      }
    }
    if (DEBUG) {
      for (int k = 0; k < n; k++) {
        StringBuilder sb = new StringBuilder("incident " + k + " reached " + reached[k] + ":");
        for (int e = 0; e < entries.size(); e++) {
          sb.append(' ').append(entries.get(e).provider().name()).append('=').append(firstDetect[e][k]);
        }
        System.err.println(sb);
      }
    }
    for (int e = 0; e < entries.size(); e++) {
      Score s = scores.get(e);
      s.falseAlarms += falseAlarms[e];
      s.detectorIntervals += intervalsScored[0];
      for (int k = 0; k < n; k++) {
        s.incidents++;
        if (reached[k] == 0) {
          s.unreached++;
        } else if (!Double.isNaN(firstDetect[e][k])) {
          s.detected++;
          s.detectSecondsSum += firstDetect[e][k];
        }
      }
    }
  }

  private static boolean affects(SimNetwork net, Incident inc, int lane) {
    return net.laneRoad(lane) == net.road(inc.roadId()) && inc.blocksLane(net.laneIndexInRoad(lane));
  }

  /** The scores as a table (fixed-width text). */
  public static String table(List<Score> scores) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-16s %9s %8s %8s %8s %12s %14s %10s%n",
        "detector", "incidents", "reached", "detected", "DR %", "false alarms", "FAR %/det-int", "MTTD s"));
    for (Score s : scores) {
      sb.append(String.format(Locale.ROOT, "%-16s %9d %8d %8d %8.1f %12d %14.4f %10.1f%n",
          s.detector, s.incidents, s.incidents - s.unreached, s.detected, 100 * s.detectionRate(), s.falseAlarms,
          100 * s.falseAlarmRate(), s.meanTimeToDetectSeconds()));
    }
    return sb.toString();
  }
}

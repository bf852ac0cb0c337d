package io.citybrain.traffic.sim;

import static io.citybrain.traffic.sim.VehicleTable.FINISHING;
import static io.citybrain.traffic.sim.VehicleTable.NONE;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.incident.Incident;
import io.citybrain.traffic.network.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A microscopic traffic simulation compatible with CityFlow (commit 81ee0f4; see {@code
 * docs/traffic-model.md} for the model and its sources). One call of {@link #step()} advances the
 * clock by one interval:
 *
 * <ol>
 *   <li>flows create vehicles (file order) and queue them on their first lane;
 *   <li>each lane admits at most one waiting vehicle, when its last vehicle is more than
 *       {@code minGap} from the lane start;
 *   <li>conflict points record the nearest vehicle on each side;
 *   <li>every running vehicle computes its next speed from the state at the start of the step
 *       (car following, red lights, blocked exits, turn speed, yielding at conflict points);
 *   <li>vehicles move (trapezoidal rule), cross into the next drivables of their path, or finish;
 *   <li>leaders and gaps are recomputed.
 * </ol>
 *
 * <p>State lives in primitive arrays indexed by a vehicle slot (struct of arrays); a lane keeps
 * its vehicles in an array from front (nearest its end) to back. No allocation per vehicle per
 * step. Deterministic: a seeded {@link SplittableRandom} and a fixed iteration order give
 * bit-identical results for the same inputs and seed, whatever the thread count.
 *
 * <p>Signals: {@link #setPhase(int, int)} sets an intersection's phase; the timing rules (yellow,
 * minimum green, decision interval) are enforced by {@link SignalTimer}, not here. Intersections
 * without phases (unsignalised) let every road link through and rely on yielding.
 *
 * <p>Not thread-safe: drive one simulation from one thread (it may use worker threads of its own,
 * see {@link SimulationConfig#threads()}; {@link #close()} stops them).
 */
public final class Simulation implements AutoCloseable {
  /** Speed below which a vehicle counts as stopped (waiting), m/s; CityFlow's 0.1. */
  public static final double STOPPED_SPEED = 0.1;

  /** Speed cap when approaching a turning lane link, m/s (CityFlow's fixed default). */
  public static final double TURN_SPEED = 8.3333;

  /** Standing time after which a vehicle at a priority junction takes its turn, s. */
  public static final double IMPATIENCE_SECONDS = 10;

  /** Distance before a conflict point at which a yielding vehicle stops, m. */
  public static final double YIELD_DISTANCE = 5;

  /** Vehicles in the network below which a step runs on the calling thread only. */
  private static final int PARALLEL_MIN_VEHICLES = 2000;

  private int parallelMinVehicles = PARALLEL_MIN_VEHICLES;

  final SimNetwork net;
  private final Demand demand;
  private final FlowPlans plans;
  private final SimulationConfig config;
  private final double dt;
  private final int laneCount;
  private final boolean safeMerging;

  // The state and rules of a step, each in its own class of this package. They share the vehicle
  // table and the drivables' lists (dv, dvCount) below; this class owns them, says in which order
  // the rules run (step()) and answers the queries.

  // vehicle types and the per-vehicle state, by slot
  private final VehicleTypes types;
  private final VehicleTable vehicles = new VehicleTable();

  // per drivable, its vehicles front (index 0) to back; per lane, the entry queue
  private final int[][] dv;
  private final int[] dvCount;
  private final IntQueue[] waiting;

  // signals: phase per intersection, green per road link
  private final int[] phase;
  private final boolean[] roadLinkGreen;

  // flows: when they create vehicles, and how many each has created
  private final FlowSchedule schedule;
  private final int[] flowCount;

  // conflict points between lane links and who yields at them
  private final ConflictPoints conflicts;

  // each vehicle's next speed and position
  private final SpeedRules speedRules;

  // the drivables' lists as vehicles enter, move and finish; leaders and gaps
  private final Movement movement;

  // counters and sums behind the figures
  private final StepStats stats;

  // lane changing, or null when it is off
  private final LaneChanges laneChanges;

  private final List<StepObserver> observers = new ArrayList<>();

  // incidents: per lane, where it is blocked now (m from its start; NaN when open), and the
  // blockages of the run, one entry per blocked lane
  private final double[] blockedAt;
  private int[] blockLane = new int[0];
  private double[] blockPosition = new double[0];
  private double[] blockStart = new double[0];
  private double[] blockEnd = new double[0];
  private List<Incident> incidents = List.of();

  // parallel stepping: drivables partStart[p] (incl.) to partStart[p + 1] are part p's
  private final StepWorkers workers;
  private final int[] partStart;

  private SplittableRandom random;
  private int step;

  /** The City Brain Challenge engine's rules, or null under CityFlow's. */
  private final CBEngineRules cbengine;

  /**
   * Creates a simulation at time 0 with all signals in phase 0.
   *
   * @param network the compiled network
   * @param demand the flows (the same list {@code plans} was compiled from)
   * @param plans the flows' paths, from {@link FlowPlans#compile}
   * @param config step length, seed, threads
   * @throws IllegalArgumentException if {@code plans} does not match {@code demand}
   */
  public Simulation(SimNetwork network, Demand demand, FlowPlans plans, SimulationConfig config) {
    if (plans.flowCount() != demand.flows().size()) {
      throw new IllegalArgumentException("flow plans do not match the demand");
    }
    this.net = network;
    this.demand = demand;
    this.plans = plans;
    this.config = config;
    this.dt = config.intervalSeconds();
    this.laneCount = network.laneCount;
    this.safeMerging = !config.cityFlowCompatible();
    int parts = config.threads();
    this.workers = new StepWorkers(parts);
    this.partStart = new int[parts + 1];

    this.types = new VehicleTypes(plans.types, dt);

    int d = network.drivableCount;
    dv = new int[d][];
    dvCount = new int[d];
    for (int k = 0; k < d; k++) {
      dv[k] = new int[4];
    }
    waiting = new IntQueue[laneCount];
    for (int k = 0; k < laneCount; k++) {
      waiting[k] = new IntQueue();
    }
    phase = new int[network.intersectionIds.length];
    roadLinkGreen = new boolean[network.roadLinkIntersection.length];
    conflicts =
        new ConflictPoints(
            network, types, vehicles, dv, dvCount, roadLinkGreen, dt, safeMerging, parts);
    blockedAt = new double[laneCount];
    Arrays.fill(blockedAt, Double.NaN);
    speedRules =
        new SpeedRules(network, types, vehicles, conflicts, dv, dvCount, roadLinkGreen, blockedAt, dt);
    stats = new StepStats(vehicles, dv, dvCount, network, dt, parts);
    movement =
        new Movement(network, types, vehicles, dv, dvCount, waiting, stats, safeMerging, parts);
    stats.shadowsInTravelTime = config.cityFlowCompatible();
    laneChanges =
        config.laneChange()
            ? new LaneChanges(
                network, types, vehicles, dv, dvCount, stats, movement, speedRules, config.cityFlowCompatible(), dt)
            : null;
    schedule = new FlowSchedule(demand.flows(), dt, plans.skipped);
    flowCount = new int[demand.flows().size()];
    cbengine =
        config.engineRules().isCBEngine()
            ? new CBEngineRules(
                network, demand, plans, vehicles, dv, dvCount, stats, roadLinkGreen, phase, workers, config.seed(),
                config.engineRules())
            : null;

    reset();
  }

  /**
   * Returns the simulation to time 0: no vehicles, flows rewound, every signal in phase 0, the
   * random generator re-seeded. Memory held by earlier vehicles is released.
   */
  public void reset() {
    vehicles.clear();
    movement.clear();
    conflicts.clear();
    if (laneChanges != null) {
      laneChanges.clear();
    }
    schedule.clear();
    Arrays.fill(flowCount, 0);
    random = new SplittableRandom(config.seed());
    step = 0;
    stats.clear();
    if (cbengine != null) {
      cbengine.clear();
    }
    for (int i = 0; i < phase.length; i++) {
      setPhase(i, 0);
    }
  }

  // ---------------------------------------------------------------- signals

  /**
   * Sets the phase of intersection {@code intersection}; takes effect for the next step.
   *
   * @param intersection index in the network's intersection list
   * @param phaseIndex 0..phases-1 of that intersection; ignored for unsignalised intersections
   * @throws IndexOutOfBoundsException if {@code phaseIndex} is not a phase of a signalised
   *     intersection
   */
  public void setPhase(int intersection, int phaseIndex) {
    int first = net.intersectionFirstRoadLink[intersection];
    int count = net.intersectionRoadLinkCount[intersection];
    if (!net.intersectionSignalized[intersection]) {
      for (int k = 0; k < count; k++) {
        roadLinkGreen[first + k] = true;
      }
      phase[intersection] = 0;
      return;
    }
    List<Phase> phases = net.phases(intersection);
    Phase p = phases.get(phaseIndex);
    if (cbengine != null && phase[intersection] != phaseIndex) {
      cbengine.phaseChanged(intersection, step);
    }
    for (int k = 0; k < count; k++) {
      roadLinkGreen[first + k] = false;
    }
    for (int local : p.availableRoadLinks()) {
      roadLinkGreen[first + local] = true;
    }
    phase[intersection] = phaseIndex;
  }

  /** Current phase of intersection {@code intersection} (0 when unsignalised). */
  public int phase(int intersection) {
    return phase[intersection];
  }

  // ---------------------------------------------------------------- step

  /** Registers an observer called after every step (metrics, replay, live state). */
  public void addObserver(StepObserver observer) {
    observers.add(observer);
  }

  /**
   * Advances the simulation by one interval. With {@code threads > 1} the per-vehicle and
   * per-drivable phases run on several threads over contiguous ranges of drivables; everything
   * combined across ranges (finished trips, vehicles changing drivable, counters) is combined in
   * drivable order, so results are bit-identical at any thread count.
   */
  public void step() {
    if (cbengine != null) {
      stepCBEngine();
      return;
    }
    applyIncidents();
    spawnVehicles();
    movement.admitWaitingVehicles();
    if (laneChanges != null) {
      laneChanges.decide(now());
      laneChanges.schedule(random);
    }
    partitionDrivables();
    boolean parallel = stats.running >= parallelMinVehicles;
    inParts(parallel, conflicts::notifyCrosses);
    inParts(parallel, this::computeActions);
    if (laneChanges != null) {
      laneChanges.pairAndProgress(now());
    }
    inParts(parallel, this::compactDrivables);
    moveVehicles();
    inParts(parallel, this::commitActions);
    movement.releaseFinishers();
    inParts(parallel, this::updateLeadersAndGaps);
    inParts(parallel, this::accountStep);
    stats.endStep();
    step++;
    for (StepObserver o : observers) {
      o.afterStep(this);
    }
  }

  /**
   * Sets the incidents of this run (replacing any earlier ones); each blocks its lanes while
   * {@link Incident#activeAt} the time at the start of a step. See {@link Incident} for the rule.
   *
   * @param list the incidents; their roads and lanes must exist in the network
   * @throws IllegalArgumentException naming an incident whose road or lane is not in the network,
   *     or whose position is not inside the road
   * @throws IllegalStateException under the challenge engine's rules, which have no incidents
   */
  public void setIncidents(List<Incident> list) {
    if (cbengine != null && !list.isEmpty()) {
      throw new IllegalStateException("incidents are simulated under CityFlow's rules only, not " + config.engineRules());
    }
    int n = 0;
    for (Incident inc : list) {
      int r = net.road(inc.roadId());
      if (r < 0) {
        throw new IllegalArgumentException("incident " + inc.id() + ": road '" + inc.roadId() + "' is not in the network");
      }
      n += inc.wholeRoad() ? net.lanesOfRoad(r) : inc.laneIndices().size();
    }
    int[] lane = new int[n];
    double[] pos = new double[n];
    double[] start = new double[n];
    double[] end = new double[n];
    int k = 0;
    for (Incident inc : list) {
      int r = net.road(inc.roadId());
      int lanes = net.lanesOfRoad(r);
      for (int i = 0; i < lanes; i++) {
        if (!inc.blocksLane(i)) {
          continue;
        }
        int l = net.lane(inc.roadId(), i);
        if (!(inc.positionMeters() < net.length[l])) {
          throw new IllegalArgumentException("incident " + inc.id() + ": position " + inc.positionMeters()
              + " m is not inside road '" + inc.roadId() + "' (" + net.length[l] + " m)");
        }
        lane[k] = l;
        pos[k] = inc.positionMeters();
        start[k] = inc.startSeconds();
        end[k] = inc.endSeconds();
        k++;
      }
      for (int i : inc.laneIndices()) {
        if (i < 0 || i >= lanes) {
          throw new IllegalArgumentException("incident " + inc.id() + ": road '" + inc.roadId() + "' has no lane " + i
              + " (it has " + lanes + ")");
        }
      }
    }
    blockLane = lane;
    blockPosition = pos;
    blockStart = start;
    blockEnd = end;
    incidents = List.copyOf(list);
    applyIncidents();
  }

  /** The incidents of this run, as given to {@link #setIncidents}. */
  public List<Incident> incidents() {
    return incidents;
  }

  /**
   * Where lane {@code lane} is blocked now, m from its start (the nearest blockage of those in
   * place), or NaN when it is open.
   */
  public double laneBlockedAtMeters(int lane) {
    return blockedAt[lane];
  }

  /** Sets each lane's blockage for the time at the start of this step. */
  private void applyIncidents() {
    if (blockLane.length == 0) {
      return;
    }
    Arrays.fill(blockedAt, Double.NaN);
    double t = now();
    for (int k = 0; k < blockLane.length; k++) {
      if (t >= blockStart[k] && t < blockEnd[k]) {
        int l = blockLane[k];
        double b = blockedAt[l];
        blockedAt[l] = b == b ? Math.min(b, blockPosition[k]) : blockPosition[k];
      }
    }
  }

  /** One step under the challenge engine's rules ({@link CBEngineRules}). */
  private void stepCBEngine() {
    boolean parallel = stats.running >= parallelMinVehicles;
    cbengine.step(step, schedule, plans, parallel);
    partitionDrivables();
    inParts(parallel, this::accountStep);
    stats.endStep();
    step++;
    for (StepObserver o : observers) {
      o.afterStep(this);
    }
  }

  /** Makes every step use the worker threads, however small the load (tests of determinism). */
  void forceParallel() {
    parallelMinVehicles = 0;
  }

  /**
   * Runs a phase over all parts, on the worker threads or (for small loads, where starting
   * threads costs more than it saves) on this thread; the results are the same either way.
   */
  private void inParts(boolean parallel, java.util.function.IntConsumer phase) {
    if (parallel) {
      workers.run(phase);
    } else {
      workers.runHere(phase);
    }
  }

  private double now() {
    return step * dt;
  }

  private void spawnVehicles() {
    int n = schedule.advance();
    for (int k = 0; k < n; k++) {
      createVehicle(schedule.due(k));
    }
  }

  private void createVehicle(int f) {
    int[] firsts = plans.firstLanes[f];
    long prio = random.nextLong();
    int choice = firsts.length > 1 ? random.nextInt(firsts.length) : 0;
    int t = plans.flowType[f];
    int[] route = plans.paths[f][choice];
    double createdAt = now();
    int v = vehicles.add(t, f, flowCount[f]++, route, createdAt, freeFlowTime(route, t), prio);
    vehicles.uid[v] = (int) stats.spawned;
    if (laneChanges != null) {
      vehicles.lcLastTime[v] = laneChanges.initialLastChangeTime();
    }
    waiting[route[0]].add(v);
    stats.vehicleSpawned(createdAt);
  }

  /**
   * Free-flow travel time of a path, s: each drivable at the lower of the vehicle's and the
   * drivable's speed (lane links at their approach speed: the turn speed on CityFlow turns, the declared limit of SUMO internal lanes), plus the time lost accelerating
   * from rest to the vehicle's maximum speed, v/(2a).
   */
  private double freeFlowTime(int[] p, int t) {
    double sum = 0;
    for (int d : p) {
      double v = Math.min(types.maxSpeed[t], net.maxSpeed[d]);
      if (d >= laneCount) {
        v = Math.min(v, net.linkApproachSpeed[d - laneCount]);
      }
      sum += net.length[d] / v;
    }
    return sum + types.maxSpeed[t] / (2 * types.maxPosAcc[t]);
  }

  // ---------------------------------------------------------------- phases of a step

  // The per-part phases run one rule over part p's drivables, on any thread (see step()).

  private void computeActions(int part) {
    speedRules.computeActions(partStart[part], partStart[part + 1], now());
  }

  private void compactDrivables(int part) {
    movement.compact(part, partStart[part], partStart[part + 1]);
  }

  private void commitActions(int part) {
    movement.commit(partStart[part], partStart[part + 1]);
  }

  private void updateLeadersAndGaps(int part) {
    movement.updateLeadersAndGaps(partStart[part], partStart[part + 1]);
  }

  /** Stop records as of the end of the step. */
  private void accountStep(int part) {
    stats.countStops(part, partStart[part], partStart[part + 1], (step + 1) * dt);
  }

  /**
   * Finishes trips and moves vehicles onto their new drivables, sequentially and in drivable
   * order (the order a single thread would see).
   */
  private void moveVehicles() {
    double t = now();
    int finishers = movement.gatherMoves();
    for (int k = 0; k < finishers; k++) {
      int v = movement.finisher(k);
      movement.countLinkEntries(v);
      finish(v, t);
    }
    movement.placeMovers(step);
  }

  private void finish(int v, double t) {
    vehicles.state[v] = FINISHING;
    double tt = t - vehicles.enterTime[v];
    stats.tripFinished(v, tt);
    for (StepObserver o : observers) {
      o.vehicleFinished(this, v, tt);
    }
  }

  /**
   * Splits the drivables into contiguous ranges of about equal work (vehicles plus a constant per
   * drivable), one per part. Any split gives the same results; this one only balances the load.
   */
  private void partitionDrivables() {
    int parts = workers.parts();
    int dc = net.drivableCount;
    if (parts == 1) {
      partStart[0] = 0;
      partStart[1] = dc;
      return;
    }
    long total = 0;
    for (int d = 0; d < dc; d++) {
      total += dvCount[d] + 1;
    }
    long acc = 0;
    int p = 1;
    partStart[0] = 0;
    for (int d = 0; d < dc && p < parts; d++) {
      acc += dvCount[d] + 1;
      if (acc * parts >= total * p) {
        partStart[p++] = d + 1;
      }
    }
    while (p <= parts) {
      partStart[p++] = dc;
    }
  }

  /**
   * Stops the worker threads of a multi-threaded simulation (a no-op with one thread). The
   * simulation must not be stepped afterwards.
   */
  @Override
  public void close() {
    workers.close();
  }

  // ---------------------------------------------------------------- read API

  /** Steps taken since the start (or the last reset). */
  public int stepCount() {
    return step;
  }

  /** Simulated time, s: steps × interval. */
  public double timeSeconds() {
    return step * dt;
  }

  /** The step length, s. */
  public double intervalSeconds() {
    return dt;
  }

  /** The compiled network. */
  public SimNetwork network() {
    return net;
  }

  /** The run's settings. */
  public SimulationConfig config() {
    return config;
  }

  /** Vehicles created by flows so far. */
  public long vehiclesSpawned() {
    return stats.spawned;
  }

  /**
   * Vehicles that flows whose route cannot be driven would have created so far (they are skipped,
   * see {@link FlowPlans#unroutable()}); not counted in {@link #vehiclesSpawned()}.
   */
  public long vehiclesSkippedUnroutable() {
    return schedule.vehiclesSkipped();
  }

  /** Vehicles that left an entry queue onto their first lane (= finished + in network). */
  public long vehiclesEntered() {
    return stats.entered;
  }

  /**
   * The City Brain Challenge's delay index now (its {@code evaluate.py}): the mean over every
   * vehicle created so far of (TT + TT_rest) / TT_ff, where TT is the time from creation to the
   * vehicle's last recorded step (the step before this check for vehicles still driving, the step
   * before arrival for finished ones), TT_rest the rest of its route at the roads' speed limits
   * and TT_ff its whole route at the limits. Checked by the challenge every 20 s; a run stops at
   * the first check above 1.40. Defined under the {@link EngineRules#CBENGINE_2021} rules (NaN
   * under CityFlow's, and before any vehicle was created).
   */
  public double challengeDelayIndex() {
    return cbengine == null ? Double.NaN : cbengine.challengeDelayIndex(step);
  }

  /** Vehicles that reached the end of their route. */
  public long vehiclesFinished() {
    return stats.finished;
  }

  /** Vehicles running in the network now (on lanes or lane links). */
  public int vehiclesInNetwork() {
    return stats.running;
  }

  /** Vehicles spawned but still queued outside the network. */
  public int vehiclesWaitingToEnter() {
    return stats.waiting;
  }

  /** Σ over steps of vehicles in the network after the step (vehicle-steps). */
  public long vehicleSteps() {
    return stats.vehicleSteps;
  }

  /**
   * Times a vehicle entering a drivable was held behind the vehicle ahead to prevent an overlap
   * (always 0 in CityFlow-compatible mode, where the overlap is left to happen).
   */
  public long overlapsPrevented() {
    return stats.overlapsPrevented;
  }

  /** Largest number of vehicles in the network after any step so far. */
  public int peakVehiclesInNetwork() {
    return stats.peakRunning;
  }

  /** Memory held by the mutable state now; see {@link MemoryFootprint}. */
  public MemoryFootprint memoryFootprint() {
    long vehicleBytes = vehicles.bytes();
    long laneBytes = 0;
    for (int[] list : dv) {
      laneBytes += 16 + 4L * list.length;
    }
    for (IntQueue q : waiting) {
      laneBytes += 32 + 16 + 4L * q.capacity();
    }
    laneBytes += 16 + 4L * dvCount.length;
    laneBytes += 32 + 12L * conflicts.sideCount();
    laneBytes +=
        16 + 4L * phase.length + 16 + roadLinkGreen.length + 16 + 8L * stats.linkEntries.length;
    return new MemoryFootprint(
        vehicles.capacity,
        VehicleTable.BYTES_PER_SLOT,
        laneCount,
        laneCount == 0 ? 0 : (double) laneBytes / laneCount,
        vehicleBytes + laneBytes);
  }

  /** Total number of stops (a running vehicle's speed falling below 0.1 m/s). */
  public long totalStops() {
    return stats.totalStops;
  }

  /** Stops made by finished vehicles. */
  public long finishedStops() {
    return stats.finishedStops;
  }

  /** Longest time any vehicle has stood still without moving so far, s. */
  public double maxStoppedSeconds() {
    return stats.maxStoppedSeconds;
  }

  /**
   * CityFlow's average travel time, s: finished trips plus the time so far of every vehicle
   * spawned but not finished (running or waiting to enter), over all spawned vehicles; 0 when
   * none was spawned.
   */
  public double averageTravelTimeSeconds() {
    return stats.averageTravelTime(timeSeconds());
  }

  /** Mean travel time of finished trips, s; NaN when none has finished. */
  public double averageTravelTimeFinishedSeconds() {
    return stats.averageTravelTimeFinished();
  }

  /** Mean delay of finished trips against their free-flow time, s; NaN when none finished. */
  public double averageDelayFinishedSeconds() {
    return stats.averageDelayFinished();
  }

  /**
   * Mean delay index of finished trips (travel time ÷ free-flow travel time, the City Brain
   * Challenge's measure); NaN when none finished.
   */
  public double averageDelayIndexFinished() {
    return stats.averageDelayIndexFinished();
  }

  /** Vehicles that have entered lane link drivable {@code link} since the start. */
  public long laneLinkEntries(int link) {
    return stats.linkEntries[link - laneCount];
  }

  /** Vehicles on drivable {@code d} now (lane counts exclude vehicles on lane links). */
  public int vehicleCount(int d) {
    return dvCount[d];
  }

  /**
   * Vehicles on lane {@code lane} with speed below 0.1 m/s (CityFlow's lane waiting count), as of
   * the end of the last step.
   */
  public int waitingVehicleCount(int lane) {
    return stats.laneStopped[lane];
  }

  /** Vehicles on all lanes with speed below 0.1 m/s after the last step: the queue length. */
  public int queueLengthVehicles() {
    return stats.stoppedOnLanes;
  }

  /** Vehicles queued outside the network to enter lane {@code lane}. */
  public int entryQueueLength(int lane) {
    return waiting[lane].size();
  }

  /**
   * Slot of the {@code k}-th vehicle (front first) queued outside the network to enter lane
   * {@code lane}, {@code 0 <= k < entryQueueLength(lane)}.
   */
  public int entryQueueVehicle(int lane, int k) {
    return waiting[lane].get(k);
  }

  /** Slot of the {@code k}-th vehicle (front first) on drivable {@code d}. */
  public int vehicleAt(int d, int k) {
    return dv[d][k];
  }

  /** Distance of vehicle slot {@code v}'s front from the start of its drivable, m. */
  public double vehiclePosition(int v) {
    return vehicles.dis[v];
  }

  /** Speed of vehicle slot {@code v}, m/s. */
  public double vehicleSpeed(int v) {
    return vehicles.speed[v];
  }

  /** Drivable vehicle slot {@code v} is on. */
  public int vehicleDrivable(int v) {
    return vehicles.drivable[v];
  }

  /** Length of vehicle slot {@code v}, m. */
  public double vehicleLength(int v) {
    return types.len[vehicles.type[v]];
  }

  /** Top speed of vehicle slot {@code v}'s type, m/s. */
  public double vehicleMaxSpeed(int v) {
    return types.maxSpeed[vehicles.type[v]];
  }

  /** Width of vehicle slot {@code v}, m. */
  public double vehicleWidth(int v) {
    return types.width[vehicles.type[v]];
  }

  /** Min gap of vehicle slot {@code v}, m. */
  public double vehicleMinGap(int v) {
    return types.minGap[vehicles.type[v]];
  }

  /** Index of the flow that created vehicle slot {@code v}. */
  public int vehicleFlow(int v) {
    return vehicles.flowOf[v];
  }

  /**
   * CityFlow-style id of vehicle slot {@code v}: {@code <flowId>_<n>}, and {@code
   * <flowId>_<n>_shadow} for a lane-change shadow (as CityFlow names them).
   */
  public String vehicleId(int v) {
    String id = demand.flows().get(vehicles.flowOf[v]).id() + "_" + vehicles.serial[v];
    return vehicles.lcRole[v] == VehicleTable.LC_SHADOW ? id + "_shadow" : id;
  }

  /**
   * True when vehicle slot {@code v} is the shadow of a lane change in progress: a copy of a
   * vehicle on its target lane, in the lane's vehicle list (and counts) but not a vehicle of its
   * own ({@link #vehiclesInNetwork()} leaves it out).
   */
  public boolean vehicleIsShadow(int v) {
    return vehicles.lcRole[v] == VehicleTable.LC_SHADOW;
  }

  /**
   * Lateral offset of vehicle slot {@code v} towards its lane-change target, m (positive towards
   * the outer lanes); 0 when it is not changing lanes.
   */
  public double vehicleLaneChangeOffset(int v) {
    return laneChanges == null ? 0 : laneChanges.offset(v);
  }

  /** Lane changes started since the start (shadows created). */
  public long laneChangesStarted() {
    return stats.laneChangesStarted;
  }

  /** Lane changes completed since the start (shadows that took over their vehicle). */
  public long laneChangesCompleted() {
    return stats.laneChangesCompleted;
  }

  /** Lane changes aborted since the start (shadows that ran off their lane first). */
  public long laneChangesAborted() {
    return stats.laneChangesAborted;
  }

  /** Lane-change shadows alive now (changes in progress). */
  public int shadowsInNetwork() {
    return stats.shadows;
  }

  /**
   * Number of vehicle slot {@code v}'s vehicle in creation order (0 for the first vehicle of the
   * run): an identity that, unlike the slot, is never reused within a run.
   */
  public int vehicleUid(int v) {
    return vehicles.uid[v];
  }

  /** Creation time of vehicle slot {@code v}, s. */
  public double vehicleEnterTime(int v) {
    return vehicles.enterTime[v];
  }

  /** Free-flow travel time of vehicle slot {@code v}'s path, s. */
  public double vehicleFreeFlowTime(int v) {
    return vehicles.freeFlowTime[v];
  }

  /**
   * The drivable vehicle slot {@code v} enters after its current one, or -1 on its last lane. For
   * monitoring (gridlock detection, replay); controllers never see it.
   */
  public int vehicleNextDrivable(int v) {
    return vehicles.nextDrivable(v, 0);
  }

  /**
   * The vehicle that vehicle slot {@code v} yielded to at a conflict point in the last step, or
   * -1. For monitoring (gridlock detection).
   */
  public int vehicleBlocker(int v) {
    return vehicles.blocker[v];
  }

  /**
   * True when vehicle slot {@code v} could drive into lane {@code lane} now: the lane's last
   * vehicle is clear of its start or still moving (the "don't block the box" rule).
   */
  public boolean laneCanBeEntered(int lane, int v) {
    return speedRules.canEnter(lane, vehicles.type[v]);
  }

  /** Last road of vehicle slot {@code v}'s path (its road index). */
  public int vehicleLastRoad(int v) {
    int[] p = vehicles.path[v];
    return net.laneRoad[p[p.length - 1]];
  }

  /**
   * The next lane on vehicle slot {@code v}'s path after the drivable it is on (the lane beyond
   * the coming intersection when it is on a lane), or -1 when it is on its last lane. What an
   * emergency vehicle's approach notice reports as its next road.
   */
  public int vehicleNextLane(int v) {
    int[] pa = vehicles.path[v];
    for (int p = vehicles.pathPos[v] + 1; p < pa.length; p++) {
      if (pa[p] < laneCount) {
        return pa[p];
      }
    }
    return NONE;
  }

  /** True when the road link of lane link drivable {@code link} has green now. */
  public boolean isGreen(int link) {
    return roadLinkGreen[net.linkRoadLink[link - laneCount]];
  }

  /** The demand being simulated. */
  public Demand demand() {
    return demand;
  }
}

package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-vehicle trip figures as SUMO's tripinfo device writes them (SUMO documentation,
 * "Simulation/Output/TripInfo"), so that citybrain's results can be set beside SUMO's on the same
 * scenario, and RESCO's delay metric computed:
 *
 * <ul>
 *   <li><b>depart</b>: the time the vehicle enters its first lane (the start of the step in which
 *       it is admitted), s; <b>departDelay</b> = depart − its scheduled (creation) time.
 *   <li><b>duration</b> = arrival − depart, s (not counting the wait to enter).
 *   <li><b>waitingTime</b>: Σ Δt over steps that end with the vehicle slower than 0.1 m/s.
 *   <li><b>timeLoss</b>: Σ Δt·(1 − v/v_max) over steps, v the speed at the end of the step and
 *       v_max the lower of the vehicle's top speed and the speed limit of the drivable it is on
 *       (a lane, or a lane link at its approach speed): the time lost against driving at the
 *       allowed speed all the way.
 * </ul>
 *
 * Vehicles still running at the end are reported as unfinished (SUMO's {@code
 * --tripinfo-output.write-unfinished}); vehicles created but never admitted are counted apart.
 * Times in s. An observer: reads the simulation after each step and never changes it; per-step
 * cost is one pass over the vehicles in the network.
 */
public final class TripInfoRecorder implements StepObserver {
  /** Speed below which SUMO counts a vehicle as waiting (halting), m/s. */
  public static final double HALTING_SPEED = 0.1;

  /**
   * One vehicle's trip.
   *
   * @param id vehicle id
   * @param scheduledSeconds its scheduled departure (creation time), s
   * @param departSeconds when it entered the network, s
   * @param arrivalSeconds when it finished, s, or NaN when still running
   * @param waitingSeconds time slower than 0.1 m/s, s
   * @param timeLossSeconds time lost against the allowed speed, s
   */
  public record Trip(
      String id,
      double scheduledSeconds,
      double departSeconds,
      double arrivalSeconds,
      double waitingSeconds,
      double timeLossSeconds) {

    /** arrival − depart, or (for an unfinished trip) {@code now} − depart, s. */
    public double durationSeconds(double now) {
      return (Double.isNaN(arrivalSeconds) ? now : arrivalSeconds) - departSeconds;
    }

    /** depart − scheduled, s. */
    public double departDelaySeconds() {
      return departSeconds - scheduledSeconds;
    }

    /** True when the vehicle reached the end of its route. */
    public boolean arrived() {
      return !Double.isNaN(arrivalSeconds);
    }
  }

  private int capacity = 0;
  private int[] slotFlow = new int[0];
  private double[] slotCreated = new double[0];
  private double[] depart = new double[0];
  private double[] waiting = new double[0];
  private double[] timeLoss = new double[0];
  private boolean[] live = new boolean[0];
  private final List<Trip> finished = new ArrayList<>();

  @Override
  public void afterStep(Simulation sim) {
    SimNetwork net = sim.network();
    double dt = sim.intervalSeconds();
    double now = sim.timeSeconds();
    int drivables = net.drivableCount();
    for (int d = 0; d < drivables; d++) {
      int n = sim.vehicleCount(d);
      if (n == 0) {
        continue;
      }
      double limit = net.maxSpeedMetersPerSecond(d);
      for (int k = 0; k < n; k++) {
        int v = sim.vehicleAt(d, k);
        track(sim, v, now, dt);
        double speed = sim.vehicleSpeed(v);
        double vmax = Math.min(limit, sim.vehicleMaxSpeed(v));
        if (speed < HALTING_SPEED) {
          waiting[v] += dt;
        }
        timeLoss[v] += dt * Math.max(0, 1 - speed / vmax);
      }
    }
  }

  @Override
  public void vehicleFinished(Simulation sim, int v, double travelTimeSeconds) {
    double now = sim.timeSeconds();
    track(sim, v, now + sim.intervalSeconds(), sim.intervalSeconds());
    finished.add(new Trip(sim.vehicleId(v), sim.vehicleEnterTime(v), depart[v], now, waiting[v], timeLoss[v]));
    live[v] = false;
  }

  /** Starts tracking slot {@code v} when it holds a vehicle not seen before. */
  private void track(Simulation sim, int v, double now, double dt) {
    if (v >= capacity) {
      int c = Math.max(v + 1, capacity * 2 + 16);
      slotFlow = Arrays.copyOf(slotFlow, c);
      slotCreated = Arrays.copyOf(slotCreated, c);
      depart = Arrays.copyOf(depart, c);
      waiting = Arrays.copyOf(waiting, c);
      timeLoss = Arrays.copyOf(timeLoss, c);
      live = Arrays.copyOf(live, c);
      capacity = c;
    }
    int flow = sim.vehicleFlow(v);
    double created = sim.vehicleEnterTime(v);
    if (!live[v] || slotFlow[v] != flow || slotCreated[v] != created) {
      live[v] = true;
      slotFlow[v] = flow;
      slotCreated[v] = created;
      depart[v] = now - dt; // admitted at the start of the step just taken
      waiting[v] = 0;
      timeLoss[v] = 0;
    }
  }

  /** Trips of the vehicles that arrived, in order of arrival. */
  public List<Trip> arrived() {
    return List.copyOf(finished);
  }

  /** Trips of the vehicles in the network now (unfinished), in drivable order. */
  public List<Trip> running(Simulation sim) {
    List<Trip> out = new ArrayList<>();
    SimNetwork net = sim.network();
    for (int d = 0; d < net.drivableCount(); d++) {
      for (int k = 0; k < sim.vehicleCount(d); k++) {
        int v = sim.vehicleAt(d, k);
        if (v < capacity && live[v]) {
          out.add(new Trip(sim.vehicleId(v), slotCreated[v], depart[v], Double.NaN, waiting[v], timeLoss[v]));
        }
      }
    }
    return out;
  }

  /**
   * Scheduled departure times of the vehicles created but still waiting to enter, s, ascending.
   */
  public static double[] waitingToEnter(Simulation sim) {
    List<Double> times = new ArrayList<>();
    for (int lane = 0; lane < sim.network().laneCount(); lane++) {
      for (int k = 0; k < sim.entryQueueLength(lane); k++) {
        times.add(sim.vehicleEnterTime(sim.entryQueueVehicle(lane, k)));
      }
    }
    return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /**
   * The summary SUMO prints with {@code --duration-log.statistics} (means over arrived vehicles)
   * and RESCO's delay, at the end of a run.
   *
   * @param sim the simulation, at its last step
   * @param scheduledNeverCreated scheduled departures (s, simulation time) of vehicles the run
   *     never created (departing after its end), for RESCO's rule; usually empty
   */
  public TripStatistics statistics(Simulation sim, double[] scheduledNeverCreated) {
    double now = sim.timeSeconds();
    List<Trip> arrived = arrived();
    List<Trip> running = running(sim);
    double[] waitingToEnter = waitingToEnter(sim);
    double duration = 0;
    double wait = 0;
    double loss = 0;
    double delay = 0;
    for (Trip t : arrived) {
      duration += t.durationSeconds(now);
      wait += t.waitingSeconds();
      loss += t.timeLossSeconds();
      delay += t.departDelaySeconds();
    }
    int n = arrived.size();
    // RESCO (utils/readXML.py): timeLoss + departDelay of every tripinfo entry, arrived and
    // unfinished, plus end - scheduled for each vehicle scheduled after the last one that departed
    double rescoSum = 0;
    int rescoCount = 0;
    double lastDepartedSchedule = Double.NEGATIVE_INFINITY;
    for (List<Trip> group : List.of(arrived, running)) {
      for (Trip t : group) {
        rescoSum += t.timeLossSeconds() + t.departDelaySeconds();
        rescoCount++;
        lastDepartedSchedule = Math.max(lastDepartedSchedule, t.scheduledSeconds());
      }
    }
    for (double[] never : new double[][] {waitingToEnter, scheduledNeverCreated}) {
      for (double s : never) {
        if (s > lastDepartedSchedule) {
          rescoSum += now - s;
          rescoCount++;
        }
      }
    }
    return new TripStatistics(
        n,
        running.size(),
        waitingToEnter.length,
        n == 0 ? Double.NaN : duration / n,
        n == 0 ? Double.NaN : wait / n,
        n == 0 ? Double.NaN : loss / n,
        n == 0 ? Double.NaN : delay / n,
        rescoCount == 0 ? Double.NaN : rescoSum / rescoCount);
  }

  /**
   * SUMO-style figures of one run.
   *
   * @param arrived vehicles that reached their destination
   * @param running vehicles in the network at the end
   * @param waitingToEnter vehicles created but not yet admitted at the end
   * @param meanDurationSeconds mean duration of arrived trips, s
   * @param meanWaitingSeconds mean waiting time of arrived trips, s
   * @param meanTimeLossSeconds mean time loss of arrived trips, s
   * @param meanDepartDelaySeconds mean depart delay of arrived trips, s
   * @param rescoDelaySeconds RESCO's average delay (timeLoss + departDelay, never-inserted
   *     vehicles charged as in RESCO's {@code readXML.py}), s
   */
  public record TripStatistics(
      int arrived,
      int running,
      int waitingToEnter,
      double meanDurationSeconds,
      double meanWaitingSeconds,
      double meanTimeLossSeconds,
      double meanDepartDelaySeconds,
      double rescoDelaySeconds) {}
}

package io.citybrain.live.field;

import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.traffic.control.SignalController;
import io.citybrain.traffic.control.SignalTiming;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * {@code citybrain field}: the simulator as the city's field devices. Each step it lets the signal
 * cabinets apply the commands due, steps the simulation, and publishes the detector reports and
 * signal states over a {@link FieldLink}; commands come back over the same link. Runs in lock-step
 * (each step waits for its commands: the live run then equals the offline run) or paced against
 * the wall clock (real time or a multiple), where late commands cost what they cost.
 */
public final class FieldRunner implements AutoCloseable {
  private final Simulation sim;
  private final FieldClock clock;
  private final FieldLink link;
  private final FieldPace pace;
  private final LaneDetectors detectors;
  private final SignalCabinets cabinets;
  private final LatencyRecorder latency = new LatencyRecorder(1 << 20);
  private final ConcurrentHashMap<Long, Long> roundPublishedNanos = new ConcurrentHashMap<>();
  private final AtomicLong commandsReceived = new AtomicLong();
  private final AtomicLong lateCommands = new AtomicLong();
  private final AtomicLong reports = new AtomicLong();
  private final AtomicLong states = new AtomicLong();
  private volatile long appliedUpToStep = -1;
  private long stepsBehind;
  private double wallSeconds;

  /**
   * @param scenario the city
   * @param config step length and seed
   * @param link the transport to the centre
   * @param localPlan each cabinet's fixed plan (a fresh controller)
   * @param localTiming the fixed plan's own timing
   * @param timing minimum green and yellow enforced at the edge
   * @param originMillis the instant of step 0, ms since the epoch
   * @param reportSteps steps per detector report, &ge; 1
   * @param commandGraceSeconds how long a due decision waits for a command before the local plan
   * @param pace lock-step or paced
   */
  public FieldRunner(
      Scenario scenario,
      SimulationConfig config,
      FieldLink link,
      SignalController localPlan,
      SignalTiming localTiming,
      SignalTiming timing,
      long originMillis,
      int reportSteps,
      double commandGraceSeconds,
      FieldPace pace) {
    this.sim = scenario.newSimulation(config);
    this.clock = new FieldClock(originMillis, sim.intervalSeconds());
    this.link = link;
    this.pace = pace;
    LaneTable lanes = new LaneTable(scenario.compiled());
    this.detectors = new LaneDetectors(lanes, clock, reportSteps, r -> {
      reports.incrementAndGet();
      link.publish(r);
    });
    this.cabinets = new SignalCabinets(sim, lanes, clock, timing, localPlan, localTiming, commandGraceSeconds, s -> {
      states.incrementAndGet();
      link.publish(s);
    });
    sim.addObserver(detectors);
    link.onCommand(this::receive);
  }

  private void receive(SignalCommand c) {
    commandsReceived.incrementAndGet();
    long step = clock.stepAtOrAfter(c.since());
    Long published = roundPublishedNanos.get(step);
    if (published != null) {
      latency.record(System.nanoTime() - published);
    }
    if (step <= appliedUpToStep) {
      lateCommands.incrementAndGet();
    }
    cabinets.receive(c);
  }

  /** The detectors (tests silence stations through them). */
  public LaneDetectors detectors() {
    return detectors;
  }

  /** The cabinets. */
  public SignalCabinets cabinets() {
    return cabinets;
  }

  /** The simulation (read only). */
  public Simulation simulation() {
    return sim;
  }

  /** The field's clock. */
  public FieldClock clock() {
    return clock;
  }

  /**
   * Runs {@code steps} steps.
   *
   * @param afterStep called after each step with the step count (progress, fault injection)
   */
  public FieldSummary run(int steps, LongConsumer afterStep) {
    long t0 = System.nanoTime();
    double nanosPerStep = pace.lockStep() ? 0 : sim.intervalSeconds() / pace.realTimeFactor() * 1e9;
    // step 0's decisions see the empty network: report it, as the offline engine's first decision does
    roundPublishedNanos.put(0L, System.nanoTime());
    detectors.reportInitial(sim);
    for (int s = 0; s < steps; s++) {
      long k = sim.stepCount();
      if (pace.lockStep()) {
        long deadline = System.nanoTime() + pace.commandWaitMillis() * 1_000_000;
        while (cabinets.awaitingCommands() > 0 && System.nanoTime() < deadline) {
          LockSupport.parkNanos(50_000);
        }
        cabinets.beforeStep(true);
      } else {
        long slot = t0 + (long) (k * nanosPerStep);
        long wait = slot - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        } else if (k > 0 && -wait > nanosPerStep / 2) {
          stepsBehind++;
        }
        cabinets.beforeStep(false);
      }
      appliedUpToStep = k;
      roundPublishedNanos.remove(k - 8);
      sim.step();
      roundPublishedNanos.put((long) sim.stepCount(), System.nanoTime());
      afterStep.accept(sim.stepCount());
    }
    link.flush();
    wallSeconds = (System.nanoTime() - t0) / 1e9;
    return summary();
  }

  /** What the run did so far. */
  public FieldSummary summary() {
    return new FieldSummary(
        sim.stepCount(),
        sim.averageTravelTimeSeconds(),
        sim.vehiclesFinished(),
        reports.get(),
        detectors.observationsPublished(),
        states.get(),
        commandsReceived.get(),
        cabinets.outcomes(),
        cabinets.centralDecisions(),
        cabinets.localDecisions(),
        cabinets.fallbacks(),
        lateCommands.get(),
        latency.percentileMillis(0.5),
        latency.percentileMillis(0.99),
        latency.maxMillis(),
        wallSeconds,
        stepsBehind);
  }

  /** Stations that stop reporting from now on (a silent detector rack). */
  public void silence(Set<String> stationIds) {
    detectors.silence(stationIds);
  }

  @Override
  public void close() {
    sim.close();
  }
}

package io.citybrain.live.control;

import io.citybrain.live.contract.ControlSource;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.PhaseKind;
import io.citybrain.live.contract.SignalCommand;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.health.DetectorStatus;
import io.citybrain.live.roadnet.LaneTable;
import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.LaneLinkLayout;
import io.citybrain.traffic.control.Movement;
import io.citybrain.traffic.control.PhaseDecision;
import io.citybrain.traffic.control.SignalController;
import io.citybrain.traffic.control.SignalTiming;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A deployed signal controller in the live loop: the same {@link SignalController} as offline runs,
 * fed by live detector reports, its decisions published as {@link SignalCommand}s.
 *
 * <p>Rounds: the field's reports that end at one instant form a round. The loop decides a round
 * when every lane has reported it (lanes silent for longer than the staleness limit excepted), or
 * when the round has waited {@link LoopSettings#roundWait()} in wall time. Decisions follow the
 * offline engine's timing ({@link io.citybrain.traffic.sim.SignalTimer}): a decision is due when
 * the held green ends; a change shows the yellow first; the controller may pre-empt a held green.
 * The loop mirrors what the field will show, so that with every message on time the live run
 * shows the offline run's phases exactly, and corrects its mirror from the field's signal states
 * (a refused command, a junction back on its local plan).
 *
 * <p>Degradation: a junction whose lanes (incoming and outgoing) include one without a report for
 * {@link LoopSettings#staleAfterSeconds()}, or a detector stuck on or chattering, is not commanded
 * any more; its cabinet returns to its fixed plan after its hold and grace. It is commanded again
 * once its data is fresh and healthy (recovery), from the state its cabinet reports.
 *
 * <p>Where decisions go is decided in one place, {@link ActuationPolicy}. Thread-safe: the
 * pipeline's worker and a ticker call it.
 */
public final class LiveControlLoop {
  private static final byte GREEN = 0;
  private static final byte YELLOW = 1;

  private final LaneTable lanes;
  private final List<IntersectionLayout> layouts;
  private final SignalController controller;
  private final SignalTiming timing;
  private final String controllerName;
  private final long originMillis;
  private final LoopSettings settings;
  private final ActuationPolicy policy;
  private final CommandSink commands;
  private final CommandSink advice;
  private final Function<String, DetectorStatus> detectorStatus;

  private final DetectorObservation[] latest;
  private final long[] lastEndMillis;
  private final SignalMirror mirror;
  private final LiveObservation observation;
  private final Map<String, Integer> byId = new HashMap<>();
  private final int[][] neededLanes;
  private final int yellowSteps;

  private final byte[] mode;
  private final long[] until;
  private final int[] next;
  private final long[] nextHold;
  private final boolean[] known;
  private final boolean[] degraded;
  private final long[] commandSeq;

  private final TreeMap<Long, Long> pendingRounds = new TreeMap<>(); // round end ms -> first seen, wall ns
  private final Map<Long, Integer> reportedLanes = new HashMap<>();
  private long lastDecidedRound = Long.MIN_VALUE;
  private long firstRoundMillis = Long.MAX_VALUE;

  private final LoopStats stats = new LoopStats();

  /**
   * @param lanes the network's lanes (the same roadnet as the field's)
   * @param layouts its signalised junctions, as {@link io.citybrain.traffic.sim.IntersectionLayouts} builds them
   * @param intersectionCount intersections in the network (signalised or not)
   * @param controller a fresh controller from its provider
   * @param controllerName {@code name@version}, carried by every command
   * @param timing the minimum green, yellow and decision interval the controller runs under
   * @param originMillis the field's step 0, ms since the epoch (controllers see time from there)
   * @param settings loop timing
   * @param policy where decisions go
   * @param commands the field's command topic
   * @param advice the advice topic
   * @param detectorStatus health of a detector by id ({@link DetectorStatus#OK} to ignore health)
   */
  public LiveControlLoop(
      LaneTable lanes,
      List<IntersectionLayout> layouts,
      int intersectionCount,
      SignalController controller,
      String controllerName,
      SignalTiming timing,
      long originMillis,
      LoopSettings settings,
      ActuationPolicy policy,
      CommandSink commands,
      CommandSink advice,
      Function<String, DetectorStatus> detectorStatus) {
    this.lanes = lanes;
    this.layouts = List.copyOf(layouts);
    this.controller = controller;
    this.controllerName = controllerName;
    this.timing = timing;
    this.originMillis = originMillis;
    this.settings = settings;
    this.policy = policy;
    this.commands = commands;
    this.advice = advice;
    this.detectorStatus = detectorStatus;
    this.latest = new DetectorObservation[lanes.size()];
    this.lastEndMillis = new long[lanes.size()];
    Arrays.fill(lastEndMillis, Long.MIN_VALUE);
    this.mirror = new SignalMirror(intersectionCount);
    this.observation = new LiveObservation(lanes, latest, mirror);
    this.yellowSteps = (int) Math.round(timing.yellowSeconds() / settings.intervalSeconds());
    int n = layouts.size();
    neededLanes = new int[n][];
    mode = new byte[n];
    until = new long[n];
    next = new int[n];
    nextHold = new long[n];
    known = new boolean[n];
    degraded = new boolean[n];
    commandSeq = new long[n];
    for (int j = 0; j < n; j++) {
      IntersectionLayout l = layouts.get(j);
      byId.put(l.id(), j);
      TreeSet<Integer> need = new TreeSet<>(l.incomingLanes());
      need.addAll(l.outgoingLanes());
      for (Movement m : l.movements()) {
        for (LaneLinkLayout ll : m.laneLinks()) {
          need.add(ll.startLane());
          need.add(ll.endLane());
        }
      }
      neededLanes[j] = need.stream().mapToInt(Integer::intValue).toArray();
      commandSeq[j] = -1;
    }
    controller.init(this.layouts);
  }

  /** Takes accepted observations (the pipeline's listener). */
  public synchronized void onObservations(List<DetectorObservation> observations) {
    long now = System.nanoTime();
    for (DetectorObservation o : observations) {
      int lane = lanes.lane(o.laneId());
      if (lane < 0) {
        stats.unknownLanes++;
        continue;
      }
      long end = o.intervalEnd().toEpochMilli();
      if (end > lastEndMillis[lane]) {
        latest[lane] = o;
        lastEndMillis[lane] = end;
        firstRoundMillis = Math.min(firstRoundMillis, end);
        if (end > lastDecidedRound) {
          pendingRounds.putIfAbsent(end, now);
          reportedLanes.merge(end, 1, Integer::sum);
        }
      }
    }
    decideReadyRounds(false);
  }

  /** Decides rounds that have waited their limit (call every few tens of milliseconds). */
  public synchronized void tick() {
    decideReadyRounds(true);
  }

  /** Takes a junction's signal state (the pipeline's listener): confirms or corrects the mirror. */
  public synchronized void onSignalState(SignalState s) {
    Integer jj = byId.get(s.intersectionId());
    if (jj == null) {
      return;
    }
    int j = jj;
    if (s.source() == ControlSource.CENTRAL && known[j]) {
      // following our commands: the state confirms one we sent (perhaps not the latest, still in
      // flight). A refused command leaves its decision due; the cabinet then returns to its local
      // plan after the grace, and that state corrects the mirror below.
      return;
    }
    stats.resyncs++;
    int i = layouts.get(j).index();
    double dt = settings.intervalSeconds();
    long sinceStep = Math.round((s.since().toEpochMilli() - originMillis) / (dt * 1000));
    mirror.show(i, s.phase(), sinceStep * dt);
    mode[j] = GREEN;
    until[j] = s.until() == null ? sinceStep + 1 : Math.round((s.until().toEpochMilli() - originMillis) / (dt * 1000));
    // after a yellow of its own plan the cabinet shows a green it chose itself: wait for that state
    known[j] = s.kind() != PhaseKind.YELLOW;
  }

  private void decideReadyRounds(boolean timedOut) {
    long now = System.nanoTime();
    while (!pendingRounds.isEmpty()) {
      Map.Entry<Long, Long> first = pendingRounds.firstEntry();
      long round = first.getKey();
      boolean waited = now - first.getValue() >= settings.roundWait().toNanos();
      if (!complete(round) && !waited) {
        break;
      }
      if (!complete(round)) {
        stats.roundsDecidedIncomplete++;
      }
      pendingRounds.pollFirstEntry();
      reportedLanes.remove(round);
      decide(round, first.getValue());
      lastDecidedRound = round;
    }
  }

  private boolean complete(long round) {
    int reported = reportedLanes.getOrDefault(round, 0);
    if (reported >= lanes.size()) {
      return true;
    }
    long staleBefore = round - Math.round(settings.staleAfterSeconds() * 1000);
    // a lane never heard from counts as silent only once the loop has had data for the limit
    boolean neverHeardIsSilent = firstRoundMillis < staleBefore;
    int silent = 0;
    for (long end : lastEndMillis) {
      if (end == Long.MIN_VALUE ? neverHeardIsSilent : end < staleBefore) {
        silent++;
      }
    }
    return reported + silent >= lanes.size();
  }

  private void decide(long roundMillis, long firstSeenNanos) {
    double dt = settings.intervalSeconds();
    long k = Math.round((roundMillis - originMillis) / (dt * 1000));
    observation.at(k * dt);
    long staleBefore = roundMillis - Math.round(settings.staleAfterSeconds() * 1000);
    stats.rounds++;
    for (int j = 0; j < layouts.size(); j++) {
      IntersectionLayout layout = layouts.get(j);
      int i = layout.index();
      if (isDegraded(j, staleBefore)) {
        if (!degraded[j]) {
          degraded[j] = true;
          stats.degradations++;
        }
        // the cabinet keeps our last command, then runs its own plan; its states keep the mirror
        continue;
      }
      if (degraded[j]) {
        degraded[j] = false;
        stats.recoveries++;
      }
      if (!known[j]) {
        if (k != 0) {
          continue;
        }
        known[j] = true;
      }
      if (k != 0 && k < until[j]) {
        if (mode[j] == YELLOW || !controller.interrupt(layout, observation)) {
          continue;
        }
      } else if (k != 0 && mode[j] == YELLOW) {
        if (controller.interrupt(layout, observation)) {
          PhaseDecision d = decideOne(layout);
          long holdSteps = holdSteps(d, true);
          next[j] = d.phase();
          nextHold[j] = holdSteps;
          emit(j, d.phase(), k, k + holdSteps, firstSeenNanos);
        }
        // the green starts when the yellow ended (later than now only if rounds were skipped)
        long greenStart = Math.min(k, until[j]);
        mirror.show(i, next[j], greenStart * dt);
        mode[j] = GREEN;
        until[j] = greenStart + nextHold[j];
        continue;
      }
      PhaseDecision d = decideOne(layout);
      int p = d.phase();
      int cur = mirror.phase(i);
      boolean change = k == 0 || p != cur;
      long holdSteps = holdSteps(d, change);
      if (k == 0) {
        mirror.show(i, p, 0);
        until[j] = holdSteps;
        emit(j, p, k, until[j], firstSeenNanos);
      } else if (p == cur) {
        until[j] = k + holdSteps;
        emit(j, p, k, until[j], firstSeenNanos);
      } else if (yellowSteps > 0 && layout.yellowPhase() >= 0 && cur != layout.yellowPhase()) {
        mirror.show(i, layout.yellowPhase(), k * dt);
        mode[j] = YELLOW;
        until[j] = k + yellowSteps;
        next[j] = p;
        nextHold[j] = holdSteps;
        emit(j, p, k, k + yellowSteps + holdSteps, firstSeenNanos);
      } else {
        mirror.show(i, p, k * dt);
        until[j] = k + holdSteps;
        emit(j, p, k, until[j], firstSeenNanos);
      }
    }
  }

  private boolean isDegraded(int j, long staleBefore) {
    boolean neverHeardIsStale = firstRoundMillis < staleBefore;
    for (int lane : neededLanes[j]) {
      long end = lastEndMillis[lane];
      if (end == Long.MIN_VALUE ? neverHeardIsStale : end < staleBefore) {
        return true;
      }
      DetectorObservation o = latest[lane];
      if (o != null && faulty(detectorStatus.apply(o.detectorId()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Data a controller must not use: a detector stuck on or chattering. Silence is judged by the
   * staleness limit instead, and a lane without traffic (no activity) is plausible on quiet roads.
   */
  private static boolean faulty(DetectorStatus s) {
    return s == DetectorStatus.MAX_PRESENCE || s == DetectorStatus.ERRATIC_COUNTS;
  }

  private PhaseDecision decideOne(IntersectionLayout layout) {
    long t0 = System.nanoTime();
    PhaseDecision d = controller.decide(layout, observation);
    stats.decisionNanos += System.nanoTime() - t0;
    stats.decisions++;
    if (d.phase() < 0 || d.phase() >= layout.phases().size()) {
      throw new IllegalStateException("controller " + controllerName + " chose phase " + d.phase() + " at intersection '"
          + layout.id() + "', which has phases 0.." + (layout.phases().size() - 1));
    }
    return d;
  }

  private long holdSteps(PhaseDecision d, boolean change) {
    double hold = d.holdSeconds();
    if (Double.isNaN(hold)) {
      hold = change ? timing.minGreenSeconds() : timing.decisionIntervalSeconds();
    }
    if (change) {
      hold = Math.max(hold, timing.minGreenSeconds());
    }
    return Math.max(1, (int) Math.round(hold / settings.intervalSeconds()));
  }

  private void emit(int j, int phase, long k, long untilStep, long firstSeenNanos) {
    double dt = settings.intervalSeconds();
    Instant since = Instant.ofEpochMilli(originMillis + Math.round(k * dt * 1000));
    Instant untilAt = Instant.ofEpochMilli(originMillis + Math.round(untilStep * dt * 1000));
    Instant expires = since.plusMillis(Math.round(settings.commandTtlSeconds() * 1000));
    String id = layouts.get(j).id();
    ActuationPolicy.Route route = policy.route(id);
    SignalCommand c = new SignalCommand(id, ++commandSeq[j], phase, since, untilAt, expires, Instant.now(), controllerName);
    switch (route) {
      case COMMAND -> {
        commands.publish(c);
        stats.commands++;
      }
      case ADVICE -> {
        advice.publish(c);
        stats.advice++;
      }
      case RECORD_ONLY -> stats.recordedOnly++;
    }
    stats.recordLatency(System.nanoTime() - firstSeenNanos);
  }

  /** The loop's counts and latencies. */
  public synchronized LoopStats.Snapshot stats() {
    return stats.snapshot(degradedCount());
  }

  private int degradedCount() {
    int n = 0;
    for (boolean d : degraded) {
      n += d ? 1 : 0;
    }
    return n;
  }

  /** Whether junction {@code intersectionId} is degraded now (not commanded for stale or faulty data). */
  public synchronized boolean isDegraded(String intersectionId) {
    Integer j = byId.get(intersectionId);
    return j != null && degraded[j];
  }

  /** The actuation policy in force. */
  public ActuationPolicy policy() {
    return policy;
  }
}

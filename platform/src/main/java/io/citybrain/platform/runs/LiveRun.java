package io.citybrain.platform.runs;

import io.citybrain.traffic.sim.SimNetwork;
import io.citybrain.traffic.sim.Simulation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory state of a queued or running run: progress, the cancel request, the latest frame and
 * the live viewers. Written by the run's worker thread, read by request threads.
 */
public final class LiveRun {
  /** Why a run is being stopped early. */
  enum Stop {
    NONE,
    CANCEL,
    SHUTDOWN
  }

  private final long id;
  private final int totalSteps;
  private final List<LiveSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private volatile LiveLayout layout;
  private volatile int stepsDone;
  private volatile Stop stop = Stop.NONE;
  private volatile String cancelledBy = "";
  private volatile LiveFrame latest;
  private volatile LiveEnd end;

  LiveRun(long id, int totalSteps) {
    this.id = id;
    this.totalSteps = totalSteps;
  }

  /** The run id. */
  public long id() {
    return id;
  }

  /** Steps requested. */
  public int totalSteps() {
    return totalSteps;
  }

  /** Steps done so far. */
  public int stepsDone() {
    return stepsDone;
  }

  /** The layout, once the run has started (null while queued). */
  public LiveLayout layout() {
    return layout;
  }

  /** The most recent frame, or null before the first step. */
  public LiveFrame latest() {
    return latest;
  }

  /** The end event, once the run is final (null before). */
  public LiveEnd end() {
    return end;
  }

  void started(String scenarioId, SimNetwork network) {
    layout = LiveLayout.of(id, scenarioId, totalSteps, network);
  }

  void requestCancel(String actor) {
    if (stop == Stop.NONE) {
      cancelledBy = actor;
      stop = Stop.CANCEL;
    }
  }

  void requestShutdown() {
    stop = Stop.SHUTDOWN;
  }

  Stop stop() {
    return stop;
  }

  String cancelledBy() {
    return cancelledBy;
  }

  /** Records a finished step; builds a frame only when someone watches (or for the latest view). */
  void stepped(Simulation sim, int step) {
    stepsDone = step;
    LiveFrame frame = frame(sim, step);
    latest = frame;
    for (LiveSubscriber s : subscribers) {
      s.offer(frame);
    }
  }

  private static LiveFrame frame(Simulation sim, int step) {
    SimNetwork net = sim.network();
    int[] lanes = new int[net.laneCount()];
    for (int l = 0; l < lanes.length; l++) {
      lanes[l] = sim.vehicleCount(l);
    }
    int[] phases = new int[net.intersectionCount()];
    for (int i = 0; i < phases.length; i++) {
      phases[i] = sim.phase(i);
    }
    return new LiveFrame(
        step, sim.timeSeconds(), sim.vehiclesInNetwork(), sim.vehiclesWaitingToEnter(), sim.vehiclesFinished(), lanes, phases);
  }

  /**
   * Adds a viewer. When the run is already over, the viewer gets the end event at once.
   *
   * @return the viewer's queue
   */
  public LiveSubscriber subscribe() {
    LiveSubscriber s = new LiveSubscriber();
    subscribers.add(s);
    LiveFrame f = latest;
    if (f != null) {
      s.offer(f);
    }
    LiveEnd e = end;
    if (e != null) {
      s.end(e);
    }
    return s;
  }

  /** Removes a viewer. */
  public void unsubscribe(LiveSubscriber s) {
    subscribers.remove(s);
  }

  /** Number of viewers. */
  public int subscriberCount() {
    return subscribers.size();
  }

  void ended(LiveEnd e) {
    end = e;
    for (LiveSubscriber s : subscribers) {
      s.end(e);
    }
  }
}

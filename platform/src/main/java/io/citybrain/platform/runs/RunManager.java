package io.citybrain.platform.runs;

import io.citybrain.platform.ConflictException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.audit.AuditEvent;
import io.citybrain.platform.audit.AuditLog;
import io.citybrain.platform.metrics.PlatformMetrics;
import io.citybrain.platform.scenarios.ScenarioCatalog;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.grid.dispatch.GridDispatcherProvider;
import io.citybrain.grid.report.DispatchReport;
import io.citybrain.grid.report.ReportWriter;
import io.citybrain.platform.grid.DispatchRequest;
import io.citybrain.platform.grid.DispatchValidator;
import io.citybrain.platform.grid.GridCases;
import io.citybrain.platform.storage.JobKind;
import io.citybrain.platform.storage.NewRun;
import io.citybrain.platform.storage.RunRecord;
import io.citybrain.platform.storage.RunStatus;
import io.citybrain.platform.storage.RunStore;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunResult;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestrates runs: validates and queues them (with their audit entry, in one transaction),
 * executes them on a bounded pool of worker threads, streams their live state, cancels them, and
 * stores their results together with the final status in one transaction.
 *
 * <p>Admission is bounded: at most {@code workers + queueCapacity} runs are queued or running; one
 * more is refused with {@link QueueFullException} before anything is stored. On start-up, runs
 * left queued or running by a previous process are marked {@code failed} with detail {@code
 * interrupted} ({@link #recoverInterrupted()}); on shutdown, running runs stop and are marked the
 * same way.
 */
public final class RunManager implements AutoCloseable {
  /** Status detail of runs stopped by a crash or a shutdown. */
  public static final String INTERRUPTED = "interrupted";

  private static final Logger LOG = LoggerFactory.getLogger(RunManager.class);

  /** Longest sleep of a paced run between two looks at whether it was cancelled. */
  private static final long PACE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final RunStore runs;
  private final AuditLog audit;
  private final ScenarioCatalog scenarios;
  private final RunValidator validator;
  private final GridCases gridCases;
  private final DispatchValidator dispatchValidator;
  private final ReplayStore replays;
  private final PlatformMetrics metrics;
  private final Clock clock;
  private final int workers;
  private final int queueCapacity;
  private final Semaphore admission;
  private final ThreadPoolExecutor pool;
  /** Tasks of runs still waiting in the pool's queue, by run id (removed when they start). */
  private final ConcurrentHashMap<Long, Runnable> queuedTasks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, LiveRun> live = new ConcurrentHashMap<>();
  private volatile boolean closing;

  /**
   * @param runs run storage
   * @param audit audit log
   * @param scenarios scenario catalogue
   * @param replays replay files
   * @param metrics operators' metrics
   * @param workers runs executed at once, &ge; 1
   * @param queueCapacity runs waiting beyond those, &ge; 0
   * @param maxVehiclesPerRun largest number of vehicles a run's flow may create, &ge; 1 (see {@link
   *     RunValidator})
   * @param gridCases the MATPOWER cases grid dispatches may use
   * @param clock time source
   */
  public RunManager(
      RunStore runs,
      AuditLog audit,
      ScenarioCatalog scenarios,
      ReplayStore replays,
      PlatformMetrics metrics,
      int workers,
      int queueCapacity,
      long maxVehiclesPerRun,
      GridCases gridCases,
      Clock clock) {
    if (workers < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException(
          "workers must be >= 1 and queueCapacity >= 0, got " + workers + " and " + queueCapacity);
    }
    this.runs = runs;
    this.audit = audit;
    this.scenarios = scenarios;
    this.validator = new RunValidator(scenarios, maxVehiclesPerRun);
    this.gridCases = gridCases;
    this.dispatchValidator = new DispatchValidator(gridCases);
    this.replays = replays;
    this.metrics = metrics;
    this.clock = clock;
    this.workers = workers;
    this.queueCapacity = queueCapacity;
    this.admission = new Semaphore(workers + queueCapacity);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "run-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    metrics.activeRuns(live::size);
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  /**
   * Marks runs left queued or running by a previous process as {@code failed (interrupted)}, with
   * one audit entry each, and deletes their partial replays. Call once before serving.
   *
   * @return the ids marked
   */
  public List<Long> recoverInterrupted() {
    replays.discardPartials();
    List<Long> marked =
        audit.record(
            h -> {
              List<Long> ids = runs.unfinishedIds(h);
              List<AuditEvent> events = new ArrayList<>();
              for (long id : ids) {
                RunRecord r = runs.find(h, id).orElseThrow();
                if (r.run().kind() == JobKind.GRID_DISPATCH) {
                  runs.finishDispatch(h, id, RunStatus.FAILED, INTERRUPTED, null, now());
                } else {
                  runs.finish(h, id, RunStatus.FAILED, INTERRUPTED, r.stepsDone(), null, now());
                }
                events.add(event("system", "interrupted", id, r.run(),
                    "the server stopped while the " + noun(r.run().kind()) + " was " + r.status().apiName()));
              }
              return new AuditLog.Recorded<>(ids, events);
            });
    if (!marked.isEmpty()) {
      LOG.warn("marked {} run(s) interrupted by the previous shutdown as failed: {}", marked.size(), marked);
    }
    return marked;
  }

  /**
   * Validates, stores (with an audit entry) and queues a run.
   *
   * @param actor who asks (audit actor)
   * @return the queued run
   * @throws io.citybrain.platform.InvalidRequestException for invalid fields (nothing stored)
   * @throws QueueFullException when the queue is full (nothing stored)
   * @throws IllegalStateException when the manager is shutting down
   */
  public RunRecord start(RunRequest request, String actor) {
    return enqueue(validator.validate(request, actor), actor);
  }

  /**
   * Validates, stores (with an audit entry) and queues a grid dispatch, in the same queue and
   * worker pool as traffic runs.
   *
   * @param actor who asks (audit actor)
   * @return the queued job
   * @throws io.citybrain.platform.InvalidRequestException for invalid fields (nothing stored)
   * @throws QueueFullException when the queue is full (nothing stored)
   * @throws IllegalStateException when the manager is shutting down
   */
  public RunRecord startDispatch(DispatchRequest request, String actor) {
    return startDispatch(request, actor, io.citybrain.platform.access.Jurisdictions.ROOT);
  }

  /**
   * As {@link #startDispatch(DispatchRequest, String)}, for jurisdiction {@code jurisdictionId}
   * (checked by the caller).
   */
  public RunRecord startDispatch(DispatchRequest request, String actor, String jurisdictionId) {
    return enqueue(dispatchValidator.validate(request, actor).withJurisdiction(jurisdictionId), actor);
  }

  private RunRecord enqueue(NewRun run, String actor) {
    if (closing) {
      throw new IllegalStateException("the server is shutting down");
    }
    if (!admission.tryAcquire()) {
      metrics.runRejected("queue_full");
      throw new QueueFullException(workers, queueCapacity);
    }
    long id;
    try {
      id =
          audit.record(
              h -> {
                long newId = runs.insertQueued(h, run, now());
                String what = run.kind() == JobKind.GRID_DISPATCH
                    ? "case=" + run.scenarioId() + " parameters=" + run.parameters()
                    : "scenario=" + run.scenarioId() + " seed=" + run.seed() + " steps=" + run.steps()
                        + " parameters=" + run.parameters();
                what += " jurisdiction=" + run.jurisdictionId();
                return AuditLog.Recorded.of(newId, event(actor, "start", newId, run, what));
              });
    } catch (RuntimeException e) {
      admission.release();
      throw e;
    }
    LiveRun lr = new LiveRun(id, run.steps());
    live.put(id, lr);
    metrics.runStarted(run.controller());
    Runnable task = () -> execute(id, run, lr);
    queuedTasks.put(id, task);
    pool.execute(task);
    return runs.find(id).orElseThrow();
  }

  /**
   * Cancels a queued or running run (audited). A queued run becomes {@code cancelled} at once; a
   * running one stops before its next step and keeps its partial results, marked incomplete.
   *
   * @return the run as it is now
   * @throws NotFoundException when there is no such run
   * @throws ConflictException when it is already final
   */
  public RunRecord cancel(long id, String actor) {
    return cancel(id, actor, JobKind.TRAFFIC_RUN);
  }

  /**
   * Cancels a queued or running job of {@code kind} (audited), as {@link #cancel(long, String)}. A
   * running grid dispatch stops when its solve returns (milliseconds to about a second); its result
   * is then discarded.
   *
   * @throws NotFoundException when there is no such job of that kind
   * @throws ConflictException when it is already final
   */
  public RunRecord cancel(long id, String actor, JobKind kind) {
    String noun = noun(kind);
    RunRecord r = runs.find(id).filter(x -> x.run().kind() == kind)
        .orElseThrow(() -> new NotFoundException(noun, Long.toString(id)));
    if (r.status().terminal()) {
      throw new ConflictException("run " + id + " is already " + r.statusText() + "; only queued or running runs can be cancelled");
    }
    LiveRun lr = live.get(id);
    // Decided again under the audit log's lock, where the worker also stores the run's end: two
    // cancels at once, or a cancel as the run finished, each appended a run.cancel entry (some
    // after the run.finish entry) although only the first one did anything.
    // the body may run again when another process appended to the log first
    AtomicBoolean requested = new AtomicBoolean();
    boolean finishedNow =
        audit.record(
            h -> {
              RunRecord current = runs.find(h, id).orElseThrow(() -> new NotFoundException(noun, Long.toString(id)));
              if (current.status().terminal()) {
                throw new ConflictException(
                    "run " + id + " is already " + current.statusText() + "; only queued or running runs can be cancelled");
              }
              if (lr != null && lr.stop() != LiveRun.Stop.NONE && !requested.get()) {
                throw new ConflictException(
                    "run " + id + " is already stopping"
                        + (lr.stop() == LiveRun.Stop.CANCEL ? " (cancelled by " + lr.cancelledBy() + ")" : ""));
              }
              boolean done =
                  current.status() == RunStatus.QUEUED
                      && runs.finish(h, id, RunStatus.CANCELLED, "cancelled by " + actor + " before it started", 0, null, now());
              if (lr != null && !requested.getAndSet(true)) {
                lr.requestCancel(actor);
              }
              return AuditLog.Recorded.of(done, event(actor, "cancel", id, r.run(), "was " + current.status().apiName()));
            });
    if (lr != null) {
      if (finishedNow) {
        metrics.runFinished(RunStatus.CANCELLED.apiName());
        lr.ended(new LiveEnd(id, RunStatus.CANCELLED.apiName(), RunStatus.CANCELLED.apiName()));
        // its place in the queue is free now, not when a worker would have picked it up (cancelled
        // queued runs used to hold their places and made new runs answer 429)
        Runnable task = queuedTasks.remove(id);
        if (task != null && pool.remove(task)) {
          live.remove(id);
          admission.release();
        }
      }
    }
    return runs.find(id).orElseThrow();
  }

  /** The live state of a queued or running run (empty once it is final). */
  public Optional<LiveRun> live(long id) {
    return Optional.ofNullable(live.get(id));
  }

  /** Runs queued or running in this process. */
  public int activeCount() {
    return live.size();
  }

  private void execute(long id, NewRun run, LiveRun lr) {
    if (run.kind() == JobKind.GRID_DISPATCH) {
      executeDispatch(id, run, lr);
      return;
    }
    queuedTasks.remove(id);
    ReplayStore.Recording recording = null;
    RunStatus status = RunStatus.FAILED;
    String detail = null;
    try {
      if (closing || lr.stop() == LiveRun.Stop.SHUTDOWN) {
        finish(id, run, RunStatus.FAILED, INTERRUPTED, 0, null);
        status = RunStatus.FAILED;
        detail = INTERRUPTED;
        return;
      }
      if (lr.stop() == LiveRun.Stop.CANCEL || !runs.markRunning(id, now())) {
        status = RunStatus.CANCELLED;
        return; // cancelled while queued: already stored by cancel()
      }
      Scenario scenario = scenarios.load(run.scenarioId());
      lr.started(run.scenarioId(), scenario.compiled());
      if (run.replay()) {
        recording = replays.begin(id, scenario.compiled());
      }
      RunListener listener = listener(lr, run.paceStepsPerSecond(), metrics);
      if (recording != null) {
        listener = recording.writer().around(listener);
      }
      RunResult result =
          TrafficRunner.run(
              scenario,
              run.controller(),
              run.parameters(),
              new SimulationConfig(run.intervalSeconds(), run.seed(), 1, false),
              run.steps(),
              listener);
      if (lr.stop() == LiveRun.Stop.SHUTDOWN && !result.completed()) {
        status = RunStatus.FAILED;
        detail = INTERRUPTED;
        if (recording != null) {
          recording.discard();
          recording = null;
        }
        finish(id, run, status, detail, lr.stepsDone(), null);
        return;
      }
      if (result.completed()) {
        status = RunStatus.SUCCEEDED;
      } else {
        status = RunStatus.CANCELLED;
        detail = "cancelled by " + lr.cancelledBy() + " after " + lr.stepsDone() + " of " + run.steps() + " steps";
      }
      if (recording != null) {
        recording.commit();
        recording = null;
      }
      finish(id, run, status, detail, result.summary().steps(), result);
    } catch (Throwable e) {
      LOG.error("run {} failed", id, e);
      status = RunStatus.FAILED;
      detail = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (recording != null) {
        recording.discard();
      }
      try {
        finish(id, run, status, detail, lr.stepsDone(), null);
      } catch (RuntimeException storeFailure) {
        LOG.error("cannot store the failure of run {}", id, storeFailure);
      }
    } finally {
      live.remove(id);
      admission.release();
      String text = status == RunStatus.FAILED && INTERRUPTED.equals(detail) ? "failed (interrupted)" : status.apiName();
      lr.ended(new LiveEnd(id, status.apiName(), text));
    }
  }

  /**
   * Runs a grid dispatch: the dispatcher named in the job with its stored parameter values, the
   * naive baseline and an AC check ({@link DispatchReport}); stores the result document with the
   * final status. A valid case without a feasible dispatch ends {@code failed} with detail {@code
   * no solution: ...} and keeps its result document (the solver's message and warnings).
   */
  private void executeDispatch(long id, NewRun run, LiveRun lr) {
    queuedTasks.remove(id);
    RunStatus status = RunStatus.FAILED;
    String detail = null;
    try {
      if (closing || lr.stop() == LiveRun.Stop.SHUTDOWN) {
        detail = INTERRUPTED;
        finishDispatch(id, run, status, detail, null);
        return;
      }
      if (lr.stop() == LiveRun.Stop.CANCEL || !runs.markRunning(id, now())) {
        status = RunStatus.CANCELLED;
        return; // cancelled while queued: already stored by cancel()
      }
      GridDispatcherProvider dispatcher = GridDispatcherProvider.all().require(run.controller());
      ParameterValues values = dispatcher.resolve(run.parameters());
      String digest = dispatcher.artifact(values).digest();
      if (run.algorithmDigest() != null && !run.algorithmDigest().equals(digest)) {
        // the code changed between queueing and running (a new build on the same database)
        detail = "the dispatcher's code changed since the job was queued (digest " + digest + ", queued with "
            + run.algorithmDigest() + ")";
        finishDispatch(id, run, status, detail, null);
        return;
      }
      DispatchReport report = DispatchReport.of(gridCases.load(run.scenarioId()), dispatcher, values);
      String result = ReportWriter.json(report);
      if (lr.stop() == LiveRun.Stop.SHUTDOWN) {
        detail = INTERRUPTED;
        result = null;
      } else if (lr.stop() == LiveRun.Stop.CANCEL) {
        status = RunStatus.CANCELLED;
        detail = "cancelled by " + lr.cancelledBy() + " while solving; the result was discarded";
        result = null;
      } else if (report.optimum().success()) {
        status = RunStatus.SUCCEEDED;
      } else {
        detail = "no solution: " + report.optimum().message();
      }
      finishDispatch(id, run, status, detail, result);
    } catch (Throwable e) {
      LOG.error("grid dispatch {} failed", id, e);
      status = RunStatus.FAILED;
      detail = e.getClass().getSimpleName() + ": " + e.getMessage();
      try {
        finishDispatch(id, run, status, detail, null);
      } catch (RuntimeException storeFailure) {
        LOG.error("cannot store the failure of grid dispatch {}", id, storeFailure);
      }
    } finally {
      live.remove(id);
      admission.release();
      String text = status == RunStatus.FAILED && INTERRUPTED.equals(detail) ? "failed (interrupted)" : status.apiName();
      lr.ended(new LiveEnd(id, status.apiName(), text));
    }
  }

  private void finishDispatch(long id, NewRun run, RunStatus status, String detail, String resultJson) {
    String details = "status=" + status.apiName() + (detail == null ? "" : " detail=" + detail);
    boolean stored =
        audit.record(
            h -> runs.finishDispatch(h, id, status, detail, resultJson, now())
                ? AuditLog.Recorded.of(true, event("system", "finish", id, run, details))
                : new AuditLog.Recorded<>(false, List.of()));
    if (stored) {
      metrics.runFinished(status.apiName());
    }
  }

  /** What a job of {@code kind} is called in messages and audit actions. */
  private static String noun(JobKind kind) {
    return kind == JobKind.GRID_DISPATCH ? "dispatch" : "run";
  }

  /**
   * The audit entry of {@code action} on a job: {@code run.start}, {@code dispatch.finish}, ...,
   * on target {@code run/ID} or {@code dispatch/ID}, naming the algorithm and its version, with
   * its artifact digest at the end of the details ({@code digest=...}).
   */
  private static AuditEvent event(String actor, String action, long id, NewRun run, String details) {
    String noun = noun(run.kind());
    String withDigest = details + (run.algorithmDigest() == null ? "" : " digest=" + run.algorithmDigest());
    return new AuditEvent(actor, noun + "." + action, noun + "/" + id, Optional.of(run.controller()),
        Optional.of(run.controllerVersion()), withDigest);
  }

  private void finish(long id, NewRun run, RunStatus status, String detail, int stepsDone, RunResult result) {
    String details = "status=" + status.apiName() + (detail == null ? "" : " detail=" + detail);
    if (result != null) {
      RunSummary s = result.summary();
      details += " steps=" + s.steps() + " averageTravelTimeSeconds=" + s.averageTravelTimeSeconds();
    }
    String auditDetails = details;
    boolean stored =
        audit.record(
            h -> {
              boolean done = runs.finish(h, id, status, detail, stepsDone, result, now());
              return done
                  ? AuditLog.Recorded.of(
                      true,
                      event("system", "finish", id, run, auditDetails))
                  : new AuditLog.Recorded<>(false, List.of());
            });
    if (stored) {
      metrics.runFinished(status.apiName());
    }
  }

  /**
   * Publishes progress and the live frame, counts the step in the metrics as it is done (so that
   * runs in progress, cancelled and failed runs are counted too), and paces the run.
   */
  private static RunListener listener(LiveRun lr, double pace, PlatformMetrics metrics) {
    long t0 = System.nanoTime();
    return new RunListener() {
      @Override
      public void afterStep(Simulation sim, int step, int totalSteps) {
        metrics.simulatedSteps(1); // first: a client that sees the step's progress sees it counted
        lr.stepped(sim, step);
        if (pace > 0) {
          long due = t0 + (long) (step / pace * 1e9);
          // in short slices, so that a cancel is seen within one even when steps are seconds apart
          long wait;
          while ((wait = due - System.nanoTime()) > 0 && lr.stop() == LiveRun.Stop.NONE) {
            try {
              TimeUnit.NANOSECONDS.sleep(Math.min(wait, PACE_SLICE_NANOS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              lr.requestShutdown();
            }
          }
        }
      }

      @Override
      public boolean cancelled() {
        return lr.stop() != LiveRun.Stop.NONE;
      }
    };
  }

  /**
   * Stops accepting runs, stops the running ones (they are stored as {@code failed
   * (interrupted)}), and waits up to 10 s for the workers.
   */
  @Override
  public void close() {
    closing = true;
    for (LiveRun lr : live.values()) {
      lr.requestShutdown();
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("run workers did not stop within 10 s");
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }
}

package io.citybrain.live.ingest;

import io.citybrain.live.aggregate.LiveOperators;
import io.citybrain.live.contract.Decoded;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import io.citybrain.live.contract.MeterReading;
import io.citybrain.live.contract.Rejection;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.history.ObservationStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live ingestion pipeline: transports hand over raw messages ({@link #submit}); one worker
 * thread checks them against their contracts, drops repeats, writes accepted data and dead
 * letters to history in one transaction per batch, feeds the keyed operators and the listeners
 * (the control loop, subscriptions), and only then acknowledges the messages to their transport.
 * So nothing is acknowledged before it is durable, and a crash loses only unacknowledged messages,
 * which the broker delivers again.
 *
 * <p>Back-pressure: the queue is bounded; {@link #submit} waits for room up to a limit and then
 * refuses, so a transport stops reading (MQTT flow control, Kafka pause) instead of the heap
 * growing. A history write that fails is retried with back-off while the queue fills and the
 * transports wait; nothing is dropped.
 */
public final class LivePipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);
  private static final int BATCH = 1024;

  private final MessageCodec codec;
  private final ObservationStore store;
  private final LiveOperators operators;
  private final IngestCounters counters = new IngestCounters();
  private final SequenceTracker reportSequences = new SequenceTracker();
  private final SequenceTracker meterSequences = new SequenceTracker();
  private final BlockingQueue<RawMessage> queue;
  private final Duration submitWait;
  private final List<Consumer<List<DetectorObservation>>> observationListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<DetectorObservation>>> lateListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<SignalState>> signalListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<MeterReading>> meterListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Rejection>> rejectionListeners = new CopyOnWriteArrayList<>();
  private final Thread worker;
  private volatile boolean running = true;
  private volatile long processed;

  /**
   * Starts the worker.
   *
   * @param codec the contracts
   * @param store history (observations, readings, dead letters)
   * @param operators windows and detector health
   * @param capacity messages the queue holds, &gt; 0
   * @param submitWait how long {@link #submit} waits for room before refusing
   */
  public LivePipeline(MessageCodec codec, ObservationStore store, LiveOperators operators, int capacity, Duration submitWait) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("queue capacity must be > 0, got " + capacity);
    }
    this.codec = codec;
    this.store = store;
    this.operators = operators;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.submitWait = submitWait;
    this.worker = new Thread(this::run, "live-pipeline");
    worker.setDaemon(true);
    worker.start();
  }

  /** Adds a receiver of accepted, stored observations (called on the worker, in arrival order). */
  public void onObservations(Consumer<List<DetectorObservation>> listener) {
    observationListeners.add(listener);
  }

  /**
   * Adds a receiver of late observations: stored, but their window had already been emitted
   * (called on the worker after they are stored, before {@link #onObservations}' receivers).
   * History keeps them, so whatever was derived from the emitted window (rollups) is recomputed
   * here.
   */
  public void onLateObservations(Consumer<List<DetectorObservation>> listener) {
    lateListeners.add(listener);
  }

  /** Adds a receiver of accepted signal states. */
  public void onSignalState(Consumer<SignalState> listener) {
    signalListeners.add(listener);
  }

  /** Adds a receiver of accepted, stored meter readings. */
  public void onMeterReading(Consumer<MeterReading> listener) {
    meterListeners.add(listener);
  }

  /** Adds a receiver of refusals (after they are stored as dead letters). */
  public void onRejection(Consumer<Rejection> listener) {
    rejectionListeners.add(listener);
  }

  /**
   * Hands a message over, waiting for room up to the configured limit.
   *
   * @return false when the queue stayed full (the caller must not acknowledge the message) or the
   *     pipeline is closed
   */
  public boolean submit(RawMessage message) {
    if (!running) {
      return false;
    }
    counters.messagesReceived.incrementAndGet();
    if (queue.offer(message)) {
      return true;
    }
    counters.backPressureWaits.incrementAndGet();
    try {
      if (queue.offer(message, submitWait.toNanos(), TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    counters.messagesReceived.decrementAndGet(); // not taken: the transport keeps it
    return false;
  }

  /** The counts. */
  public Reconciliation reconciliation() {
    counters.queueDepth = queue.size();
    return counters.snapshot();
  }

  /** The keyed operators (windows, health, latest values). */
  public LiveOperators operators() {
    return operators;
  }

  /**
   * Waits until every message submitted so far has been processed.
   *
   * @return false on time-out
   */
  public boolean awaitDrained(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (queue.isEmpty() && processed == counters.messagesReceived.get()) {
        return true;
      }
      Thread.sleep(2);
    }
    return false;
  }

  private void run() {
    List<RawMessage> batch = new ArrayList<>(BATCH);
    while (running || !queue.isEmpty()) {
      try {
        RawMessage first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        process(batch);
        processed += batch.size();
        batch.clear();
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        // a bug in a listener must not stop ingestion; the batch's messages stay unacknowledged
        LOG.error("live pipeline: a batch of {} messages failed and is left unacknowledged", batch.size(), e);
        processed += batch.size();
        batch.clear();
      }
    }
  }

  private void process(List<RawMessage> batch) throws InterruptedException {
    List<DetectorObservation> observations = new ArrayList<>();
    List<MeterReading> readings = new ArrayList<>();
    List<SignalState> states = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (RawMessage m : batch) {
      switch (m.kind()) {
        case DETECTOR_REPORT -> {
          Decoded<DetectorReport> d = codec.decodeDetectorReport(m.payload(), m.source(), m.receivedAt());
          int refusedHere = 0;
          for (Rejection r : d.rejections()) {
            refusedHere += r.observations();
          }
          rejections.addAll(d.rejections());
          if (d.value() == null) {
            // refused whole (not JSON, a broken header) or every observation refused on its own
            boolean whole = d.rejections().stream().anyMatch(r -> !r.field().startsWith("$.observations["));
            if (whole) {
              counters.messagesRefused.incrementAndGet();
            }
            counters.observationsReceived.addAndGet(refusedHere);
            counters.observationsRefused.addAndGet(refusedHere);
            break;
          }
          DetectorReport r = d.value();
          int n = r.observations().size();
          counters.observationsReceived.addAndGet(n + refusedHere);
          counters.observationsRefused.addAndGet(refusedHere);
          if (!reportSequences.accept(r.stationId(), r.seq())) {
            counters.reportsRepeated.incrementAndGet();
            counters.observationsRepeated.addAndGet(n);
            break;
          }
          counters.reportsAccepted.incrementAndGet();
          observations.addAll(r.observations());
        }
        case METER_READING -> {
          Decoded<MeterReading> d = codec.decodeMeterReading(m.payload(), m.source(), m.receivedAt());
          rejections.addAll(d.rejections());
          if (d.value() == null) {
            counters.messagesRefused.incrementAndGet();
          } else if (meterSequences.accept(d.value().meterId(), d.value().seq())) {
            readings.add(d.value());
          }
        }
        case SIGNAL_STATE -> {
          Decoded<SignalState> d = codec.decodeSignalState(m.payload(), m.source(), m.receivedAt());
          rejections.addAll(d.rejections());
          if (d.value() == null) {
            counters.messagesRefused.incrementAndGet();
          } else {
            states.add(d.value());
          }
        }
        case SIGNAL_COMMAND -> {
          // commands flow out of the centre, never in: refuse and keep a dead letter
          rejections.add(new Rejection(m.kind(), m.source(), "$", "signal commands are not accepted by the centre's ingestion", 0,
              new String(m.payload(), 0, Math.min(m.payload().length, Rejection.EXCERPT_CHARS), java.nio.charset.StandardCharsets.UTF_8),
              m.receivedAt()));
          counters.messagesRefused.incrementAndGet();
        }
        default -> throw new IllegalStateException("unknown message kind " + m.kind());
      }
    }
    counters.observationsAccepted.addAndGet(observations.size());
    counters.meterReadingsAccepted.addAndGet(readings.size());
    counters.signalStatesAccepted.addAndGet(states.size());
    counters.reportsMissing = reportSequences.missing();
    storeWithRetry(observations, readings, rejections);
    counters.observationsStored.addAndGet(observations.size());
    counters.meterReadingsStored.addAndGet(readings.size());
    List<DetectorObservation> late = new ArrayList<>();
    for (DetectorObservation o : observations) {
      if (operators.observe(o)) {
        counters.observationsAggregated.incrementAndGet();
      } else {
        counters.observationsLate.incrementAndGet();
        late.add(o);
      }
    }
    if (!late.isEmpty()) {
      for (Consumer<List<DetectorObservation>> l : lateListeners) {
        l.accept(late);
      }
    }
    if (!observations.isEmpty()) {
      for (Consumer<List<DetectorObservation>> l : observationListeners) {
        l.accept(observations);
      }
    }
    for (SignalState s : states) {
      for (Consumer<SignalState> l : signalListeners) {
        l.accept(s);
      }
    }
    for (MeterReading r : readings) {
      for (Consumer<MeterReading> l : meterListeners) {
        l.accept(r);
      }
    }
    for (Rejection r : rejections) {
      for (Consumer<Rejection> l : rejectionListeners) {
        l.accept(r);
      }
    }
    for (RawMessage m : batch) {
      m.acknowledge().run();
    }
  }

  private void storeWithRetry(List<DetectorObservation> observations, List<MeterReading> readings, List<Rejection> rejections)
      throws InterruptedException {
    long backoff = 50;
    while (true) {
      try {
        if (!observations.isEmpty()) {
          store.appendObservations(observations);
        }
        if (!readings.isEmpty()) {
          store.appendMeterReadings(readings);
        }
        if (!rejections.isEmpty()) {
          store.appendDeadLetters(rejections);
        }
        return;
      } catch (RuntimeException e) {
        counters.storeRetries.incrementAndGet();
        LOG.warn("live pipeline: history write failed ({}); retrying in {} ms, nothing acknowledged meanwhile", e.getMessage(), backoff);
        if (!running) {
          throw new InterruptedException("closed while the history write was failing");
        }
        Thread.sleep(backoff);
        backoff = Math.min(5_000, backoff * 2);
      }
    }
  }

  /** Stops taking messages, processes what is queued, and stops the worker. */
  @Override
  public void close() {
    running = false;
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.interrupt();
  }
}

package io.citybrain.platform.runs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One viewer of a live run: a bounded queue of events ({@link LiveFrame}s, then one {@link
 * LiveEnd}). When the viewer falls more than {@link #CAPACITY} frames behind, the oldest frames
 * are dropped (their step numbers show the gap) rather than slowing the simulation.
 */
public final class LiveSubscriber {
  /** Frames held for a slow viewer before the oldest are dropped. */
  public static final int CAPACITY = 256;

  private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
  private final AtomicLong dropped = new AtomicLong();

  /** Offers a frame, dropping the oldest frame when full. Called on the run's thread. */
  void offer(LiveFrame frame) {
    while (!queue.offer(frame)) {
      if (queue.poll() != null) {
        dropped.incrementAndGet();
      }
    }
  }

  /** Offers the end of the stream; never dropped. */
  void end(LiveEnd end) {
    while (!queue.offer(end)) {
      queue.poll();
      dropped.incrementAndGet();
    }
  }

  /**
   * The next event, waiting at most {@code timeoutMillis}.
   *
   * @return a {@link LiveFrame}, a {@link LiveEnd}, or null on timeout
   */
  public Object next(long timeoutMillis) throws InterruptedException {
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Frames dropped so far because this viewer was too slow. */
  public long dropped() {
    return dropped.get();
  }
}

package io.citybrain.traffic.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed team of threads that runs one phase of a step in parallel: {@link #run} calls a
 * task once per part (0..parts-1), part 0 on the calling thread, and returns when all parts are
 * done. Workers spin briefly and then park between phases, so a phase costs microseconds to start.
 * Daemon threads: an unclosed team never keeps the JVM alive.
 *
 * <p>The team only schedules work; determinism is the callers' business: every part must write
 * only to its own data, and anything combined across parts is combined in part order.
 */
final class StepWorkers implements AutoCloseable {
  private static final int SPINS = 2_000;

  private final int parts;
  private final Thread[] threads;
  private volatile IntConsumer task;
  private volatile long generation;
  private volatile boolean closed;
  private final AtomicInteger remaining = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile Thread coordinator;

  /** @param parts number of parts (threads including the caller), &ge; 1 */
  StepWorkers(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1, got " + parts);
    }
    this.parts = parts;
    this.threads = new Thread[parts - 1];
    for (int i = 1; i < parts; i++) {
      final int part = i;
      Thread t = new Thread(() -> work(part), "citybrain-step-" + i);
      t.setDaemon(true);
      threads[i - 1] = t;
      t.start();
    }
  }

  /** Number of parts. */
  int parts() {
    return parts;
  }

  /** Runs {@code body} for every part, one after the other, on the calling thread. */
  void runHere(IntConsumer body) {
    for (int p = 0; p < parts; p++) {
      body.accept(p);
    }
  }

  /**
   * Runs {@code body} for every part and waits for all of them.
   *
   * @throws RuntimeException or Error thrown by any part (the first one)
   */
  void run(IntConsumer body) {
    if (parts == 1) {
      body.accept(0);
      return;
    }
    coordinator = Thread.currentThread();
    if (closed) {
      throw new IllegalStateException("step workers are closed");
    }
    task = body;
    remaining.set(parts - 1);
    generation++;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    try {
      body.accept(0);
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
    }
    int spins = 0;
    while (remaining.get() > 0) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    Throwable f = failure.getAndSet(null);
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
  }

  private void work(int part) {
    long seen = 0;
    while (true) {
      int spins = 0;
      while (generation == seen && !closed) {
        if (++spins < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      try {
        task.accept(part);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
      if (remaining.decrementAndGet() == 0) {
        LockSupport.unpark(coordinator);
      }
    }
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
  }
}

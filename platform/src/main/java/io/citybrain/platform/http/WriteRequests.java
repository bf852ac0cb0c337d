package io.citybrain.platform.http;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The state-changing requests (uploads, run starts, cancels) in progress, so that a shutdown lets
 * them answer before it stops anything: an upload arriving during a shutdown used to be stored
 * while its client got no answer. Once {@link #drain} has begun, new ones answer 503 with {@code
 * Retry-After}; reads (GET, HEAD) are not counted, so open live streams never hold a shutdown up.
 */
final class WriteRequests {
  private static final String COUNTED = "citybrain.writeRequest";

  private int inProgress;
  private boolean closing;

  /**
   * Counts {@code ctx} when it may change state.
   *
   * @throws HttpProblem 503 when the server is shutting down
   */
  void enter(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    synchronized (this) {
      if (closing) {
        ctx.header("Retry-After", "30");
        throw new HttpProblem(503, "unavailable", "the server is shutting down; try again once it is back");
      }
      inProgress++;
    }
    ctx.attribute(COUNTED, Boolean.TRUE);
  }

  /** Ends the count of {@code ctx} if {@link #enter} counted it; called once each request is answered. */
  void leave(Context ctx) {
    if (ctx.attribute(COUNTED) == null) {
      return;
    }
    ctx.attribute(COUNTED, null);
    synchronized (this) {
      inProgress--;
      notifyAll();
    }
  }

  /** State-changing requests being served now. */
  synchronized int inProgress() {
    return inProgress;
  }

  /**
   * Refuses new state-changing requests and waits until those in progress have answered.
   *
   * @param max longest wait
   * @return true when none is left in progress
   */
  synchronized boolean drain(Duration max) {
    closing = true;
    long end = System.nanoTime() + max.toNanos();
    try {
      while (inProgress > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }
}

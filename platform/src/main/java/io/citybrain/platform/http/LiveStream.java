package io.citybrain.platform.http;

import io.citybrain.platform.runs.LiveEnd;
import io.citybrain.platform.runs.LiveFrame;
import io.citybrain.platform.runs.LiveLayout;
import io.citybrain.platform.runs.LiveRun;
import io.citybrain.platform.runs.LiveSubscriber;
import io.citybrain.platform.runs.RunManager;
import io.citybrain.platform.storage.Json;
import io.citybrain.platform.storage.RunRecord;
import io.citybrain.platform.storage.RunStore;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live state stream of a run, as Server-Sent Events on {@code GET /api/runs/{id}/live}:
 *
 * <ul>
 *   <li>{@code status}: {@code {"runId", "status": "queued"}} while the run waits for a worker;
 *   <li>{@code layout}: once, {@link LiveLayout} (lane and intersection ids, the order of the
 *       arrays that follow);
 *   <li>{@code frame}: after every step, {@link LiveFrame} (per-lane vehicle counts and the phase
 *       of every intersection); a viewer more than {@value LiveSubscriber#CAPACITY} frames behind
 *       loses the oldest ones (the step numbers show the gap);
 *   <li>{@code end}: once, {@link LiveEnd}, then the stream closes. A finished run sends only this.
 * </ul>
 *
 * Each open stream holds one thread of a pool of at most {@value #MAX_STREAMS}; more are refused.
 * One client (a token, or an address for anonymous readers) holds at most {@value
 * #MAX_STREAMS_PER_CLIENT} of them: one anonymous client could hold all the slots (issue 15); more
 * get an {@code error} event {@code too_many_streams}. A stream opened with a token that is then
 * revoked ends with an {@code error} event {@code unauthorized} within seconds (tokens are checked
 * again after {@code TokenService}'s 5 s).
 */
final class LiveStream {
  /** Live streams served at once. */
  static final int MAX_STREAMS = 64;

  /** Live streams one client may hold at once. */
  static final int MAX_STREAMS_PER_CLIENT = 8;

  /** How often a stream's token is checked again, ms. */
  private static final long RECHECK_MILLIS = 1_000;

  private final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> perClient =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final io.citybrain.platform.auth.TokenService tokens;
  private final RunManager runs;
  private final RunStore store;
  private final ThreadPoolExecutor senders;

  LiveStream(RunManager runs, RunStore store, io.citybrain.platform.auth.TokenService tokens) {
    this.tokens = tokens;
    this.runs = runs;
    this.store = store;
    AtomicInteger n = new AtomicInteger();
    this.senders =
        new ThreadPoolExecutor(
            0,
            MAX_STREAMS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "live-stream-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  void open(SseClient client) {
    long id;
    try {
      id = Long.parseLong(client.ctx().pathParam("id"));
    } catch (NumberFormatException e) {
      client.sendEvent("error", Json.write(ApiError.of(400, "bad_request", "run id must be an integer")));
      client.close();
      return;
    }
    Optional<LiveRun> live = runs.live(id);
    if (live.isEmpty()) {
      Optional<RunRecord> r = store.find(id);
      if (r.isEmpty()) {
        client.sendEvent("error", Json.write(ApiError.of(404, "not_found", "run '" + id + "' does not exist")));
      } else {
        client.sendEvent("end", Json.write(new LiveEnd(id, r.get().status().apiName(), r.get().statusText())));
      }
      client.close();
      return;
    }
    String who = clientKey(client);
    AtomicInteger held = perClient.computeIfAbsent(who, k -> new AtomicInteger());
    if (held.incrementAndGet() > MAX_STREAMS_PER_CLIENT) {
      held.decrementAndGet();
      client.sendEvent(
          "error",
          Json.write(ApiError.of(429, "too_many_streams", "this client has " + MAX_STREAMS_PER_CLIENT + " live streams open already")));
      client.close();
      return;
    }
    java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        held.decrementAndGet();
      }
    };
    String secret = secret(client);
    client.keepAlive();
    LiveRun lr = live.get();
    LiveSubscriber sub = lr.subscribe();
    client.onClose(() -> {
      lr.unsubscribe(sub);
      release.run();
    });
    try {
      senders.execute(() -> {
        try {
          pump(client, lr, sub, secret);
        } finally {
          release.run();
        }
      });
    } catch (RejectedExecutionException e) {
      release.run();
      lr.unsubscribe(sub);
      client.sendEvent("error", Json.write(ApiError.of(503, "unavailable", "too many live streams; try again later")));
      client.close();
    }
  }

  /**
   * Lets the streams still open send what they have (a run stopped by a shutdown sends its {@code
   * end} event) for up to 3 s, then interrupts them; called before Jetty stops, so that no event
   * is written to a response Jetty has already recycled.
   */
  void close() {
    senders.shutdown();
    try {
      if (!senders.awaitTermination(3, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      senders.shutdownNow();
    }
  }

  /** Whose stream this is: the token's actor, else the caller's address. */
  private static String clientKey(SseClient client) {
    String actor = client.ctx().attribute(AccessControl.ACTOR);
    return actor != null ? actor : "address:" + client.ctx().req().getRemoteAddr();
  }

  /** The token the stream was opened with, or null. */
  private static String secret(SseClient client) {
    String h = client.ctx().header("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return h.substring(7).strip();
    }
    return client.ctx().queryParam("access_token");
  }

  private void pump(SseClient client, LiveRun lr, LiveSubscriber sub, String secret) {
    boolean layoutSent = false;
    try {
      if (lr.layout() == null) {
        client.sendEvent("status", Json.write(ApiViews.ordered("runId", lr.id(), "status", "queued")));
      }
      long lastSent = System.nanoTime();
      long lastCheck = System.nanoTime();
      while (!client.terminated()) {
        if (secret != null && System.nanoTime() - lastCheck > RECHECK_MILLIS * 1_000_000) {
          lastCheck = System.nanoTime();
          if (tokens.authenticate(secret).isEmpty()) {
            client.sendEvent("error", Json.write(ApiError.of(401, "unauthorized", "the API token was revoked")));
            break;
          }
        }
        Object ev = sub.next(RECHECK_MILLIS);
        if (ev == null) {
          if (System.nanoTime() - lastSent > 10_000_000_000L) {
            client.sendComment("keep-alive");
            lastSent = System.nanoTime();
          }
          continue;
        }
        lastSent = System.nanoTime();
        if (ev instanceof LiveFrame f) {
          if (!layoutSent && lr.layout() != null) {
            client.sendEvent("layout", Json.write(lr.layout()));
            layoutSent = true;
          }
          client.sendEvent("frame", Json.write(f));
        } else if (ev instanceof LiveEnd e) {
          client.sendEvent("end", Json.write(e));
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the viewer went away
    } finally {
      lr.unsubscribe(sub);
      client.close();
    }
  }
}

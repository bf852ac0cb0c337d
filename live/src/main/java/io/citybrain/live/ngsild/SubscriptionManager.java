package io.citybrain.live.ngsild;

import io.citybrain.live.transport.mqtt.MqttEndpoint;
import io.citybrain.live.transport.mqtt.MqttSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers NGSI-LD notifications, losing none: each subscription has a bounded queue and its own
 * sender thread; an update waits for room rather than being dropped (back-pressure into the
 * pipeline), and a failed delivery is retried with back-off until it succeeds or the subscription
 * is deleted. A sender batches what has queued into one notification (NGSI-LD's {@code data} is a
 * list), so that thousands of updates per second cost hundreds of requests. Counters per
 * subscription: notified entities, notifications sent, failures. Subscriptions live in memory and,
 * when a file is given, in that file too (JSON, rewritten atomically on every change and read at
 * start), so they survive a restart; updates made while the server was down are not notified.
 */
public final class SubscriptionManager implements AutoCloseable {
  /** Entities per notification at most. */
  public static final int MAX_BATCH = 500;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Active> active = new ConcurrentHashMap<>();
  private final java.nio.file.Path file;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What a subscription has done. */
  public record Status(long entitiesNotified, long notificationsSent, long failures, String lastSuccess, String lastFailure) {}

  private final class Active implements Runnable {
    final Subscription s;
    final BlockingQueue<Map<String, Object>> queue = new ArrayBlockingQueue<>(100_000);
    final AtomicLong entities = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    volatile String lastSuccess;
    volatile String lastFailure;
    volatile boolean running = true;
    final Thread thread;
    MqttSession mqtt;

    Active(Subscription s) {
      this.s = s;
      this.thread = new Thread(this, "ngsi-ld-notify-" + s.id().substring(s.id().length() - 8));
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      List<Map<String, Object>> batch = new ArrayList<>(MAX_BATCH);
      while (running) {
        try {
          Map<String, Object> first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
          deliver(batch);
          entities.addAndGet(batch.size());
          batch.clear();
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void deliver(List<Map<String, Object>> batch) throws InterruptedException {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", "urn:ngsi-ld:Notification:" + UUID.randomUUID());
      n.put("type", "Notification");
      n.put("subscriptionId", s.id());
      n.put("notifiedAt", Instant.now().toString());
      n.put("data", batch);
      byte[] body = JSON.writeValueAsBytes(n);
      long backoff = 50;
      while (running) {
        try {
          send(body);
          sent.incrementAndGet();
          lastSuccess = Instant.now().toString();
          return;
        } catch (Exception e) {
          failures.incrementAndGet();
          lastFailure = Instant.now() + " " + e.getMessage();
          Thread.sleep(backoff);
          backoff = Math.min(5_000, backoff * 2);
        }
      }
    }

    private void send(byte[] body) throws Exception {
      URI u = s.endpoint();
      if ("mqtt".equals(u.getScheme())) {
        if (mqtt == null) {
          mqtt = new MqttSession(new MqttEndpoint(u.getHost(), u.getPort() < 0 ? 1883 : u.getPort()),
              "ngsi-ld-" + s.id().substring(s.id().length() - 12), 1000, null);
        }
        mqtt.publish(u.getPath().substring(1), body).get(30, TimeUnit.SECONDS);
        return;
      }
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException("endpoint answered " + r.statusCode());
      }
    }

    void stop() {
      running = false;
      thread.interrupt();
      if (mqtt != null) {
        mqtt.close();
      }
    }
  }

  /** Subscriptions in memory only (lost on restart). */
  public SubscriptionManager() {
    this.file = null;
  }

  /**
   * Subscriptions kept in {@code file} as well; the ones it holds are started now.
   *
   * @throws IllegalStateException when the file exists but cannot be read as subscriptions (names
   *     the file, the entry and the problem)
   */
  public SubscriptionManager(java.nio.file.Path file) {
    this.file = file;
    if (!java.nio.file.Files.exists(file)) {
      return;
    }
    tools.jackson.databind.JsonNode root;
    try {
      root = JSON.readTree(java.nio.file.Files.readString(file));
    } catch (java.io.IOException | tools.jackson.core.JacksonException e) {
      throw new IllegalStateException("cannot read the NGSI-LD subscriptions in " + file + ": " + e.getMessage(), e);
    }
    tools.jackson.databind.JsonNode list = root == null ? null : root.get("subscriptions");
    if (list == null || !list.isArray()) {
      throw new IllegalStateException("cannot read the NGSI-LD subscriptions in " + file + ": expected {\"subscriptions\": [...]}");
    }
    for (int i = 0; i < list.size(); i++) {
      tools.jackson.databind.JsonNode n = list.get(i);
      try {
        java.util.Set<String> attributes = new java.util.TreeSet<>();
        n.path("attributes").forEach(a -> attributes.add(a.asString()));
        String q = n.path("q").asString(null);
        start(new Subscription(n.required("id").asString(), n.required("entityType").asString(), q == null ? null : QueryFilter.parse(q),
            attributes, "keyValues".equals(n.path("format").asString("normalized")), URI.create(n.required("endpoint").asString())));
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot read the NGSI-LD subscriptions in " + file + ": subscriptions[" + i + "]: "
            + e.getMessage(), e);
      }
    }
  }

  private void start(Subscription s) {
    Active a = new Active(s);
    active.put(s.id(), a);
    a.thread.start();
  }

  /** Rewrites the file (when there is one) with the subscriptions now, in id order. */
  private synchronized void save() {
    if (file == null) {
      return;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    active.values().stream().map(a -> a.s).sorted(java.util.Comparator.comparing(Subscription::id)).forEach(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("entityType", s.entityType());
      m.put("q", s.q() == null ? null : s.q().toString());
      m.put("attributes", new java.util.TreeSet<>(s.attributes()));
      m.put("format", s.keyValues() ? "keyValues" : "normalized");
      m.put("endpoint", s.endpoint().toString());
      list.add(m);
    });
    try {
      io.citybrain.commons.io.AtomicFiles.writeString(file, JSON.writeValueAsString(Map.of("subscriptions", list)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot store the NGSI-LD subscriptions in " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds a subscription, stores it (when kept in a file) and starts its sender.
   *
   * @throws java.io.UncheckedIOException when it cannot be stored (it is not added then)
   */
  public Subscription add(String entityType, QueryFilter q, java.util.Set<String> attributes, boolean keyValues, URI endpoint) {
    Subscription s = new Subscription("urn:ngsi-ld:Subscription:" + UUID.randomUUID(), entityType, q, attributes, keyValues, endpoint);
    Active a = new Active(s);
    active.put(s.id(), a);
    try {
      save();
    } catch (RuntimeException e) {
      active.remove(s.id());
      throw e;
    }
    a.thread.start();
    return s;
  }

  /** Deletes a subscription (and from the file); false when there was none. */
  public boolean delete(String id) {
    Active a = active.remove(id);
    if (a == null) {
      return false;
    }
    a.stop();
    save();
    return true;
  }

  /** Every subscription. */
  public Collection<Subscription> list() {
    return active.values().stream().map(a -> a.s).toList();
  }

  /** A subscription's counters, or null. */
  public Status status(String id) {
    Active a = active.get(id);
    return a == null ? null : new Status(a.entities.get(), a.sent.get(), a.failures.get(), a.lastSuccess, a.lastFailure);
  }

  /** A subscription, or null. */
  public Subscription find(String id) {
    Active a = active.get(id);
    return a == null ? null : a.s;
  }

  /**
   * Offers an updated entity (key-values) to every subscription of its type whose filter it
   * passes; waits while a queue is full.
   */
  public void updated(Map<String, Object> keyValues) {
    if (active.isEmpty()) {
      return;
    }
    Object type = keyValues.get("type");
    for (Active a : active.values()) {
      Subscription s = a.s;
      if (!s.entityType().equals(type) || (s.q() != null && !s.q().test(keyValues))) {
        continue;
      }
      Map<String, Object> e = keyValues;
      if (!s.attributes().isEmpty()) {
        e = new LinkedHashMap<>();
        for (Map.Entry<String, Object> kv : keyValues.entrySet()) {
          if (kv.getKey().equals("id") || kv.getKey().equals("type") || s.attributes().contains(kv.getKey())) {
            e.put(kv.getKey(), kv.getValue());
          }
        }
      }
      Map<String, Object> out = s.keyValues() ? e : SmartDataModels.normalized(e);
      try {
        a.queue.put(out);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    active.values().forEach(Active::stop);
    active.clear();
  }
}

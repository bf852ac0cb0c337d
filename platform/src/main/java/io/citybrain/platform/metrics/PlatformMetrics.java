package io.citybrain.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Operators' metrics (Micrometer, exposed in Prometheus text format at {@code /metrics}):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name (Prometheus)</th><th>type</th><th>tags</th><th>meaning</th></tr>
 *   <tr><td>{@code citybrain_http_requests_seconds}</td><td>timer</td><td>method, route, status</td><td>HTTP
 *     requests and their latency, s (count, sum, max, p50/p99 estimates)</td></tr>
 *   <tr><td>{@code citybrain_runs_started_total}</td><td>counter</td><td>controller</td><td>runs accepted</td></tr>
 *   <tr><td>{@code citybrain_runs_finished_total}</td><td>counter</td><td>status</td><td>runs that reached a final status</td></tr>
 *   <tr><td>{@code citybrain_runs_rejected_total}</td><td>counter</td><td>reason</td><td>runs refused ({@code queue_full})</td></tr>
 *   <tr><td>{@code citybrain_runs_active}</td><td>gauge</td><td></td><td>runs queued or running now</td></tr>
 *   <tr><td>{@code citybrain_uploads_total}</td><td>counter</td><td>outcome</td><td>scenario uploads: {@code stored},
 *     {@code duplicate}, {@code invalid}</td></tr>
 *   <tr><td>{@code citybrain_simulated_steps_total}</td><td>counter</td><td></td><td>simulation steps done by all runs, counted as they are done (runs in progress, cancelled and failed ones included)</td></tr>
 * </table>
 */
public final class PlatformMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter steps;

  /** A fresh registry. */
  public PlatformMetrics() {
    steps = Counter.builder("citybrain.simulated.steps").description("simulation steps done by all runs").register(registry);
  }

  /** Registers the gauge of active runs. */
  public void activeRuns(Supplier<Number> active) {
    Gauge.builder("citybrain.runs.active", active).description("runs queued or running").register(registry);
  }

  /** Records one HTTP request. */
  public void httpRequest(String method, String route, int status, Duration latency) {
    Timer.builder("citybrain.http.requests")
        .description("HTTP requests")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(latency);
  }

  /** A run was accepted. */
  public void runStarted(String controller) {
    registry.counter("citybrain.runs.started", "controller", controller).increment();
  }

  /** A run reached a final status ({@code succeeded}, {@code cancelled}, {@code failed}). */
  public void runFinished(String status) {
    registry.counter("citybrain.runs.finished", "status", status).increment();
  }

  /** A run was refused. */
  public void runRejected(String reason) {
    registry.counter("citybrain.runs.rejected", "reason", reason).increment();
  }

  /** An upload ended with {@code outcome}. */
  public void upload(String outcome) {
    registry.counter("citybrain.uploads", "outcome", outcome).increment();
  }

  /** {@code n} simulation steps were done. */
  public void simulatedSteps(long n) {
    steps.increment(n);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }
}

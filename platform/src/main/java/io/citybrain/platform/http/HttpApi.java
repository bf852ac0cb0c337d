package io.citybrain.platform.http;

import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.PlatformConfig;
import io.citybrain.platform.storage.Json;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The HTTP server (Javalin): the JSON API under {@code /api}, the live stream (SSE), the
 * OpenAPI description at {@code /openapi.json}, Prometheus metrics at {@code /metrics}, and the
 * dashboard at {@code /} (static files under {@code /static}, libraries under {@code /webjars}).
 */
public final class HttpApi implements AutoCloseable {
  private final Javalin app;
  private final LiveStream live;
  private final WriteRequests writes;

  private HttpApi(Javalin app, LiveStream live, WriteRequests writes) {
    this.app = app;
    this.live = live;
    this.writes = writes;
  }

  /**
   * The first step of a shutdown: refuses new state-changing requests (503) and waits up to {@code
   * max} for those in progress to answer, so that nothing is stored without its client being told.
   *
   * @return true when none is left in progress
   */
  public boolean drainWrites(Duration max) {
    return writes.drain(max);
  }

  /** State-changing requests being served now (tests). */
  int writesInProgress() {
    return writes.inProgress();
  }

  /**
   * Starts serving {@code platform} on the configured host and port.
   *
   * @return the running server ({@link #port()} tells the port when 0 was asked)
   */
  public static HttpApi start(Platform platform, PlatformConfig config) {
    return start(platform, config, new Semaphore(ApiRoutes.MAX_CONCURRENT_UPLOADS), r -> {});
  }

  /**
   * As {@link #start(Platform, PlatformConfig)}, with the routes of live operations ({@code
   * /api/live/...}) and NGSI-LD ({@code /ngsi-ld/v1/...}), under the same access control.
   */
  public static HttpApi start(Platform platform, PlatformConfig config, io.citybrain.platform.live.LiveService live) {
    return start(platform, config, new Semaphore(ApiRoutes.MAX_CONCURRENT_UPLOADS),
        r -> new io.citybrain.platform.http.live.LiveRoutes(live).register(r));
  }

  /** As {@link #start(Platform, PlatformConfig)}, with the permits of uploads being checked given (tests hold them). */
  static HttpApi start(Platform platform, PlatformConfig config, Semaphore uploadGate) {
    return start(platform, config, uploadGate, r -> {});
  }

  private static HttpApi start(
      Platform platform, PlatformConfig config, Semaphore uploadGate, java.util.function.Consumer<io.javalin.config.RoutesConfig> moreRoutes) {
    AccessControl access = new AccessControl(platform.tokens());
    BrowserGuards guards = new BrowserGuards(config.host(), config.allowedHosts());
    ApiRoutes routes = new ApiRoutes(platform, uploadGate);
    LiveStream live = new LiveStream(platform.runs(), platform.runStore(), platform.tokens());
    WriteRequests writes = new WriteRequests();
    DashboardPage dashboard = new DashboardPage();
    byte[] openApi = resource("io/citybrain/platform/http/openapi.json");
    long maxBytes = config.maxUploadBytes();
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
              cfg.http.maxRequestSize = maxBytes;
              cfg.jetty.multipartConfig.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes), SizeUnit.BYTES);
              cfg.staticFiles.enableWebjars();
              cfg.staticFiles.add(
                  s -> {
                    s.hostedPath = "/static";
                    s.directory = "/dashboard";
                    s.location = Location.CLASSPATH;
                  });
              // runs once every request has been answered, errors included (an after handler would
              // also have become the route the metrics see)
              cfg.requestLogger.http(
                  (ctx, ms) -> {
                    writes.leave(ctx);
                    platform
                        .metrics()
                        .httpRequest(ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos((long) (ms * 1e6)));
                  });
              cfg.routes.before(ctx -> {
                    BrowserGuards.headers(ctx); // first: error answers carry them too
                    guards.check(ctx);
                  });
              cfg.routes.before("/api/*", ctx -> {
                    checkSize(ctx, maxBytes);
                    // the public disclosure needs no token, from anywhere (issue 9 item 7)
                    if (!ctx.path().startsWith("/api/public/")) {
                      access.check(ctx);
                    }
                    writes.enter(ctx);
                  });
              cfg.routes.before("/api/runs/{id}/live", ctx -> checkLiveRequest(ctx, platform));
              cfg.routes.before("/metrics", access::check);
              ErrorMapping.register(cfg.routes);
              routes.register(cfg.routes, live);
              cfg.routes.before("/ngsi-ld/*", ctx -> {
                    checkSize(ctx, maxBytes);
                    access.check(ctx);
                  });
              moreRoutes.accept(cfg.routes);
              cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
              cfg.routes.get(
                  "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(platform.metrics().scrape()));
              cfg.routes.get("/", ctx -> ctx.html(dashboard.html()));
            });
    app.start(config.host(), config.port());
    return new HttpApi(app, live, writes);
  }

  /**
   * Answers what the stream itself cannot: once Javalin's SSE handler runs, the status is 200 and
   * an unknown run could only be an {@code error} event, and a request without {@code Accept:
   * text/event-stream} got an empty 200.
   */
  private static void checkLiveRequest(Context ctx, Platform platform) {
    String raw = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new NotFoundException("run", raw);
    }
    if (platform.runStore().find(id).isEmpty()) {
      throw new NotFoundException("run", raw);
    }
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new HttpProblem(
          406, "not_acceptable", "the live stream is Server-Sent Events; send 'Accept: text/event-stream'");
    }
  }

  private static void checkSize(Context ctx, long maxBytes) {
    long length = ctx.req().getContentLengthLong();
    if (length > maxBytes) {
      ErrorMapping.closeAfterAnswer(ctx); // the body stays unread
      throw new HttpProblem(
          413,
          "payload_too_large",
          "the request body is " + length + " bytes; the limit is " + maxBytes + " bytes (--max-upload-mb)");
    }
  }

  private static String route(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port being served. */
  public int port() {
    return app.port();
  }

  /** Stops serving. */
  @Override
  public void close() {
    live.close();
    app.stop();
  }
}

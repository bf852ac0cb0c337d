package io.citybrain.platform.http;

import io.citybrain.platform.ConflictException;
import io.citybrain.platform.ForbiddenException;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.runs.QueueFullException;
import io.citybrain.commons.input.InputValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps exceptions to JSON error answers ({@link ApiError}); no stack trace ever reaches a client. */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(HttpProblem.class, (e, ctx) -> send(ctx, ApiError.of(e.status(), e.code(), e.getMessage())));
    routes.exception(
        InvalidRequestException.class,
        (e, ctx) -> send(ctx, new ApiError(422, "invalid_request", e.getMessage(), e.fields(), List.of())));
    routes.exception(
        InputValidationException.class,
        (e, ctx) ->
            send(
                ctx,
                new ApiError(
                    422,
                    "invalid_scenario_files",
                    e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in the uploaded files",
                    Map.of(),
                    e.problems())));
    routes.exception(
        ForbiddenException.class,
        (e, ctx) -> send(ctx, new ApiError(403, "forbidden", e.getMessage(), Map.of(e.field(), e.getMessage().substring(e.field().length() + 2)), List.of())));
    routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, ApiError.of(404, "not_found", e.getMessage())));
    routes.exception(ConflictException.class, (e, ctx) -> send(ctx, ApiError.of(409, "conflict", e.getMessage())));
    routes.exception(
        QueueFullException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", "5");
          send(ctx, ApiError.of(429, "queue_full", e.getMessage()));
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus();
          String code =
              switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 413 -> "payload_too_large";
                case 401 -> "unauthorized";
                default -> status >= 500 ? "internal_error" : "bad_request";
              };
          send(ctx, ApiError.of(status, code, e.getMessage()));
        });
    routes.exception(
        IllegalStateException.class,
        (e, ctx) -> {
          LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          send(ctx, ApiError.of(503, "unavailable", e.getMessage()));
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          send(ctx, ApiError.of(500, "internal_error", "internal error (" + e.getClass().getSimpleName() + "); see the server log"));
        });
  }

  /**
   * Marks the answer {@code Connection: close}, for an error given before the request body was
   * read (RFC 9112 section 9.6): Jetty then closes the connection after the answer instead of
   * keeping it open, and a client does not send its next request on a connection Jetty drops.
   */
  static void closeAfterAnswer(Context ctx) {
    ctx.header("Connection", "close");
  }

  static void send(Context ctx, ApiError error) {
    ctx.status(error.status()).json(error);
  }
}

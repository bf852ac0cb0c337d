package io.citybrain.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.NotFoundException;
import io.citybrain.platform.Platform;
import io.citybrain.platform.alarms.Alarm;
import io.citybrain.platform.alarms.AlarmService;
import io.citybrain.platform.alarms.AlarmState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alarm routes under {@code /api/alarms}: list, one alarm, acknowledge, clear. Handlers
 * translate only; the lifecycle lives in {@link AlarmService}.
 */
final class AlarmRoutes {
  private final AlarmService alarms;

  AlarmRoutes(Platform platform) {
    this.alarms = platform.alarms();
  }

  void register(RoutesConfig r) {
    ApiRoutes.get(r, "/api/alarms", this::list);
    ApiRoutes.get(r, "/api/alarms/{id}", this::one);
    ApiRoutes.post(r, "/api/alarms/{id}/ack", this::ack);
    ApiRoutes.post(r, "/api/alarms/{id}/clear", this::clear);
  }

  private void list(Context ctx) {
    String stateText = ctx.queryParam("state");
    AlarmState state = null;
    if (stateText != null) {
      state = AlarmState.ofId(stateText);
      if (state == null) {
        throw InvalidRequestException.of("state", "is '" + stateText + "'; expected raised, acknowledged or cleared");
      }
    }
    int limit = 100;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw InvalidRequestException.of("limit", "is '" + limitText + "'; expected an integer in 1..1000");
      }
    }
    ctx.json(alarms.list(state, ctx.queryParam("jurisdiction"), limit).stream().map(AlarmRoutes::view).toList());
  }

  private void one(Context ctx) {
    long id = id(ctx);
    ctx.json(view(alarms.find(id).orElseThrow(() -> new NotFoundException("alarm", Long.toString(id)))));
  }

  private void ack(Context ctx) {
    ctx.json(view(alarms.acknowledge(AccessControl.actor(ctx), id(ctx))));
  }

  private void clear(Context ctx) {
    String note = "";
    if (ctx.bodyAsBytes().length > 0) {
      JsonNode body = GovRoutes.object(ctx, Set.of("note"));
      Map<String, String> errors = new LinkedHashMap<>();
      String n = GovRoutes.text(body, "note", errors);
      if (!errors.isEmpty()) {
        throw new InvalidRequestException(errors);
      }
      note = n == null ? "" : n;
    }
    ctx.json(view(alarms.clear(AccessControl.actor(ctx), id(ctx), note)));
  }

  private static long id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new NotFoundException("alarm", text);
    }
  }

  /** The JSON shape of an alarm (openapi.json's {@code Alarm}). */
  static Map<String, Object> view(Alarm a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("source", a.source());
    m.put("kind", a.kind());
    m.put("subject", a.subject());
    m.put("severity", a.severity().id());
    m.put("state", a.state().id());
    m.put("message", a.message());
    m.put("jurisdiction", a.jurisdiction());
    m.put("occurrences", a.occurrences());
    m.put("raisedAt", a.raisedAt().toString());
    m.put("lastSeenAt", a.lastSeenAt().toString());
    m.put("acknowledgedAt", a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString());
    m.put("acknowledgedBy", a.acknowledgedBy());
    m.put("clearedAt", a.clearedAt() == null ? null : a.clearedAt().toString());
    m.put("clearedBy", a.clearedBy());
    m.put("series", a.seriesJson() == null ? List.of() : JsonBodies.parse(a.seriesJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return m;
  }
}

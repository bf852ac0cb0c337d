package io.citybrain.platform.grid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request for a grid dispatch, as posted to {@code POST /api/grid/dispatches}.
 *
 * @param caseName a bundled MATPOWER case ({@code GET /api/grid/cases}), JSON member {@code case}
 * @param dispatcher a grid-dispatch algorithm ({@code GET /api/algorithms?domain=grid-dispatch});
 *     null for {@code dc-opf}
 * @param parameters the dispatcher's parameter values by name; missing ones take their defaults
 */
public record DispatchRequest(
    @com.fasterxml.jackson.annotation.JsonProperty("case") String caseName,
    String dispatcher,
    Map<String, Double> parameters) {

  public DispatchRequest {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}

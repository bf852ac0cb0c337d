package io.citybrain.platform.grid;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.grid.dispatch.DcOptimalPowerFlowDispatcher;
import io.citybrain.grid.dispatch.GridDispatcherProvider;
import io.citybrain.platform.InvalidRequestException;
import io.citybrain.platform.storage.JobKind;
import io.citybrain.platform.storage.NewRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link DispatchRequest} with the same rules and error style as traffic runs: every
 * invalid field named at once ({@code case}, {@code dispatcher}, {@code parameters.<name>}).
 */
public final class DispatchValidator {
  private final GridCases cases;

  /** A validator over the bundled {@code cases}. */
  public DispatchValidator(GridCases cases) {
    this.cases = cases;
  }

  /**
   * The job to queue.
   *
   * @throws InvalidRequestException naming every invalid field
   */
  public NewRun validate(DispatchRequest request, String actor) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<GridCases.CaseInfo> gridCase = Optional.empty();
    if (request.caseName() == null || request.caseName().isBlank()) {
      errors.put("case", "is required: a case name from GET /api/grid/cases; known: " + String.join(", ", cases.names()));
    } else {
      gridCase = cases.find(request.caseName());
      if (gridCase.isEmpty()) {
        errors.put("case", "unknown case '" + request.caseName() + "'; known: " + String.join(", ", cases.names()));
      } else if (!gridCase.get().hasCosts()) {
        errors.put("case", "case '" + request.caseName() + "' has no generator costs (mpc.gencost); a dispatch needs them");
      }
    }
    String name = request.dispatcher() == null ? DcOptimalPowerFlowDispatcher.NAME : request.dispatcher();
    GridDispatcherProvider dispatcher = GridDispatcherProvider.all().find(name).orElse(null);
    if (dispatcher == null) {
      errors.put("dispatcher", "unknown dispatcher '" + name + "'; known: " + String.join(", ", GridDispatcherProvider.all().names()));
    }
    ParameterValues values = null;
    if (dispatcher != null) {
      for (Map.Entry<String, Double> e : request.parameters().entrySet()) {
        try {
          dispatcher.resolve(Map.of(e.getKey(), e.getValue() == null ? Double.NaN : e.getValue()));
        } catch (IllegalArgumentException ex) {
          errors.put("parameters." + e.getKey(), ex.getMessage());
        }
      }
      if (errors.keySet().stream().noneMatch(k -> k.startsWith("parameters."))) {
        values = dispatcher.resolve(request.parameters());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new NewRun(gridCase.get().name(), gridCase.get().name(), dispatcher.name(), dispatcher.version(),
        values.asMap(), 0, 1, 1.0, false, 0, actor, JobKind.GRID_DISPATCH, dispatcher.artifact(values).digest());
  }
}

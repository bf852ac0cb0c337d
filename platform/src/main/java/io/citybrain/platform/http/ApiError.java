package io.citybrain.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.citybrain.commons.input.InputProblem;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of every error answer.
 *
 * <pre>
 * {"status": 422, "error": "invalid_request", "message": "steps: is 0; expected ...",
 *  "fields": {"steps": "is 0; expected an integer in [1, 86400]"},          (invalid fields, when any)
 *  "problems": [{"file", "location", "message"}]}                            (input file problems, when any)
 * </pre>
 *
 * @param status the HTTP status
 * @param error machine-readable code: {@code bad_request}, {@code malformed_json}, {@code
 *     unauthorized}, {@code forbidden}, {@code not_found}, {@code conflict}, {@code payload_too_large}, {@code
 *     invalid_request}, {@code invalid_scenario_files}, {@code queue_full}, {@code unavailable},
 *     {@code internal_error}
 * @param message for people
 * @param fields invalid request fields, field → message
 * @param problems problems in uploaded files, as the traffic core reports them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String message, Map<String, String> fields, List<InputProblem> problems) {

  /** An error without fields or problems. */
  public static ApiError of(int status, String error, String message) {
    return new ApiError(status, error, message, Map.of(), List.of());
  }
}

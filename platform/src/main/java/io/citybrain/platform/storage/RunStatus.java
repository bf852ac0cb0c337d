package io.citybrain.platform.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Life cycle of a run: {@code queued → running → succeeded | cancelled | failed}; a queued run may
 * also be cancelled. A run that was queued or running when the server died is {@code failed} with
 * detail {@code interrupted} after the next start.
 */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  CANCELLED,
  FAILED;

  /** The name used in the API and the database ({@code queued}, ...). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the final states. */
  public boolean terminal() {
    return this == SUCCEEDED || this == CANCELLED || this == FAILED;
  }

  /**
   * The status named {@code name} (API form, case-insensitive).
   *
   * @throws IllegalArgumentException listing the statuses when there is none
   */
  public static RunStatus parse(String name) {
    for (RunStatus s : values()) {
      if (s.apiName().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown run status '" + name + "'; expected one of "
            + Arrays.stream(values()).map(RunStatus::apiName).collect(Collectors.joining(", ")));
  }
}

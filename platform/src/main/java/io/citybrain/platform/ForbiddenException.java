package io.citybrain.platform;

/**
 * A request that is well-formed but not allowed for who asks or where it would act, e.g. an
 * approval by a regulator for a jurisdiction outside its subtree; the HTTP API answers 403 and
 * the command line exits with 2. The message names the field and the rule.
 */
public final class ForbiddenException extends RuntimeException {
  private final String field;

  /**
   * @param field the request field whose value is not allowed (e.g. {@code jurisdiction})
   * @param message what is not allowed and why
   */
  public ForbiddenException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The field whose value is not allowed. */
  public String field() {
    return field;
  }
}

package io.citybrain.platform.http;

/**
 * An HTTP-level error found by an adapter (not by the domain): malformed JSON (400), a missing
 * or invalid token (401), a request that is too large (413).
 */
public final class HttpProblem extends RuntimeException {
  private final int status;
  private final String code;

  /**
   * @param status HTTP status
   * @param code machine-readable error code, e.g. {@code malformed_json}
   * @param message what is wrong, for people
   */
  public HttpProblem(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error code. */
  public String code() {
    return code;
  }

  /** 400 with {@code code}. */
  public static HttpProblem badRequest(String code, String message) {
    return new HttpProblem(400, code, message);
  }

  /** 401: no token, or an unknown or revoked one. */
  public static HttpProblem unauthorized(String message) {
    return new HttpProblem(401, "unauthorized", message);
  }
}

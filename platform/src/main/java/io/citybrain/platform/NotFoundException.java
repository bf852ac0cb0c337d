package io.citybrain.platform;

/** A run, scenario or file that does not exist; the HTTP API answers 404. */
public final class NotFoundException extends RuntimeException {
  /**
   * @param kind what was looked for ({@code run}, {@code scenario}, ...)
   * @param id its id as given
   */
  public NotFoundException(String kind, String id) {
    super(kind + " '" + id + "' does not exist");
  }

  /** A not-found with a message of its own. */
  public NotFoundException(String message) {
    super(message);
  }
}

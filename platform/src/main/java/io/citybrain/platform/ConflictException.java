package io.citybrain.platform;

/** The request conflicts with the current state (e.g. cancelling a finished run); HTTP 409. */
public final class ConflictException extends RuntimeException {
  /** @param message what conflicts, naming the object and its state */
  public ConflictException(String message) {
    super(message);
  }
}

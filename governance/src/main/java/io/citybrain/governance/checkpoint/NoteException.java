package io.citybrain.governance.checkpoint;

/**
 * A signed note, key or checkpoint that is malformed or does not verify; the message names what
 * and why.
 */
public final class NoteException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, with the offending value */
  public NoteException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong
   * @param cause the underlying failure
   */
  public NoteException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.citybrain.governance.merkle;

/** A proof that does not prove what it claims; the message says which check failed. */
public final class ProofException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message which check failed, with the values involved */
  public ProofException(String message) {
    super(message);
  }
}

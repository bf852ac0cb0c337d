package io.citybrain.governance.merkle;

/**
 * A subtree hash that a root or proof needs is not stored: the log's storage lost or had removed a
 * row that an append wrote. Tamper evidence, not a caller mistake.
 */
public final class MissingNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient NodeAddress address;

  /** @param address the subtree whose hash is missing */
  public MissingNodeException(NodeAddress address) {
    super("the stored tree has no hash for " + address + " (bin " + address.binNumber() + ")");
    this.address = address;
  }

  /** The subtree whose hash is missing. */
  public NodeAddress address() {
    return address;
  }
}

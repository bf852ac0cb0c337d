package io.citybrain.platform.storage;

/** The database cannot be opened, migrated or written; the message names the database. */
public final class StorageException extends RuntimeException {
  /**
   * @param message what failed, naming the database
   * @param cause the underlying error
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

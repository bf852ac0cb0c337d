package io.citybrain.platform.audit;

import io.citybrain.governance.checkpoint.NoteException;
import io.citybrain.governance.checkpoint.NoteSigner;
import io.citybrain.governance.checkpoint.SigningKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the audit log's checkpoint signing key lives. By default the file {@value #KEY_FILE_NAME}
 * in the data folder, created with a new Ed25519 key (owner read/write only, {@code 0600}) the
 * first time a checkpoint is signed; environment variable {@value #KEY_FILE_ENV} names another file
 * (for example one provisioned from a secrets store). The key's name is the log's origin, the first
 * line of every checkpoint; a new key is named {@value #DEFAULT_ORIGIN}. A key file that others can
 * read is refused.
 */
public final class AuditKeys {
  /** File name of the signing key in the data folder. */
  public static final String KEY_FILE_NAME = "audit-signing.key";

  /** Environment variable naming the signing key file instead. */
  public static final String KEY_FILE_ENV = "CITYBRAIN_AUDIT_KEY_FILE";

  /** Origin (key name) of a newly created key. */
  public static final String DEFAULT_ORIGIN = "citybrain.local/audit";

  private AuditKeys() {}

  /** The key file for a data folder, honouring {@value #KEY_FILE_ENV} in {@code env}. */
  public static Path keyFile(Path dataDir, Map<String, String> env) {
    String configured = env.get(KEY_FILE_ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.strip());
    }
    return dataDir.resolve(KEY_FILE_NAME);
  }

  /** The key file for a data folder, honouring {@value #KEY_FILE_ENV} in the process environment. */
  public static Path keyFile(Path dataDir) {
    return keyFile(dataDir, System.getenv());
  }

  /**
   * The signing key in {@code file}; when there is none, a new one named {@value #DEFAULT_ORIGIN}
   * written there first.
   *
   * @throws AuditKeyException naming the file when it cannot be read or created, is not a signer
   *     key, or others may read it
   */
  public static NoteSigner loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return SigningKeyFile.load(file);
      }
      return SigningKeyFile.loadOrCreate(file, DEFAULT_ORIGIN);
    } catch (NoteException | IOException e) {
      throw new AuditKeyException("audit signing key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The key of one key file, read (or created) once, on first use: when the first checkpoint is
   * signed. {@link #existing()} reads it only if the file exists, for checks that must not create one.
   */
  public static final class Source implements java.util.function.Supplier<NoteSigner> {
    private final Path file;
    private NoteSigner signer;

    /** @param file the key file ({@link #keyFile}) */
    public Source(Path file) {
      this.file = file;
    }

    /**
     * The key, created when the file does not exist.
     *
     * @throws AuditKeyException naming the file when it cannot be used
     */
    @Override
    public synchronized NoteSigner get() {
      if (signer == null) {
        signer = loadOrCreate(file);
      }
      return signer;
    }

    /**
     * The key when its file exists.
     *
     * @throws AuditKeyException naming the file when it exists but cannot be used
     */
    public synchronized java.util.Optional<NoteSigner> existing() {
      return signer != null || Files.exists(file) ? java.util.Optional.of(get()) : java.util.Optional.empty();
    }

    /** The key file. */
    public Path file() {
      return file;
    }
  }

  /** The signing key cannot be used; the message names the file and the reason. */
  public static final class AuditKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AuditKeyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

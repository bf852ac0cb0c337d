package io.citybrain.platform.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jdbi.v3.core.Handle;

/**
 * The right to serve a database, held by one server process at a time. A second server on the
 * same database used to start anyway, and its recovery marked the first server's running runs
 * {@code failed (interrupted)}; when those runs then finished, their results were dropped.
 *
 * <p>Embedded (H2): an exclusive lock on {@code citybrain.server.lock} in the data folder.
 * PostgreSQL: a session advisory lock keyed on the schema, held on one pooled connection (of 8). Both
 * end with the process, also when it is killed. Commands that only read or add tokens (audit,
 * token) do not take it.
 */
public final class ServerLock implements AutoCloseable {
  /** The lock file in the data folder (embedded database). */
  public static final String FILE = "citybrain.server.lock";

  private static final String PG_KEY = "hashtext('citybrain.server:' || current_schema())";

  private final Releaser releaser;

  @FunctionalInterface
  private interface Releaser {
    void release() throws Exception;
  }

  private ServerLock(Releaser releaser) {
    this.releaser = releaser;
  }

  /**
   * Takes the lock of {@code database}.
   *
   * @param dataDir the data folder (where the embedded database's lock file goes)
   * @throws StorageException when another server holds it, or it cannot be taken
   */
  public static ServerLock acquire(Database database, Path dataDir) {
    return database.kind() == DatabaseKind.POSTGRESQL ? advisory(database) : file(dataDir);
  }

  private static ServerLock file(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel = null;
    try {
      OwnerOnly.restrictFolder(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      OwnerOnly.restrictFile(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this process
      }
      if (lock == null) {
        channel.close();
        throw held(dataDir.toAbsolutePath().normalize().toString());
      }
      FileChannel held = channel;
      FileLock taken = lock;
      return new ServerLock(
          () -> {
            taken.release();
            held.close();
          });
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StorageException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static ServerLock advisory(Database database) {
    Handle h = database.jdbi().open();
    try {
      boolean taken = h.createQuery("SELECT pg_try_advisory_lock(" + PG_KEY + ")").mapTo(Boolean.class).one();
      if (!taken) {
        h.close();
        throw held("this PostgreSQL database" + database.settings().schema().map(x -> " (schema " + x + ")").orElse(""));
      }
      return new ServerLock(
          () -> {
            try {
              h.createQuery("SELECT pg_advisory_unlock(" + PG_KEY + ")").mapTo(Boolean.class).one();
            } finally {
              h.close();
            }
          });
    } catch (RuntimeException e) {
      if (!(e instanceof StorageException)) {
        h.close();
      }
      throw e;
    }
  }

  private static StorageException held(String where) {
    return new StorageException(
        "another citybrain server is using " + where + "; one server may serve a database at a time (stop it, or give"
            + " this one another --data-dir or --db)",
        null);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to add to the failure being reported
      }
    }
  }

  /** Gives the lock up. */
  @Override
  public void close() {
    try {
      releaser.release();
    } catch (Exception e) {
      throw new StorageException("cannot release the server lock: " + e.getMessage(), e);
    }
  }
}

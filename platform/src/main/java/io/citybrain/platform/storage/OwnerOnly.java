package io.citybrain.platform.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the data folder to its owner: the folder 0700, the database, lock, key and trace files in
 * it ({@code citybrain.*}, the audit signing key) 0600. A world-readable lock file handed H2's server key to every local
 * user, who then had full SQL on the embedded database (issue 15). On file systems without POSIX
 * permissions it does nothing.
 */
public final class OwnerOnly {
  /** rwx------ */
  public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  /** rw------- */
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /**
   * Creates {@code folder} (and missing parents) when missing, then sets it to 0700 and its
   * {@code citybrain.*} files to 0600.
   *
   * @throws StorageException naming the folder when it cannot be created or its modes set
   */
  public static void restrictFolder(Path folder) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
      }
      Files.setPosixFilePermissions(folder, FOLDER);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "{citybrain.*,audit-signing.key}")) {
        for (Path f : files) {
          if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
              restrictFile(f);
            } catch (java.nio.file.NoSuchFileException gone) {
              // H2 removes its lock file on close: nothing left to protect
            }
          }
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new StorageException("cannot make " + folder + " readable by its owner only: " + e, e);
    }
  }

  /**
   * Sets {@code file} to 0600.
   *
   * @throws IOException when it cannot
   */
  public static void restrictFile(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}

package io.citybrain.traffic.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file through a temporary file in the same folder, moved into place when complete: a
 * failure part-way (a full disk, an interrupted process) leaves the previous file as it was
 * instead of a truncated one. Every file the tools write goes through here.
 */
public final class AtomicFiles {
  /** What writes the content. */
  @FunctionalInterface
  public interface Body {
    /** Writes the whole content to {@code out}. */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code file} (creating or replacing it, and creating its folder when missing) with
   * what {@code body} writes. The file is readable by all (rw-r--r--) where the file system has
   * POSIX permissions, like any file the user writes; temporary files are created owner-only, and
   * converted files used to keep that.
   *
   * @throws IOException when the folder or file cannot be written; the previous file is unchanged
   */
  public static void write(Path file, Body body) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path tmp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.write(out);
      }
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

package io.citybrain.commons.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file through a temporary file in the same folder, flushed to disk (fsync) and moved
 * into place when complete: a failure part-way (a full disk, an interrupted process, a power cut)
 * leaves the previous file as it was instead of a truncated one. Every file that citybrain's tools
 * write as a result (traffic run results, converted files, grid reports, parameter files) goes
 * through here.
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
   * files would otherwise keep that.
   *
   * <p>Order: write the temporary file, fsync it, set its permissions, rename it over {@code file}
   * (an atomic rename on POSIX file systems), then fsync the folder so the rename itself survives
   * a crash. Where a folder cannot be opened for fsync (some file systems refuse), the rename is
   * still atomic; only its durability across a power cut is then the file system's.
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
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      syncFolder(folder);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code text} as UTF-8, atomically as {@link #write(Path, Body)}. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Linux allows fsync on a folder opened read-only; other systems may refuse (see above)
    }
  }
}

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

  /**
   * A set of files written as a whole: each {@link Group#write} writes a temporary file beside
   * its target (flushed to disk), and only {@link Group#commit} moves them all into place. A
   * failure before that (a full disk, a file in the way) leaves every previous file as it was,
   * removes the temporary files, and names the file and the reason; a folder used to end up with
   * the new {@code summary.json} beside the previous run's time series.
   */
  public static Group group() {
    return new Group();
  }

  /** See {@link #group()}; close it (try-with-resources) to remove what was not committed. */
  public static final class Group implements AutoCloseable {
    private final java.util.Map<Path, Path> staged = new java.util.LinkedHashMap<>();
    private boolean committed;

    private Group() {}

    /**
     * Writes {@code file}'s new content to a temporary file beside it.
     *
     * @throws IOException naming {@code file} and the reason (e.g. "No space left on device")
     */
    public void write(Path file, Body body) throws IOException {
      Path target = file.toAbsolutePath();
      Path folder = target.getParent();
      Path tmp = null;
      try {
        Files.createDirectories(folder);
        tmp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        staged.put(target, tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
          body.write(out);
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
      } catch (IOException e) {
        throw new IOException("cannot write " + file + ": " + reason(e), e);
      }
    }

    /**
     * Moves every written file into place (atomic renames in the order written), then flushes
     * their folders.
     *
     * @throws IOException naming the file whose rename failed
     */
    public void commit() throws IOException {
      java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
      for (var e : staged.entrySet()) {
        try {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
          throw new IOException("cannot write " + e.getKey() + ": " + reason(ex), ex);
        }
        folders.add(e.getKey().getParent());
      }
      committed = true;
      folders.forEach(AtomicFiles::syncFolder);
    }

    /** Removes the temporary files of an uncommitted group. */
    @Override
    public void close() {
      for (Path tmp : staged.values()) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing else to do with a file that cannot be removed; the error reported says why
        }
      }
      staged.clear();
    }
  }

  /** What went wrong, without the temporary file's name that Java puts first. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException) {
      return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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

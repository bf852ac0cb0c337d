package io.citybrain.traffic.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same folder, moved into place when complete: a
 * failure part-way (a full disk, an interrupted process) leaves the previous file as it was
 * instead of a truncated one.
 */
final class AtomicFiles {
  /** What writes the content. */
  @FunctionalInterface
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code file} (creating or replacing it) with what {@code body} writes. */
  static void write(Path file, Body body) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

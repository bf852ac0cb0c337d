package io.citybrain.cli.traffic;

import io.citybrain.cli.CliErrors.UsageException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --out} (or {@code --replay}) folder, checked and created before a run instead of after it, so that a
 * wrong path costs no simulation time and leaves nothing half-written.
 */
final class OutputFolder {
  private OutputFolder() {}

  /**
   * Creates {@code out} and its parents when missing.
   *
   * @throws UsageException when {@code out} is an existing file (which is left untouched) or the
   *     folder cannot be created
   */
  static void prepare(Path out) {
    prepare("--out", out);
  }

  /**
   * As {@link #prepare(Path)}, for the folder option named {@code option} (e.g. {@code --replay}).
   *
   * @throws UsageException also when {@code out} is empty (it used to mean the working folder)
   */
  static void prepare(String option, Path out) {
    if (out.toString().isEmpty()) {
      throw new UsageException(option + " is empty; expected a folder for the results (created when missing)");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException(
          option + " " + out + " is a file, not a folder; expected a folder for the results (created when missing)");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UsageException(option + " " + out + ": cannot create the folder: " + reason(e));
    }
    if (!Files.isWritable(out)) {
      // found before the run; the first write failed only afterwards, naming a temporary file
      throw new UsageException(
          option + " " + out + ": the folder is not writable; expected a folder the results can be written to");
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    if (e instanceof FileSystemException fs) {
      return fs.getFile() + " is in the way";
    }
    return e.getMessage();
  }
}

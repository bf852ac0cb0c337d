package io.citybrain.traffic.replay;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The replay output cannot be written: its folder does not exist, is not a folder, or is not
 * writable. Raised when the replay is opened, before the first step, so a run never goes on
 * quietly without its replay (case C03).
 */
public final class ReplayOutputException extends IOException {
  private final transient Path path;

  /**
   * @param path the file or folder at fault, named in the message
   * @param problem what is wrong with it, e.g. "folder does not exist"
   */
  public ReplayOutputException(Path path, String problem) {
    super("cannot write replay output '" + path + "': " + problem);
    this.path = path;
  }

  /** The file or folder at fault. */
  public Path path() {
    return path;
  }
}

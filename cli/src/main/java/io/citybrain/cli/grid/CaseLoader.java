package io.citybrain.cli.grid;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.io.MatpowerReader;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a case named on the command line: a file path, or a bundled case name like {@code case118}.
 * Problems are thrown as {@link InputValidationException}, which every command reports the same
 * way (one line per problem naming file, matrix, row and column; exit code 2; no stack trace).
 */
final class CaseLoader {
  /** Largest case file read, bytes (512 MiB). */
  static final long MAX_BYTES = 512L << 20;

  private CaseLoader() {}

  /**
   * Loads {@code argument}.
   *
   * @throws InputValidationException when it is neither a readable MATPOWER file nor a bundled
   *     case, or when the file is malformed (every problem found)
   * @throws IOException when the file cannot be read
   */
  static PowerNetwork load(String argument) throws InputValidationException, IOException {
    Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      throw whole(argument, "is a directory; expected a MATPOWER .m file or a bundled case name");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw whole(argument, "is not a regular file (a device, a named pipe or a socket); expected a MATPOWER .m file");
    }
    if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
      throw whole(argument, "is larger than " + (MAX_BYTES >> 20) + " MiB, the largest case file citybrain reads"
          + " (case9241pegase is 3 MB)");
    }
    if (Files.isRegularFile(path)) {
      return MatpowerReader.read(path);
    }
    if (BundledCases.isBundled(argument)) {
      return BundledCases.read(argument);
    }
    throw whole(argument, "no such file, and not a bundled case (bundled: " + String.join(", ", BundledCases.names()) + ")");
  }

  private static InputValidationException whole(String argument, String message) {
    return new InputValidationException(InputProblem.inWhole(argument, message));
  }
}

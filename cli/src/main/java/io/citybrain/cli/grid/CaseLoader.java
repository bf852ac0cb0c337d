package io.citybrain.cli.grid;

import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.io.GridInputException;
import io.citybrain.grid.io.MatpowerReader;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a case named on the command line: a file path, or a bundled case name like {@code case118}. */
final class CaseLoader {
  /** Largest case file read, bytes (512 MiB). */
  static final long MAX_BYTES = 512L << 20;

  private CaseLoader() {}

  /**
   * Loads {@code argument}, printing any problem to {@code err} (one line per problem, naming file,
   * matrix, row and column; never a stack trace).
   *
   * @return the network, or empty after printing why not
   */
  static Optional<PowerNetwork> load(String argument, PrintWriter err) {
    Path path = Path.of(argument);
    try {
      if (Files.isDirectory(path)) {
        err.println("error: " + argument + " is a directory; expected a MATPOWER .m file or a bundled case name");
        err.flush();
        return Optional.empty();
      }
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        err.println("error: " + argument + " is not a regular file (a device, a named pipe or a socket); expected a"
            + " MATPOWER .m file");
        err.flush();
        return Optional.empty();
      }
      if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
        err.println("error: " + argument + " is larger than " + (MAX_BYTES >> 20) + " MiB, the largest case file"
            + " citybrain reads (case9241pegase is 3 MB)");
        err.flush();
        return Optional.empty();
      }
      if (Files.isRegularFile(path)) {
        return Optional.of(MatpowerReader.read(path));
      }
      if (BundledCases.isBundled(argument)) {
        return Optional.of(BundledCases.read(argument));
      }
      err.println("error: " + argument + ": no such file, and not a bundled case (bundled: "
          + String.join(", ", BundledCases.names()) + ")");
    } catch (GridInputException e) {
      err.println("error: " + argument + " is not a valid MATPOWER case ("
          + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + "):");
      e.problems().forEach(p -> err.println("  " + p.format()));
    } catch (IOException e) {
      err.println("error: cannot read " + argument + ": " + e.getMessage());
    }
    err.flush();
    return Optional.empty();
  }
}

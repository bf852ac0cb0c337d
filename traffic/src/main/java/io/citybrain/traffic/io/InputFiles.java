package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input file whole, refusing what is not a file of bounded size with an {@link
 * InputProblem} at location {@code file}: a missing path, a folder, a device or named pipe (reading
 * {@code /dev/zero} never ends, a pipe can block forever), an unreadable file, and a file over
 * {@link #MAX_BYTES}.
 */
public final class InputFiles {
  /**
   * Largest input file read, bytes (512 MiB): far above any real network or demand (the bundled
   * files are at most 2.5 MB), and below what Java can hold in one array.
   */
  public static final long MAX_BYTES = 512L << 20;

  private InputFiles() {}

  /**
   * Reads {@code file}.
   *
   * @param file the file as the user named it (problems name it as {@code file.toString()})
   * @param expected what the file should be, for messages (such as "a JSON file")
   * @return its bytes
   * @throws InputValidationException with one problem saying why the file cannot be read
   */
  public static byte[] read(Path file, String expected) throws InputValidationException {
    return read(file, expected, MAX_BYTES);
  }

  static byte[] read(Path file, String expected, long maxBytes) throws InputValidationException {
    if (Files.isDirectory(file)) {
      throw problem(file, "is a directory; expected " + expected);
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw problem(file, "is not a regular file (a device, a named pipe or a socket); expected " + expected);
    }
    try (InputStream in = Files.newInputStream(file)) {
      // read one byte more than allowed: sizes reported by the file system can be wrong (/proc)
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw problem(file, "is larger than " + describe(maxBytes) + ", the largest input file citybrain reads");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw problem(file, "does not exist");
    } catch (AccessDeniedException e) {
      throw problem(file, "cannot be read: permission denied");
    } catch (IOException e) {
      throw problem(file, "cannot be read: " + e.getMessage());
    }
  }

  private static InputValidationException problem(Path file, String message) {
    return new InputValidationException(InputProblem.inWhole(file.toString(), message));
  }

  private static String describe(long bytes) {
    return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }
}

package io.citybrain.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an integration test ({@code *IT}) needs from the machine, checked before the test starts.
 *
 * <p>A missing prerequisite fails the test, it never skips it: a skipped browser or database test
 * looks green in CI while testing nothing. The failure says what is missing, where it was looked
 * for, how to get it, and the two ways to run without it ({@code mvn test}, or {@code mvn verify
 * -DskipITs}, which skips every integration test on purpose). Unit tests ({@code *Test}) must not
 * need anything checked here.
 *
 * <p>Every method throws {@link AssertionError}, so JUnit reports a failure, not an error in the
 * test's own code.
 */
public final class Prerequisites {
  /**
   * The script that installs and starts everything the integration tests need on Debian, named in
   * every failure message.
   */
  public static final String TEST_SCRIPT = "scripts/test-all.sh";

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private Prerequisites() {}

  /**
   * An executable program, at the path an environment variable names or else at its Debian path.
   *
   * @param environmentVariable the variable that overrides the path (for machines other than
   *     Debian), such as {@code CITYBRAIN_CHROMIUM}
   * @param debianPath where Debian's package installs the program, such as {@code
   *     /usr/bin/chromium}
   * @param what the program in words, such as {@code "Chromium (headless browser)"}
   * @param aptPackages the Debian packages that provide it, separated by spaces
   * @return the program's path, an existing executable regular file
   * @throws AssertionError when the file does not exist or is not executable
   */
  public static Path executable(
      String environmentVariable, Path debianPath, String what, String aptPackages) {
    return executable(System.getenv(), environmentVariable, debianPath, what, aptPackages);
  }

  static Path executable(
      Map<String, String> environment,
      String environmentVariable,
      Path debianPath,
      String what,
      String aptPackages) {
    String override = environment.get(environmentVariable);
    boolean overridden = override != null && !override.isBlank();
    Path path = overridden ? Path.of(override) : debianPath;
    if (Files.isRegularFile(path) && Files.isExecutable(path)) {
      return path;
    }
    String where =
        overridden
            ? path + " (from " + environmentVariable + ") is not an executable file"
            : path
                + " is not an executable file (set "
                + environmentVariable
                + " to use another path)";
    throw missing(what, where, "apt-get install " + aptPackages, null);
  }

  /**
   * A service listening on a TCP port, such as PostgreSQL on {@code 127.0.0.1:5432}.
   *
   * @param host the host name or address, normally {@code 127.0.0.1}
   * @param port the TCP port, 1–65535
   * @param what the service in words, such as {@code "PostgreSQL test server"}
   * @param howToGet how to install or start it, such as an apt command
   * @throws AssertionError when nothing accepts a connection within 2 s
   */
  public static void listening(String host, int port, String what, String howToGet) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw missing(
          what,
          "nothing accepts connections on " + host + ":" + port + " (" + e.getMessage() + ")",
          howToGet,
          e);
    }
  }

  /**
   * The failure for a prerequisite found missing by the caller's own check.
   *
   * @param what the prerequisite in words
   * @param finding what was checked and found, with the path, address or message
   * @param howToGet how to install or start it
   * @param cause the exception of the check, or {@code null}
   * @return the error to throw, with the standard message
   */
  public static AssertionError missing(
      String what, String finding, String howToGet, Throwable cause) {
    String message =
        "Missing prerequisite for this integration test: "
            + what
            + ": "
            + finding
            + ".\n  Get it: "
            + howToGet
            + ".\n  "
            + TEST_SCRIPT
            + " installs and starts everything the integration tests need (as root or through sudo)."
            + "\n  Without it: `mvn test` runs the unit tests only; `mvn verify -DskipITs` skips every integration test.";
    return new AssertionError(message, cause);
  }
}

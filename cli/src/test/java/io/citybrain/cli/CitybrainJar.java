package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code citybrain.jar} as a user does: {@code java -jar citybrain.jar ARGS} in a
 * separate process, with the same {@code java} as the test JVM, capturing standard output, standard
 * error and the exit code.
 *
 * <p>The jar is the one named by the system property {@code citybrain.jar} (set by failsafe to the
 * shaded jar of the {@code package} phase); without it, {@code target/citybrain.jar}.
 */
final class CitybrainJar {
  /** Exit code for invalid input files or arguments, as {@code citybrain --help} documents it. */
  static final int EXIT_INVALID = 2;

  /** Longest a single run may take; the slowest (a four-controller comparison) takes seconds. */
  static final long TIMEOUT_SECONDS = 180;

  private static final Path JAR =
      Path.of(System.getProperty("citybrain.jar", "target/citybrain.jar")).toAbsolutePath();

  /** The output of the child JVM is in the platform's encoding, as for a user's terminal. */
  private static final Charset CONSOLE = Charset.forName(System.getProperty("native.encoding"));

  private CitybrainJar() {}

  /** What one run printed and returned. */
  record Result(List<String> args, int exitCode, String stdout, String stderr) {
    /** Everything about the run, for assertion messages. */
    String describe() {
      return "citybrain " + String.join(" ", args) + "\nexit code " + exitCode
          + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }

    /** Asserts exit code 0 and that nothing went to standard error. */
    Result assertSuccess() {
      assertThat(exitCode).as(describe()).isZero();
      assertThat(stderr).as(describe()).isEmpty();
      return this;
    }

    /**
     * Asserts the handling of invalid input or arguments: exit code 2, nothing on standard output,
     * and a message on standard error with no stack trace.
     */
    Result assertInvalid() {
      assertThat(exitCode).as(describe()).isEqualTo(EXIT_INVALID);
      assertThat(stdout).as(describe()).isEmpty();
      assertThat(stderr).as(describe()).startsWith("error: ");
      assertNoStackTrace();
      return this;
    }

    /** Asserts that standard error holds no Java stack trace or exception name. */
    Result assertNoStackTrace() {
      assertThat(stderr)
          .as(describe())
          .doesNotContain("\tat ")
          .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
          .doesNotContain("Exception")
          .doesNotContain("Caused by");
      return this;
    }
  }

  /**
   * JVM options for commands that end within a second (help, invalid input): the C1 compiler
   * alone and the serial collector start faster. What these runs check does not depend on them.
   */
  private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /**
   * Runs {@code java -jar citybrain.jar args} in {@code workDir} and waits for it.
   *
   * @throws AssertionError when the jar is missing or the run exceeds {@link #TIMEOUT_SECONDS}
   */
  static Result run(Path workDir, String... args) {
    return launch(List.of(), workDir, args);
  }

  /** As {@link #run}, for a command that ends within a second: the JVM is tuned to start fast. */
  static Result runQuick(Path workDir, String... args) {
    return launch(QUICK_START, workDir, args);
  }

  /** As {@link #run}, with options for the child JVM (such as a small {@code -Xmx}). */
  static Result runWithJvmOptions(List<String> jvmOptions, Path workDir, String... args) {
    return launch(jvmOptions, workDir, args);
  }

  /** The unprivileged user and group ({@code nobody}, {@code nogroup} on Debian). */
  private static final String NOBODY = "65534";

  /**
   * As {@link #runQuick}, never as root. Root may write into any folder, so a test of a
   * permission refusal would pass vacuously or have to be skipped when the tests run as root, as
   * they do in CI. As root this runs the jar as user {@code nobody} through util-linux's {@code
   * setpriv}, from a copy of the jar in {@code workDir} (the build folder may sit under a folder
   * only root can enter), and makes {@code workDir} readable by all; its files must be too.
   */
  static Result runQuickUnprivileged(Path workDir, String... args) {
    if (!"root".equals(System.getProperty("user.name"))) {
      return runQuick(workDir, args);
    }
    try {
      Files.setPosixFilePermissions(workDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      Path jar = workDir.resolve("citybrain-copy.jar");
      if (!Files.exists(jar)) {
        Files.copy(existingJar(), jar);
      }
      List<String> asNobody =
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
      return launch(asNobody, jar, QUICK_START, workDir, args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existingJar() {
    assertThat(JAR)
        .as("the shaded jar (build it with 'mvn -B -pl cli -am verify', or 'package' first)")
        .isRegularFile();
    return JAR;
  }

  private static Result launch(List<String> jvmOptions, Path workDir, String... args) {
    return launch(List.of(), existingJar(), jvmOptions, workDir, args);
  }

  private static Result launch(List<String> prefix, Path jar, List<String> jvmOptions, Path workDir, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = pb.environment();
    env.put("CITYBRAIN_NO_PROGRESS", "1");
    // stack traces must not appear because the developer's shell asked for them
    env.remove("CITYBRAIN_DEBUG");
    // the JVM would announce these options on standard error
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    try {
      Process process = pb.start();
      process.getOutputStream().close();
      StreamReader out = new StreamReader(process.getInputStream());
      StreamReader err = new StreamReader(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "citybrain " + String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS
                + " s\n--- stdout:\n" + out.text() + "\n--- stderr:\n" + err.text());
      }
      return new Result(List.of(args), process.exitValue(), out.text(), err.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running citybrain", e);
    }
  }

  /** Copies a test resource to {@code target}, creating its folder. */
  static Path copyResource(String resource, Path target) {
    try (InputStream in = CitybrainJar.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("test resource %s", resource).isNotNull();
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drains a process stream on its own thread, so a full pipe never blocks the child. */
  private static final class StreamReader {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    StreamReader(InputStream in) {
      thread =
          new Thread(
              () -> {
                try (in) {
                  in.transferTo(bytes);
                } catch (IOException e) {
                  // the process was killed; keep what was read
                }
              },
              "citybrain-output");
      thread.setDaemon(true);
      thread.start();
    }

    String text() throws InterruptedException {
      thread.join(TimeUnit.SECONDS.toMillis(10));
      return bytes.toString(CONSOLE);
    }
  }
}

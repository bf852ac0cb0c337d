package io.citybrain.cli;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.platform.storage.StorageException;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into messages for users: invalid input gets every problem (file, location,
 * what was expected) and exit code 2; a bug gets one line and exit code 1. Stack traces are
 * printed only when {@code CITYBRAIN_DEBUG} is set.
 */
public final class CliErrors implements IExecutionExceptionHandler {

  /** Thrown by commands for invalid arguments that picocli cannot check itself. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Throwable e = ex;
    if (e instanceof InputValidationException ive) {
      err.println("error: invalid input (" + ive.problems().size() + (ive.problems().size() == 1 ? " problem" : " problems") + "):");
      for (InputProblem p : ive.problems()) {
        err.println("  " + p.format());
      }
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof UsageException || e instanceof IllegalArgumentException) {
      err.println("error: " + e.getMessage());
      err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof io.citybrain.platform.InvalidRequestException invalid) {
      // the governance registry names every invalid field; the flags carry the same names
      err.println("error: invalid request (" + invalid.fields().size() + (invalid.fields().size() == 1 ? " field" : " fields") + "):");
      invalid.fields().forEach((field, why) -> err.println("  " + field + ": " + why));
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof io.citybrain.platform.ConflictException
        || e instanceof io.citybrain.platform.NotFoundException
        || e instanceof io.citybrain.platform.ForbiddenException) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof StorageException) {
      // the database cannot be opened or used (PostgreSQL down, a wrong --db): not a bug
      err.println("error: " + e.getMessage());
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      err.println("error: permission denied on " + denied.getFile());
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (e instanceof java.io.IOException io) {
      err.println("error: " + describe(io));
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    err.println("internal error: " + e + " (please report it; set CITYBRAIN_DEBUG=1 for details)");
    if (System.getenv("CITYBRAIN_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL_ERROR.code();
  }

  /** A file-system failure in words, naming the path. */
  static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException fse) {
      String path = fse.getFile();
      String reason =
          e instanceof java.nio.file.NoSuchFileException
              ? "does not exist"
              : e instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : e instanceof java.nio.file.FileAlreadyExistsException
                      ? "already exists"
                      : e instanceof java.nio.file.NotDirectoryException
                          ? "is not a folder"
                          : fse.getReason() == null ? "cannot be used" : fse.getReason();
      return (path == null ? "" : path + ": ") + reason;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The Java heap ran out (input far larger than usual, or a run creating too many vehicles): one
   * message saying so and how to give Java more memory, exit code 1, no stack trace.
   */
  public static int outOfMemory(PrintWriter err, OutOfMemoryError e) {
    long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
    err.println(
        "error: out of memory (" + e.getMessage() + "; this Java may use " + maxMiB + " MiB): the input or the"
            + " run is too large for it. Give Java more memory, e.g. java -Xmx" + Math.max(2, 2 * (maxMiB >> 10))
            + "g -jar citybrain.jar ..., or make the input smaller");
    if (System.getenv("CITYBRAIN_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL_ERROR.code();
  }

  /** Invalid options: the message and a pointer to help, exit code 2. */
  public static int handleParameterException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    if (ex instanceof CommandLine.UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")
        && !cmd.getSubcommands().isEmpty()) {
      err.println(unknownCommand(cmd, u.getUnmatched().get(0)));
    } else {
      err.println("error: " + ex.getMessage());
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.BAD_INPUT.code();
  }

  /** "error: unknown command 'NAME' for 'citybrain traffic'; commands: run, compare, ...". */
  static String unknownCommand(CommandLine cmd, String name) {
    return "error: unknown command '" + name + "' for '" + cmd.getCommandSpec().qualifiedName() + "'; commands: "
        + String.join(", ", cmd.getSubcommands().keySet());
  }
}

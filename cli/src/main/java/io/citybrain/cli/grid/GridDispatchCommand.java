package io.citybrain.cli.grid;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.dispatch.GridDispatcherProvider;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.report.DispatchReport;
import io.citybrain.grid.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain grid dispatch CASE [--out DIR]}: solves the DC-OPF of a case, compares it with
 * the naive baseline, checks it with an AC power flow, prints a summary table, and with {@code
 * --out} writes {@code <case>-dispatch.json} and CSV files for generators, branches and buses.
 */
@Command(
    name = "dispatch",
    description = {
      "Optimal DC dispatch of one MATPOWER case: cost, saving vs naive dispatch, loaded lines, LMPs.",
      "Exit code 0 with a dispatch, 2 for an unreadable or malformed case, 4 when the case is valid but no dispatch"
          + " meets its loads within its limits (infeasible)."
    },
    footer = {"", "Examples:", "  citybrain grid dispatch case9241pegase", "  citybrain grid dispatch my/case.m --out runs/mycase",
      "  citybrain grid dispatch case118 --dispatcher naive-dispatch"},
    mixinStandardHelpOptions = true)
public final class GridDispatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASE", description = "a MATPOWER .m file, or a bundled case name such as case118")
  String caseArgument;

  @Option(names = "--out", paramLabel = "DIR", description = "write JSON and CSV results into DIR (created if missing)")
  Path outDirectory;

  @Option(names = "--dispatcher", paramLabel = "NAME", defaultValue = "dc-opf",
      description = "the grid-dispatch algorithm (default ${DEFAULT-VALUE}; see 'citybrain algorithms list --domain grid-dispatch')")
  String dispatcher;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a dispatcher parameter, e.g. relativeGap=1e-9 (repeatable)")
  java.util.Map<String, Double> parameters = new java.util.LinkedHashMap<>();

  /**
   * Loads, solves and reports; exit code 0, 4 (no solution) without a feasible dispatch, 2 for bad
   * input or output.
   */
  @Override
  public Integer call() throws InputValidationException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (outDirectory != null && outDirectory.toString().isEmpty()) {
      err.println("error: --out is empty; expected a folder for the results (created when missing)");
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    if (outDirectory != null && Files.exists(outDirectory) && !Files.isDirectory(outDirectory)) {
      // checked before solving, so nothing is printed that the error then contradicts
      err.println("error: --out " + outDirectory + " is a file, not a folder; expected a folder for the results"
          + " (created when missing)");
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    GridDispatcherProvider provider = GridDispatcherProvider.all().require(dispatcher);
    ParameterValues values = provider.resolve(parameters);
    PowerNetwork network = CaseLoader.load(caseArgument);
    if (!network.hasCosts()) {
      // the reader accepts a case without costs (a power flow needs none); a dispatch does not
      err.println("error: " + caseArgument + ": mpc.gencost: missing; expected one cost row per generator"
          + " (MATPOWER's gencost format) to dispatch them");
      err.flush();
      return ExitCode.BAD_INPUT.code();
    }
    DispatchReport report = DispatchReport.of(network, provider, values);
    out.print(report.summaryTable());
    out.flush();
    if (!report.optimum().success()) {
      // files of a failed solve looked like results and replaced a good earlier run's in --out
      err.println("error: " + caseArgument + ": no feasible dispatch (" + report.optimum().message() + ")"
          + (outDirectory != null ? "; nothing written to --out " + outDirectory : ""));
      err.flush();
      return ExitCode.NO_SOLUTION.code();
    }
    if (outDirectory != null) {
      try {
        for (Path file : ReportWriter.write(report, outDirectory)) {
          out.println("wrote " + file);
        }
      } catch (IOException e) {
        err.println("error: cannot write results to " + outDirectory + ": " + reason(e));
        return ExitCode.BAD_INPUT.code();
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** Java's message for a failed write is often just the path; say what happened to it. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException fs) {
      return fs.getFile() + (fs.getReason() != null ? ": " + fs.getReason() : " is in the way (a file where a folder"
          + " is needed, or a read-only file system)");
    }
    return e.getMessage();
  }
}

package io.citybrain.cli.grid;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.report.DispatchReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain grid compare}: solves every bundled case and prints one table (cost, naive
 * cost, saving, LMP range, binding branches, naive overloads, solve time).
 */
@Command(
    name = "compare",
    description = "Dispatch every bundled MATPOWER case and compare optimum and naive baseline in one table.",
    footer = {"", "Examples:", "  citybrain grid compare", "  java -jar cli/target/citybrain.jar grid compare > grid-compare.txt"},
    mixinStandardHelpOptions = true)
public final class GridCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Solves every bundled case and prints the table; exit code 0, or 2 if a bundled case cannot be read. */
  @Override
  public Integer call() throws InputValidationException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<DispatchReport> reports = new ArrayList<>();
    for (String name : BundledCases.names()) {
      reports.add(DispatchReport.of(CaseLoader.load(name)));
    }
    out.print(DispatchReport.comparisonTable(reports));
    out.println("saving = (naive - optimum) / naive; naive = every in-service generator at the same fraction of PMAX");
    out.flush();
    return ExitCode.OK.code();
  }
}

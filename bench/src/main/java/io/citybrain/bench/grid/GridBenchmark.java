package io.citybrain.bench.grid;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.dispatch.DcOptimalPowerFlow;
import io.citybrain.grid.dispatch.DispatchResult;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.io.MatpowerReader;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end DC-OPF benchmark of the bundled MATPOWER cases against MATPOWER's own times
 * ({@link MatpowerReference}). Per case, in a warm JVM (OR-Tools' natives loaded before timing,
 * then {@code warmups} untimed runs), it times {@code iterations} runs of parsing alone, solving
 * alone ({@link DcOptimalPowerFlow#solve}), and parse + solve, and reports the medians. The case
 * text is read from the class path once, before timing, so file I/O is not measured. JVM start
 * and native-library loading are excluded, as MATPOWER's figures exclude Octave's start.
 */
public final class GridBenchmark {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private GridBenchmark() {}

  /**
   * One case's timings.
   *
   * @param caseName case name
   * @param buses number of buses
   * @param parseSeconds median parse time, s
   * @param solveSeconds median DC-OPF wall time excluding parse, s
   * @param solveCpuSeconds median CPU time of the solving thread for the same runs, s (less
   *     sensitive than wall time to other processes on a shared machine)
   * @param parseAndSolveSeconds median parse + DC-OPF time, s
   * @param costPerHour DC-OPF objective, $/h
   * @param reference MATPOWER's figures, or null if the case is not in them
   */
  public record CaseTiming(String caseName, int buses, double parseSeconds, double solveSeconds,
      double solveCpuSeconds, double parseAndSolveSeconds, double costPerHour, MatpowerReference reference) {

    /** Our solve time (parse excluded) over MATPOWER's faster run; NaN without a reference. */
    public double ratioToMatpower() {
      return reference == null ? Double.NaN : solveSeconds / reference.bestDcOpfSeconds();
    }
  }

  /**
   * Benchmarks the given bundled cases.
   *
   * @param cases names from {@link BundledCases#names()}
   * @param warmups untimed runs per case before timing, &gt;= 0
   * @param iterations timed runs per measurement, &gt;= 1
   * @throws IllegalArgumentException for an unknown case or bad counts
   */
  public static List<CaseTiming> run(List<String> cases, int warmups, int iterations) {
    if (warmups < 0 || iterations < 1) {
      throw new IllegalArgumentException("need warmups >= 0 and iterations >= 1");
    }
    DcOptimalPowerFlow.loadNativeLibraries();
    Map<String, MatpowerReference> reference = MatpowerReference.load();
    List<CaseTiming> timings = new ArrayList<>();
    for (String name : cases) {
      if (!BundledCases.isBundled(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a bundled case; bundled: " + BundledCases.names());
      }
      String text = caseText(name);
      for (int k = 0; k < warmups; k++) {
        DcOptimalPowerFlow.solve(parse(name, text));
      }
      double[] parse = new double[iterations];
      double[] solve = new double[iterations];
      double[] solveCpu = new double[iterations];
      double[] both = new double[iterations];
      PowerNetwork network = null;
      DispatchResult result = null;
      for (int k = 0; k < iterations; k++) {
        long t0 = System.nanoTime();
        network = parse(name, text);
        long t1 = System.nanoTime();
        parse[k] = (t1 - t0) / 1e9;
      }
      for (int k = 0; k < iterations; k++) {
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        result = DcOptimalPowerFlow.solve(network);
        solve[k] = (System.nanoTime() - t0) / 1e9;
        solveCpu[k] = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
      }
      for (int k = 0; k < iterations; k++) {
        long t0 = System.nanoTime();
        DcOptimalPowerFlow.solve(parse(name, text));
        both[k] = (System.nanoTime() - t0) / 1e9;
      }
      timings.add(new CaseTiming(name, network.buses().size(), median(parse), median(solve), median(solveCpu),
          median(both),
          result.totalCostPerHour(), reference.get(name)));
    }
    return timings;
  }

  /** One line per case: times, MATPOWER's times and the ratio, cost and its relative error. */
  public static String table(List<CaseTiming> timings) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%-16s %6s %9s %9s %9s %11s %13s %7s %16s %9s%n", "case", "buses", "parse s", "solve s", "solve cpu",
        "parse+solve", "MATPOWER s", "ratio", "cost $/h", "rel.err"));
    for (CaseTiming t : timings) {
      MatpowerReference r = t.reference();
      String matpower = r == null ? "-" : String.format(Locale.ROOT, "%.2f / %.2f", r.dcOpfSecondsRun1(),
          r.dcOpfSecondsRun2());
      String error = r == null ? "-" : String.format(Locale.ROOT, "%.1e",
          Math.abs(t.costPerHour() - r.dcOpfCostPerHour()) / r.dcOpfCostPerHour());
      sb.append(String.format(Locale.ROOT, "%-16s %6d %9.4f %9.4f %9.4f %11.4f %13s %7s %16.6f %9s%n",
          t.caseName(), t.buses(), t.parseSeconds(), t.solveSeconds(), t.solveCpuSeconds(), t.parseAndSolveSeconds(),
          matpower,
          r == null ? "-" : String.format(Locale.ROOT, "%.3f", t.ratioToMatpower()), t.costPerHour(), error));
    }
    sb.append("times are medians in a warm JVM (wall, and CPU of the solving thread); ratio = solve s (parse")
        .append(" excluded) / MATPOWER's faster run").append(System.lineSeparator());
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    return sb.append(String.format(Locale.ROOT, "system load average %.1f on %d cores while measuring%n", load, cores))
        .toString();
  }

  /** Prints {@link #table} to {@code out}. */
  public static void print(List<CaseTiming> timings, PrintStream out) {
    out.print(table(timings));
    out.flush();
  }

  /** Runs every bundled case with 3 warm-ups and the median of 7, printing to standard output. */
  public static void main(String[] args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    print(run(BundledCases.names(), warmups, iterations), System.out);
  }

  private static PowerNetwork parse(String name, String text) {
    try {
      return MatpowerReader.read(name + ".m", text);
    } catch (InputValidationException e) {
      throw new IllegalStateException("bundled case " + name + " does not parse: " + e.getMessage(), e);
    }
  }

  private static String caseText(String name) {
    String resource = BundledCases.RESOURCE_FOLDER + name + ".m";
    try (InputStream in = GridBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource " + resource + " not found (citybrain-data missing from the class path?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

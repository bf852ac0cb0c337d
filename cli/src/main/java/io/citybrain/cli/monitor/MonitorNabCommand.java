package io.citybrain.cli.monitor;

import io.citybrain.bench.nab.NabCorpus;
import io.citybrain.bench.nab.NabCorpusReader;
import io.citybrain.bench.nab.NabEvaluation;
import io.citybrain.bench.nab.NabPrecision;
import io.citybrain.bench.nab.NabProfile;
import io.citybrain.bench.nab.NabReport;
import io.citybrain.bench.nab.NabResultWriter;
import io.citybrain.bench.nab.NabRunner;
import io.citybrain.bench.nab.NabScorer;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.live.anomaly.AnomalyDetectorProvider;
import io.citybrain.live.anomaly.AnomalyDetectors;
import io.citybrain.live.anomaly.PointStatus;
import io.citybrain.commons.input.InputValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain monitor nab}: runs detectors over the NAB corpus, streaming (one point at a
 * time, one pass, behind the series guard), scores them with NAB's method and prints them beside
 * the published scoreboard.
 */
@Command(
    name = "nab",
    mixinStandardHelpOptions = true,
    description = {
      "Run anomaly detectors over the Numenta Anomaly Benchmark corpus (bundled) as a stream and print NAB's",
      "scoreboard with the published detectors beside them (same scorer, same profiles)."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain monitor nab --detector range-break",
      "  citybrain monitor nab --detector range-break,windowed-gaussian --profile standard",
      "  citybrain monitor nab --detector range-break --param restPoints=100 --out runs/nab",
      "  citybrain monitor nab --detector range-break --corpus path/to/NAB   (a folder with data/ and labels/)",
      "",
      "Scores are normalised as NAB's (null detector 0, perfect 100) with the threshold optimised per detector and",
      "profile over the whole corpus, as NAB does. Anomaly scores are rounded to 12 significant digits before scoring,",
      "the precision of NAB's stored results, unless --full-precision is given.",
      "--out writes NAB's layout: <out>/<detector>/<category>/<detector>_<file>.csv, per-profile score tables and",
      "<detector>_final_results.json."
    })
public final class MonitorNabCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--detector", required = true, split = ",", paramLabel = "NAME",
      description = "detector(s) to run (see 'citybrain monitor detectors')")
  List<String> detectors;

  @Option(names = "--profile", split = ",", paramLabel = "PROFILE",
      description = "profiles to show: standard, low-fp, low-fn (default: all three)")
  List<String> profiles;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a detector parameter (repeatable; with one --detector)")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "DIR", description = "write NAB-format result CSVs and the scores here")
  Path out;

  @Option(names = "--corpus", paramLabel = "DIR", description = "a corpus in NAB's layout instead of the bundled one")
  Path corpus;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "series run in parallel (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--full-precision", description = "score the detectors' doubles as they are, not rounded as NAB stored its results")
  boolean fullPrecision;

  @Override
  public Integer call() throws IOException, InputValidationException {
    List<NabProfile> shown = new ArrayList<>();
    for (String p : profiles == null ? List.of("standard", "low-fp", "low-fn") : profiles) {
      shown.add(NabProfile.parse(p));
    }
    List<AnomalyDetectorProvider> providers = new ArrayList<>();
    for (String name : detectors) {
      providers.add(AnomalyDetectors.byName(name.trim()));
    }
    if (!params.isEmpty() && providers.size() != 1) {
      throw new UsageException("--param needs exactly one --detector (got " + providers.size() + ")");
    }
    Map<String, Double> parameters = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      try {
        parameters.put(k, Double.parseDouble(v));
      } catch (NumberFormatException e) {
        throw new UsageException("--param " + k + "=" + v + ": expected a number");
      }
    });
    for (AnomalyDetectorProvider p : providers) {
      p.resolve(p == providers.get(0) ? parameters : Map.of()); // bad parameters fail before any work
    }
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1, got " + threads);
    }
    if (out != null) {
      prepare(out);
    }
    NabCorpus nab = corpus == null ? NabCorpusReader.bundled() : NabCorpusReader.read(corpus);
    NabScorer scorer = new NabScorer(nab);
    PrintWriter err = spec.commandLine().getErr();
    List<NabEvaluation> evaluations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (AnomalyDetectorProvider p : providers) {
      NabRunner.DetectorRun run = NabRunner.run(nab, p, parameters.isEmpty() || p != providers.get(0) ? Map.of() : parameters, threads);
      List<double[]> scores = fullPrecision ? run.scores() : NabPrecision.round(run.scores());
      NabEvaluation e = NabEvaluation.of(p.name(), scorer, scores);
      evaluations.add(e);
      notes.add(String.format(Locale.ROOT, "%s %s: %,d points in %.2f s (%,.0f points/s on %d threads, scoring"
          + " excluded)%s", p.name(), "v" + p.version(), nab.rows(), run.elapsedNanos() / 1e9,
          nab.rows() / (run.elapsedNanos() / 1e9), threads, guardNote(run.statusCounts())));
      if (out != null) {
        NabResultWriter.write(out, scorer, e, scores);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    o.print(NabReport.table(nab, evaluations, shown, fullPrecision
        ? "Anomaly scores at full double precision." : "Anomaly scores rounded to 12 significant digits, as NAB's stored results."));
    o.println();
    notes.forEach(o::println);
    if (out != null) {
      o.println("results written to " + out);
    }
    o.flush();
    err.flush();
    return 0;
  }

  private static String guardNote(Map<PointStatus, Long> counts) {
    StringBuilder sb = new StringBuilder();
    for (PointStatus s : PointStatus.values()) {
      if (s != PointStatus.SCORED && counts.getOrDefault(s, 0L) > 0) {
        sb.append(sb.length() == 0 ? "; " : ", ").append(counts.get(s)).append(' ')
            .append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return sb.toString();
  }

  private static void prepare(Path out) {
    if (out.toString().isEmpty()) {
      throw new UsageException("--out is empty; expected a folder for the results (created when missing)");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is a file, not a folder; expected a folder for the results");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UsageException("--out " + out + ": cannot create the folder (" + e.getMessage() + ")");
    }
    if (!Files.isWritable(out)) {
      throw new UsageException("--out " + out + ": the folder is not writable");
    }
  }
}

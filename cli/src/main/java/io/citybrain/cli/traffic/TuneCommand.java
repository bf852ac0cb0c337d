package io.citybrain.cli.traffic;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.cli.Progress;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.CityFlowConfig;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.metrics.ResultFiles;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.tune.ParameterSearch;
import io.citybrain.traffic.tune.ParameterSearch.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain traffic tune}: searches one controller's parameters on one flow and writes them
 * to a parameter file that {@code traffic run --params} and {@code traffic compare --params}
 * read.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Search a controller's parameters on one flow for the lowest average travel time and write them to a"
          + " parameter file ({\"controller\": ..., \"parameters\": {...}}) that 'traffic run --params' reads.",
      "The search is seeded (random points, then a compass search), so the same inputs give the same file.",
      "--param NAME=VALUE holds a parameter fixed; yellowSeconds is a safety interval and is never searched.",
      "Tune on one flow of a city and use the file on its other flows."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain traffic tune --controller actuated-pressure --city jinan --out jinan-actuated-pressure.json",
      "  citybrain traffic tune --controller advanced-mp --city hangzhou --flow 5734 --evaluations 60",
      "  citybrain traffic run --city jinan --flow 2000 --controller actuated-pressure --params jinan-actuated-pressure.json"
    })
public final class TuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin RunOptions run;

  @Option(
      names = "--controller",
      required = true,
      paramLabel = "NAME",
      description = "Controller to tune (those with tunable parameters: ${COMPLETION-CANDIDATES}).",
      completionCandidates = TunableControllerNames.class)
  String controller;

  @Option(
      names = "--evaluations",
      defaultValue = "150",
      paramLabel = "N",
      description = "Simulations to run at most (default: ${DEFAULT-VALUE}; about 0.3-1 s each on the bundled cities).")
  int evaluations;

  @Option(
      names = "--search-seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the search's random points (default: ${DEFAULT-VALUE}); --seed is the simulation's.")
  long searchSeed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Parameter file to write (default: <controller>.params.json).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    SignalControllers.require(controller);
    if (evaluations < 1) {
      throw new io.citybrain.cli.CliErrors.UsageException("--evaluations must be >= 1, got " + evaluations);
    }
    Scenario s = scenario.load(spec.commandLine().getErr());
    CityFlowConfig cfg = scenario.cityFlowConfig();
    Map<String, Double> fixed = run.controllerParameters(controller);
    Path file = out != null ? out : Path.of(controller + ".params.json");
    checkOutputFile(file);
    ParameterSearch.Settings settings =
        new ParameterSearch.Settings(evaluations, searchSeed, run.simulationConfig(cfg), Math.max(1, run.steps));
    o.println("Tuning " + controller + " on " + s.name() + ": up to " + evaluations + " runs of " + settings.steps() + " steps");
    o.flush();
    ParameterSearch.Result result;
    long total = (long) evaluations * settings.steps();
    try (Progress progress = Progress.start("tune " + controller, (int) Math.min(Integer.MAX_VALUE, total))) {
      result =
          ParameterSearch.run(
              s,
              controller,
              fixed,
              settings,
              new ParameterSearch.Listener() {
                @Override
                public void afterStep(int evaluation, Simulation sim, int step, int steps) {
                  progress.afterStep(sim, (int) Math.min(Integer.MAX_VALUE, (long) evaluation * steps + step), (int) Math.min(Integer.MAX_VALUE, total));
                }
              });
    }
    o.println("The five best runs (lowest ATT first) and the starting point:");
    o.println(table(result));
    ResultFiles.writeJson(file, fileContent(result, s, settings));
    o.println("best: ATT " + Tables.num(result.best().objective(), 2) + " s (start "
        + Tables.num(result.start().objective(), 2) + " s) after " + result.history().size() + " runs");
    o.println("parameters written to " + file);
    o.flush();
    return ExitCode.OK.code();
  }

  /**
   * Checks the parameter file's location before the search, which can take minutes: not a
   * folder, in a folder that exists or can be created, and none of the input files.
   */
  private void checkOutputFile(Path file) throws InputValidationException {
    if (file.toString().isEmpty()) {
      throw new UsageException("--out is empty; expected the name of the parameter file to write");
    }
    String option = out != null ? "--out " + file : "the parameter file " + file + " (default of --out)";
    if (Files.isDirectory(file)) {
      throw new UsageException(option + " is a folder; expected the name of the parameter file to write");
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UsageException(option + ": " + folder + " is a file, not a folder");
    }
    if (folder != null && Files.isDirectory(folder) && !Files.isWritable(folder)) {
      // found before the search; the write failed only after it, naming a temporary file
      throw new UsageException(option + ": the folder " + folder + " is not writable");
    }
    OutputGuard.check(Map.of(option, file), OutputGuard.inputsOf(scenario, run));
  }

  /** The five best evaluations and the starting point. */
  private static String table(ParameterSearch.Result r) {
    List<Evaluation> top = new ArrayList<>(r.history());
    top.sort(Comparator.comparingDouble(Evaluation::objective).thenComparingInt(Evaluation::index));
    List<Evaluation> shown = new ArrayList<>(top.subList(0, Math.min(5, top.size())));
    if (!shown.contains(r.start())) {
      shown.add(r.start());
    }
    List<String[]> rows = new ArrayList<>();
    for (Evaluation e : shown) {
      rows.add(
          new String[] {
            String.valueOf(e.index()),
            e.stage(),
            Tables.num(e.objective(), 2),
            Tables.count(e.summary().vehiclesFinished()),
            Tables.num(e.summary().maxStoppedSeconds(), 0),
            changed(e.parameters(), r.start().parameters())
          });
    }
    return Tables.render(List.of("run", "stage", "ATT s", "finished", "max stop s", "parameters (changed from start)"), rows);
  }

  private static String changed(Map<String, Double> p, Map<String, Double> start) {
    StringBuilder sb = new StringBuilder();
    p.forEach(
        (k, v) -> {
          if (!v.equals(start.get(k))) {
            sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(format(v));
          }
        });
    return sb.length() == 0 ? "(start)" : sb.toString();
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** {"controller", "parameters", "tuning"}: the file {@code --params} reads, with its provenance. */
  static Map<String, Object> fileContent(ParameterSearch.Result r, Scenario s, ParameterSearch.Settings settings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("controller", r.controller());
    m.put("parameters", r.best().parameters());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("scenario", s.name());
    t.put("roadnetSha256", s.roadnetSha256());
    t.put("flowSha256", s.flowSha256());
    t.put("simulationSeed", settings.config().seed());
    t.put("intervalSeconds", settings.config().intervalSeconds());
    t.put("steps", settings.steps());
    t.put("searchSeed", settings.seed());
    t.put("evaluationsAllowed", settings.evaluations());
    t.put("evaluationsRun", r.history().size());
    t.put("completed", r.completed());
    t.put("averageTravelTimeSeconds", r.best().objective());
    t.put("vehiclesFinished", r.best().summary().vehiclesFinished());
    t.put("maxStoppedSeconds", r.best().summary().maxStoppedSeconds());
    t.put("startAverageTravelTimeSeconds", r.start().objective());
    m.put("tuning", t);
    return m;
  }
}

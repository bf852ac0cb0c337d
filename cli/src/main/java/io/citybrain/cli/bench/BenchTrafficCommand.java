package io.citybrain.cli.bench;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.bench.traffic.CityFlowReference;
import io.citybrain.bench.traffic.CityScaleBenchmark;
import io.citybrain.bench.traffic.TrafficBenchmark;
import io.citybrain.bench.traffic.TrafficBenchmark.Row;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.traffic.metrics.ResultFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain bench traffic}: the protocol on the bundled flows, against CityFlow. */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description = {
      "Measure speed and fidelity against CityFlow on the bundled flows.",
      "Runs the traffic protocol (seed 0, 1 s steps, 3600 steps) and prints, per flow and controller: ATT and",
      "its ratio to CityFlow's, loop wall time (median), vehicle-steps/s and its ratio to CityFlow's",
      "single-thread figure, controller decision time, and peak heap."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain bench traffic                         every bundled flow, 3 timed runs each",
      "  citybrain bench traffic --reference-only --runs 6   only the rows CityFlow was measured on",
      "  citybrain bench traffic --city jinan --controllers max-pressure --no-city-scale --out bench-out",
      "  java -Xmx2g -jar cli/target/citybrain.jar bench traffic --city-scale-only   Nanchang at 1 and 2 threads"
    })
public final class BenchTrafficCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "3", description = "Timed runs per row after one warm-up (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--steps", defaultValue = "3600", description = "Steps per run (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--city", description = "Only this bundled city.")
  String city;

  @Option(names = "--controllers", split = ",", description = "Only these controllers.")
  List<String> controllers;

  @Option(names = "--reference-only", description = "Only the rows with CityFlow reference figures.")
  boolean referenceOnly;

  @Option(names = "--out", paramLabel = "DIR", description = "Also write bench-traffic.json there.")
  Path out;

  @Option(
      names = "--city-scale",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Also run the city-scale row: Nanchang (2,067 intersections), 3,600 s, max-pressure at 1 and 2 threads and fixed-time at 2 (default: on; --no-city-scale skips it).")
  boolean cityScale;

  @Option(names = "--city-scale-only", description = "Run only the city-scale row.")
  boolean cityScaleOnly;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || steps < 1) {
      throw new IllegalArgumentException("--runs and --steps must be >= 1");
    }
    if (city != null) {
      BundledCity.require(city);
    }
    List<String[]> cases = new ArrayList<>();
    for (String[] c : TrafficBenchmark.defaultCases()) {
      if (city != null && !c[0].equalsIgnoreCase(city)) {
        continue;
      }
      if (controllers != null && !controllers.contains(c[2])) {
        continue;
      }
      if (referenceOnly && CityFlowReference.find(c[0], c[1], c[2]).isEmpty()) {
        continue;
      }
      cases.add(c);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (cityScaleOnly) {
      cases.clear();
    }
    o.printf(
        "citybrain traffic benchmark: %d rows, %d timed runs each (+1 warm-up), %d steps, Java %s, max heap %d MB, %d cores, system load average %.1f%n",
        cases.size(), runs, steps, System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    o.println("Ratios: ATT ours/CityFlow (1.000 = identical); speed ours/CityFlow single-thread vehicle-steps/s.");
    o.flush();
    List<Row> rows = new TrafficBenchmark(runs, steps).run(cases, r -> {
      o.printf("  %-9s %-5s %-13s ATT %8.2f s  loop %.3f s  %,12.0f veh-steps/s%n",
          r.city(), r.flow(), r.controller(), r.averageTravelTimeSeconds(), r.loopSecondsMedian(), r.vehicleStepsPerSecond());
      o.flush();
    });
    if (!rows.isEmpty()) {
      o.println(table(rows));
    }
    List<CityScaleBenchmark.Row> city = new ArrayList<>();
    if (cityScale || cityScaleOnly) {
      o.println("City scale: Nanchang, " + steps + " steps ...");
      o.flush();
      List<CityScaleBenchmark.Row> mp = CityScaleBenchmark.run("max-pressure", steps, 1, 2);
      city.addAll(mp);
      city.addAll(CityScaleBenchmark.run("fixed-time", steps, 2));
      o.println(cityTable(city));
      o.println(
          "max-pressure results identical at 1 and 2 threads (timing fields excluded): "
              + (CityScaleBenchmark.identical(mp) ? "yes" : "NO"));
    }
    if (out != null) {
      List<Map<String, Object>> json = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("city", r.city());
        m.put("flow", r.flow());
        m.put("controller", r.controller());
        m.put("averageTravelTimeSeconds", r.averageTravelTimeSeconds());
        m.put("averageTravelTimeFinishedSeconds", r.averageTravelTimeFinishedSeconds());
        m.put("vehiclesFinished", r.finished());
        m.put("vehicleSteps", r.vehicleSteps());
        m.put("loopSecondsMedian", r.loopSecondsMedian());
        m.put("loopSecondsMin", r.loopSecondsMin());
        m.put("engineSecondsMedian", r.engineSecondsMedian());
        m.put("vehicleStepsPerSecond", r.vehicleStepsPerSecond());
        m.put("decisionMicrosecondsMean", r.decisionMicrosMean());
        m.put("peakHeapBytes", r.peakHeapBytes());
        r.reference().ifPresent(ref -> {
          m.put("cityflowAverageTravelTimeSeconds", ref.averageTravelTimeSeconds());
          m.put("cityflowVehicleStepsPerSecond", ref.vehicleStepsPerSecond());
          m.put("attRatio", r.averageTravelTimeSeconds() / ref.averageTravelTimeSeconds());
          m.put("speedRatio", r.vehicleStepsPerSecond() / ref.vehicleStepsPerSecond());
        });
        json.add(m);
      }
      List<Map<String, Object>> cityJson = new ArrayList<>();
      for (CityScaleBenchmark.Row r : city) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads", r.threads());
        m.put("loadSeconds", r.loadSeconds());
        m.put("peakHeapBytes", r.peakHeapBytes());
        m.put("summary", ResultFiles.summaryMap(r.result()));
        cityJson.add(m);
      }
      ResultFiles.writeJson(
          out.resolve("bench-traffic.json"),
          Map.of("rows", json, "cityScale", cityJson, "runs", runs, "steps", steps));
      o.println("written " + out.resolve("bench-traffic.json"));
    }
    o.flush();
    return ExitCode.OK.code();
  }

  static String cityTable(List<CityScaleBenchmark.Row> rows) {
    List<String[]> cells = new ArrayList<>();
    for (CityScaleBenchmark.Row r : rows) {
      var s = r.result().summary();
      cells.add(new String[] {
        s.controller(),
        String.valueOf(r.threads()),
        Tables.num(r.loadSeconds(), 1),
        Tables.num(s.wallSeconds(), 1),
        Tables.count(Math.round(s.vehicleStepsPerSecond())),
        Tables.count(s.peakVehiclesInNetwork()),
        Tables.count(r.peakHeapBytes() >> 20),
        Tables.num(s.bytesPerVehicleSlot(), 0) + " / " + Tables.num(s.bytesPerLane(), 0),
        Tables.num(s.averageTravelTimeSeconds(), 1),
        Tables.count(s.vehiclesFinished()),
        Tables.num(s.delayIndex(), 2),
        String.valueOf(r.result().gridlocks().size())
      });
    }
    return Tables.render(
        List.of("controller", "threads", "load s", "wall s", "veh-steps/s", "peak vehicles", "peak heap MB",
            "bytes/vehicle / lane", "ATT s", "finished", "delay index", "gridlocks"),
        cells);
  }

  static String table(List<Row> rows) {
    List<String[]> cells = new ArrayList<>();
    for (Row r : rows) {
      String attRef = r.reference().map(x -> Tables.num(x.averageTravelTimeSeconds(), 2)).orElse("-");
      String attRatio = r.reference().map(x -> Tables.num(r.averageTravelTimeSeconds() / x.averageTravelTimeSeconds(), 3)).orElse("-");
      String vpsRef = r.reference().map(x -> Tables.count(Math.round(x.vehicleStepsPerSecond()))).orElse("-");
      String speedRatio = r.reference().map(x -> Tables.num(r.vehicleStepsPerSecond() / x.vehicleStepsPerSecond(), 2) + "x").orElse("-");
      cells.add(new String[] {
        r.city() + " " + r.flow(),
        r.controller(),
        Tables.num(r.averageTravelTimeSeconds(), 2),
        attRef,
        attRatio,
        Tables.count(r.vehicleSteps()),
        Tables.num(r.loopSecondsMedian(), 3) + " [" + Tables.num(r.loopSecondsMin(), 3) + "]",
        Tables.num(r.engineSecondsMedian(), 3),
        Tables.count(Math.round(r.vehicleStepsPerSecond())),
        vpsRef,
        speedRatio,
        Tables.num(r.decisionMicrosMean(), 1),
        Tables.count(r.peakHeapBytes() >> 20)
      });
    }
    return Tables.render(
        List.of("flow", "controller", "ATT s", "CityFlow ATT s", "ratio", "veh-steps", "loop s med [min]",
            "engine s", "veh-steps/s", "CityFlow veh-steps/s", "speed", "decision µs", "peak heap MB"),
        cells);
  }
}

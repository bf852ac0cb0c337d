package io.citybrain.grid.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citybrain.commons.io.AtomicFiles;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.grid.dispatch.BindingConstraint;
import io.citybrain.grid.dispatch.DispatchResult;
import io.citybrain.grid.dispatch.Overload;
import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.Generator;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link DispatchReport} as JSON ({@code <case>-dispatch.json}: the dispatcher with its
 * artifact digest, summary, generators, branches, the naive dispatch's overloads, buses, binding
 * constraints, warnings) and CSV ({@code <case>-generators.csv}, {@code
 * -branches.csv}, {@code -buses.csv}). Units are in the field names; NaN (not applicable, e.g. the
 * angle of an isolated bus) is written as JSON {@code null} and as an empty CSV cell. Output is
 * deterministic (file order, fixed formats). Each file is written atomically ({@link AtomicFiles}).
 */
public final class ReportWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /**
   * Writes the JSON and CSV files into {@code directory}, creating it if needed.
   *
   * @return the files written, JSON first
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(DispatchReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    String name = report.network().name();
    Path json = directory.resolve(name + "-dispatch.json");
    AtomicFiles.writeString(json, json(report));
    Path generators = directory.resolve(name + "-generators.csv");
    Path branches = directory.resolve(name + "-branches.csv");
    Path buses = directory.resolve(name + "-buses.csv");
    writeGenerators(report, generators);
    writeBranches(report, branches);
    writeBuses(report, buses);
    return List.of(json, generators, branches, buses);
  }

  /** The JSON document for {@code report}. */
  public static String json(DispatchReport report) throws IOException {
    PowerNetwork network = report.network();
    DispatchResult o = report.optimum();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("case", network.name());
    root.put("success", o.success());
    root.put("message", o.message());
    ObjectNode dispatcher = root.putObject("dispatcher");
    dispatcher.put("name", report.dispatcher().name());
    dispatcher.put("version", report.dispatcher().version());
    dispatcher.put("digest", report.dispatcher().digest());
    ObjectNode parameters = dispatcher.putObject("parameters");
    report.dispatcher().parameters().forEach(parameters::put);
    ArrayNode warnings = root.putArray("warnings");
    o.warnings().forEach(warnings::add);
    ObjectNode summary = root.putObject("summary");
    number(summary, "totalCostPerHour", o.totalCostPerHour());
    number(summary, "relativeApproximationError", o.success() ? o.relativeApproximationError() : Double.NaN);
    number(summary, "naiveCostPerHour", report.naive().totalCostPerHour());
    number(summary, "savingPercent", report.savingPercent());
    summary.put("naiveOverloadedBranches", report.naive().overloads().size());
    number(summary, "naiveWorstLoadingPercent", report.naive().worstLoadingPercent());
    number(summary, "demandMw", o.demandMw());
    number(summary, "generationMw", o.totalGenerationMw());
    number(summary, "lmpMinPerMwh", o.minLmp());
    number(summary, "lmpMaxPerMwh", o.maxLmp());
    number(summary, "solveSeconds", o.solveSeconds());
    summary.put("lpSolves", o.lpSolves());
    if (report.acCheck() != null) {
      ObjectNode ac = root.putObject("acPowerFlowCheck");
      ac.put("converged", report.acCheck().converged());
      ac.put("iterations", report.acCheck().iterations());
      number(ac, "totalGenerationMw", report.acCheck().totalGenerationMw());
      number(ac, "lossesMw", report.acCheck().totalGenerationMw() - report.acCheck().totalLoadMw());
      number(ac, "minVoltagePu", report.acCheck().minVoltagePu());
      number(ac, "maxVoltagePu", report.acCheck().maxVoltagePu());
    }
    double[] pg = o.generationMw();
    ArrayNode gens = root.putArray("generators");
    for (int g = 0; g < pg.length; g++) {
      Generator gen = network.generators().get(g);
      ObjectNode n = gens.addObject();
      n.put("index", g + 1);
      n.put("bus", gen.bus());
      n.put("inService", gen.inService());
      number(n, "outputMw", pg[g]);
      number(n, "naiveOutputMw", report.naive().generationMw()[g]);
      number(n, "minMw", gen.minActivePowerMw());
      number(n, "maxMw", gen.maxActivePowerMw());
    }
    double[] flows = o.flowsMw();
    double[] loading = o.loadingPercent();
    ArrayNode branches = root.putArray("branches");
    for (int l = 0; l < flows.length; l++) {
      Branch br = network.branches().get(l);
      ObjectNode n = branches.addObject();
      n.put("index", l + 1);
      n.put("fromBus", br.fromBus());
      n.put("toBus", br.toBus());
      n.put("inService", br.inService());
      number(n, "flowMw", flows[l]);
      number(n, "rateAMva", br.rateAMva());
      number(n, "loadingPercent", loading[l]);
      number(n, "naiveFlowMw", report.naive().flowsMw()[l]);
    }
    ArrayNode naiveOverloads = root.putArray("naiveOverloads");
    for (Overload v : report.naive().overloads()) {
      ObjectNode n = naiveOverloads.addObject();
      n.put("index", v.branch() + 1);
      n.put("fromBus", v.fromBus());
      n.put("toBus", v.toBus());
      number(n, "flowMw", v.flowMw());
      number(n, "rateAMva", v.rateAMva());
      number(n, "loadingPercent", v.loadingPercent());
    }
    double[] lmp = o.lmpPerMwh();
    double[] angles = o.anglesDeg();
    ArrayNode buses = root.putArray("buses");
    for (int i = 0; i < lmp.length; i++) {
      Bus bus = network.buses().get(i);
      ObjectNode n = buses.addObject();
      n.put("bus", bus.number());
      n.put("type", bus.type().name());
      number(n, "angleDeg", angles[i]);
      number(n, "lmpPerMwh", lmp[i]);
      number(n, "loadMw", bus.loadMw());
    }
    ArrayNode binding = root.putArray("bindingConstraints");
    for (BindingConstraint b : o.bindingConstraints()) {
      ObjectNode n = binding.addObject();
      n.put("kind", b.kind().name());
      n.put("index", b.index() + 1);
      n.put("description", b.description());
      number(n, "valueMw", b.valueMw());
      number(n, "limitMw", b.limitMw());
      number(n, "shadowPricePerMwh", b.shadowPricePerMwh());
    }
    return MAPPER.writeValueAsString(root) + System.lineSeparator();
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static String cell(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
  }

  private static void writeGenerators(DispatchReport report, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write("index,bus,in_service,output_mw,naive_output_mw,min_mw,max_mw\n");
      double[] pg = report.optimum().generationMw();
      double[] naive = report.naive().generationMw();
      for (int g = 0; g < pg.length; g++) {
        Generator gen = report.network().generators().get(g);
        w.write((g + 1) + "," + gen.bus() + "," + gen.inService() + "," + cell(pg[g]) + "," + cell(naive[g]) + ","
            + cell(gen.minActivePowerMw()) + "," + cell(gen.maxActivePowerMw()) + "\n");
      }
      w.flush();
    });
  }

  private static void writeBranches(DispatchReport report, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write("index,from_bus,to_bus,in_service,flow_mw,rate_a_mva,loading_percent,naive_flow_mw\n");
      double[] flows = report.optimum().flowsMw();
      double[] loading = report.optimum().loadingPercent();
      double[] naive = report.naive().flowsMw();
      for (int l = 0; l < flows.length; l++) {
        Branch br = report.network().branches().get(l);
        w.write((l + 1) + "," + br.fromBus() + "," + br.toBus() + "," + br.inService() + "," + cell(flows[l]) + ","
            + cell(br.rateAMva()) + "," + cell(loading[l]) + "," + cell(naive[l]) + "\n");
      }
      w.flush();
    });
  }

  private static void writeBuses(DispatchReport report, Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write("bus,type,load_mw,angle_deg,lmp_per_mwh\n");
      double[] lmp = report.optimum().lmpPerMwh();
      double[] angles = report.optimum().anglesDeg();
      for (int i = 0; i < lmp.length; i++) {
        Bus bus = report.network().buses().get(i);
        w.write(bus.number() + "," + bus.type().name() + "," + cell(bus.loadMw()) + "," + cell(angles[i]) + ","
            + cell(lmp[i]) + "\n");
      }
      w.flush();
    });
  }
}

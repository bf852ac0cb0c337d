package io.citybrain.cli.traffic;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.io.CityFlowFlowWriter;
import io.citybrain.traffic.io.CityFlowRoadnetWriter;
import io.citybrain.traffic.io.ScenarioFormat;
import io.citybrain.traffic.io.InputFiles;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.io.sumo.SumoNetReader;
import io.citybrain.traffic.io.sumo.SumoNetwork;
import io.citybrain.traffic.io.sumo.SumoPlainWriter;
import java.util.List;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain traffic convert}: reads a roadnet (and optionally a flow) in one format, checks
 * it, and writes it as CityFlow JSON ({@code roadnet.json}, {@code flow.json}) to a folder.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a roadnet and flow file to CityFlow JSON (roadnet.json, flow.json in --out), or to SUMO plain XML",
      "(--to sumo), checking them first.",
      "From CBEngine (the KDD Cup 2021 City Brain Challenge's text format): positions are projected to metres,",
      "road lengths kept as the extension member \"length\" (CityFlow itself ignores it and uses the geometric",
      "length), and unsignalised junctions written with one all-green phase and \"citybrainUnsignalized\": true.",
      "citybrain reads the result back to the same network. See docs/formats.md."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain traffic convert --from cbengine --roadnet data/traffic/nanchang_citybrain/roadnet_round3.txt --flow data/traffic/nanchang_citybrain/flow_round3_flow0.txt"
          + " --to cityflow --out nanchang-cityflow",
      "  citybrain traffic convert --roadnet roadnet_1x1.txt --out one-by-one     (format from the .txt extension;"
          + " roadnet only)",
      "  citybrain traffic convert --roadnet cologne1.net.xml --flow cologne1.rou.xml --to cityflow --out c1-json",
      "  citybrain traffic convert --roadnet roadnet.json --flow flow.json --to sumo --out for-sumo"
    })
public final class ConvertCommand implements Callable<Integer> {
  /** The file names written to {@code --out}. */
  static final String ROADNET_JSON = "roadnet.json";

  static final String FLOW_JSON = "flow.json";

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      description = "Format of the input: cbengine or cityflow (default: cbengine for .txt files, else cityflow).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "FORMAT",
      defaultValue = "cityflow",
      description = "Format of the output: cityflow (default) or sumo (SUMO plain XML: nodes, edges, connections,"
          + " programs, a netconvert configuration; routes and a .sumocfg with --flow).")
  String to;

  @Option(names = "--roadnet", paramLabel = "FILE", required = true, description = "Roadnet file to convert.")
  Path roadnet;

  @Option(names = "--flow", paramLabel = "FILE", description = "Flow file to convert (optional; its routes are checked against the roadnet).")
  Path flow;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for roadnet.json and flow.json (created when missing).")
  Path out;

  /** Writes SUMO plain XML (and routes) to {@code --out}. */
  private Integer toSumo(ScenarioFormat source) throws Exception {
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--roadnet", roadnet);
    if (flow != null) {
      inputs.put("--flow", flow);
    }
    Map<String, Path> outputs = new LinkedHashMap<>();
    for (String f : List.of(SumoPlainWriter.NODES, SumoPlainWriter.EDGES, SumoPlainWriter.CONNECTIONS,
        SumoPlainWriter.PROGRAMS, SumoPlainWriter.NETCONVERT_CONFIG, SumoPlainWriter.ROUTES, SumoPlainWriter.SUMO_CONFIG)) {
      outputs.put("--out " + out + " (" + f + ")", out.resolve(f));
    }
    OutputGuard.check(outputs, inputs);
    long start = System.nanoTime();
    SumoNetwork sumo = null;
    RoadNetwork network;
    if (source == ScenarioFormat.SUMO) {
      sumo = SumoNetReader.read(InputFiles.read(roadnet, "a SUMO network (.net.xml)"), roadnet.toString());
      network = sumo.network();
    } else {
      network = ScenarioLoader.readRoadnet(roadnet, source);
    }
    Router router = new Router(network);
    Demand demand = flow == null ? null : ScenarioLoader.readFlow(flow, router, source);
    OutputFolder.prepare(out);
    SumoPlainWriter.writeNetwork(network, sumo, out);
    if (demand != null) {
      // the .sumocfg runs the hour in which the first vehicle departs (RESCO's windows are such hours)
      double first = demand.flows().stream().mapToDouble(f -> f.startTimeSeconds()).min().orElse(0);
      double begin = Math.floor(first / RunOptionsDefaults.STEPS) * RunOptionsDefaults.STEPS;
      SumoPlainWriter.writeDemand(demand.shifted(-begin), router, begin, RunOptionsDefaults.STEPS, out);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    o.println("Read " + roadnet + " (" + source.cliName() + "): " + Tables.count(network.intersections().size())
        + " intersections, " + Tables.count(network.roads().size()) + " roads, " + Tables.count(network.laneCount()) + " lanes");
    o.println("Wrote SUMO plain XML to " + out + " in " + Tables.num(seconds, 1) + " s; build the network with:");
    o.println("  (cd " + out + " && netconvert -c " + SumoPlainWriter.NETCONVERT_CONFIG + ")"
        + (demand != null ? " && sumo -c " + out.resolve(SumoPlainWriter.SUMO_CONFIG) : ""));
    o.flush();
    return 0;
  }

  /** Window of the written .sumocfg: the simulator's default run. */
  private static final class RunOptionsDefaults {
    static final int STEPS = 3600;
  }

  @Override
  public Integer call() throws Exception {
    ScenarioFormat source = ScenarioOptions.format(roadnet, from);
    ScenarioFormat target = ScenarioFormat.require(to);
    if (target == ScenarioFormat.CBENGINE) {
      throw new UsageException("--to " + to + " is not written; the output formats are cityflow and sumo");
    }
    if (target == ScenarioFormat.SUMO) {
      return toSumo(source);
    }
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--roadnet", roadnet);
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out " + out + " (" + ROADNET_JSON + ")", out.resolve(ROADNET_JSON));
    if (flow != null) {
      inputs.put("--flow", flow);
      outputs.put("--out " + out + " (" + FLOW_JSON + ")", out.resolve(FLOW_JSON));
    }
    OutputGuard.check(outputs, inputs);
    long start = System.nanoTime();
    RoadNetwork network = ScenarioLoader.readRoadnet(roadnet, source);
    Demand demand = flow == null ? null : ScenarioLoader.readFlow(flow, new Router(network), source);
    OutputFolder.prepare(out);
    CityFlowRoadnetWriter.write(network, out.resolve(ROADNET_JSON));
    if (demand != null) {
      CityFlowFlowWriter.write(demand, out.resolve(FLOW_JSON));
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    PrintWriter o = spec.commandLine().getOut();
    long virtual = network.intersections().stream().filter(Intersection::virtual).count();
    long signalised = network.signalizedIntersectionCount();
    long priority = network.intersections().size() - virtual - signalised;
    o.println("Read " + roadnet + " (" + source.cliName() + "): " + Tables.count(network.intersections().size())
        + " intersections (" + Tables.count(signalised) + " signalised, " + Tables.count(priority)
        + " unsignalised, " + Tables.count(virtual) + " boundary), " + Tables.count(network.roads().size())
        + " roads, " + Tables.count(network.laneCount()) + " lanes");
    if (demand != null) {
      o.println("Read " + flow + ": " + Tables.count(demand.flows().size()) + " flows");
    }
    o.println("Wrote " + out.resolve(ROADNET_JSON) + (demand != null ? " and " + out.resolve(FLOW_JSON) : "")
        + " in " + Tables.num(seconds, 1) + " s");
    o.flush();
    return ExitCode.OK.code();
  }
}

package io.citybrain.cli.traffic;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.cli.Tables;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.io.CityFlowFlowWriter;
import io.citybrain.traffic.io.CityFlowRoadnetWriter;
import io.citybrain.traffic.io.ScenarioFormat;
import io.citybrain.traffic.io.ScenarioLoader;
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
      "Convert a roadnet and flow file to CityFlow JSON (roadnet.json, flow.json in --out), checking them first.",
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
          + " roadnet only)"
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
      description = "Format of the output: cityflow (the only one written; default).")
  String to;

  @Option(names = "--roadnet", paramLabel = "FILE", required = true, description = "Roadnet file to convert.")
  Path roadnet;

  @Option(names = "--flow", paramLabel = "FILE", description = "Flow file to convert (optional; its routes are checked against the roadnet).")
  Path flow;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for roadnet.json and flow.json (created when missing).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ScenarioFormat source = ScenarioOptions.format(roadnet, from);
    if (ScenarioFormat.require(to) != ScenarioFormat.CITYFLOW) {
      throw new UsageException("--to " + to + " is not written; the only output format is cityflow");
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

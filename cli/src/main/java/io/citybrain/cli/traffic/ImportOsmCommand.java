package io.citybrain.cli.traffic;

import io.citybrain.cli.Tables;
import io.citybrain.traffic.io.CityFlowFlowWriter;
import io.citybrain.traffic.io.CityFlowRoadnetWriter;
import io.citybrain.traffic.io.InputFiles;
import io.citybrain.traffic.io.osm.OsmImporter;
import io.citybrain.traffic.network.Geometry;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code citybrain traffic import-osm}: a network and random trips from an OpenStreetMap extract. */
@Command(
    name = "import-osm",
    mixinStandardHelpOptions = true,
    description = {
      "Build a road network (roads, lanes, speed limits, turn restrictions, signals with default fixed plans) and",
      "random trips from an OpenStreetMap extract (.osm, .osm.gz, .osm.bz2), and write them as CityFlow JSON",
      "(roadnet.json, flow.json in --out). Rules: docs/formats.md, \"OpenStreetMap\". OSM data is ODbL:",
      "© OpenStreetMap contributors."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain traffic import-osm data/osm/west_oakland/West-Oakland.osm.bz2 --out runs/oakland",
      "  citybrain traffic run --roadnet runs/oakland/roadnet.json --flow runs/oakland/flow.json --controller roadnet-plan"
    })
public final class ImportOsmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "OpenStreetMap XML, plain, gzip or bzip2.")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for roadnet.json and flow.json.")
  Path out;

  @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "2",
      description = "One random trip every SECONDS (default: ${DEFAULT-VALUE}, 1,800 an hour).")
  double period;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Trips depart over [0, SECONDS) (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the trip draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (!(period >= 0.1) || !(duration > 0) || duration > 864_000) {
      throw new io.citybrain.cli.CliErrors.UsageException(
          "--period must be >= 0.1 s and --duration in (0, 864000] s, got " + period + " and " + duration);
    }
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out " + out + " (" + ConvertCommand.ROADNET_JSON + ")", out.resolve(ConvertCommand.ROADNET_JSON));
    outputs.put("--out " + out + " (" + ConvertCommand.FLOW_JSON + ")", out.resolve(ConvertCommand.FLOW_JSON));
    OutputGuard.check(outputs, Map.of("FILE", file));
    long t0 = System.nanoTime();
    OsmImporter.Result r = OsmImporter.read(InputFiles.read(file, "an OpenStreetMap XML file"), file.toString(), period, duration, seed);
    OutputFolder.prepare(out);
    CityFlowRoadnetWriter.write(r.network(), out.resolve(ConvertCommand.ROADNET_JSON));
    CityFlowFlowWriter.write(r.demand(), out.resolve(ConvertCommand.FLOW_JSON));
    double seconds = (System.nanoTime() - t0) / 1e9;
    RoadNetwork net = r.network();
    double laneLength = 0;
    for (Road road : net.roads()) {
      for (int k = 0; k < road.lanes().size(); k++) {
        laneLength += Geometry.laneLengthMeters(net, road, k);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    double[] centre = net.geoReference().orElseThrow().toLonLat(new io.citybrain.traffic.network.Point(0, 0));
    o.println("Imported " + file + " in " + Tables.num(seconds, 1) + " s (centre " + Tables.num(centre[1], 5) + " N, "
        + Tables.num(centre[0], 5) + " E):");
    o.println("  roads (edges)        " + Tables.count(net.roads().size()));
    o.println("  lanes                " + Tables.count(net.laneCount()));
    o.println("  total lane length    " + Tables.num(laneLength / 1000, 2) + " km");
    o.println("  junctions            " + Tables.count(net.intersections().stream().filter(i -> !i.virtual()).count())
        + " (+ " + Tables.count(net.intersections().stream().filter(i -> i.virtual()).count()) + " boundary nodes)");
    o.println("  signals              " + Tables.count(net.signalizedIntersectionCount()) + " (" + r.signalNodes()
        + " signal nodes in the file)");
    o.println("  trips                " + Tables.count(r.demand().flows().size()));
    o.println("Wrote " + out.resolve(ConvertCommand.ROADNET_JSON) + " and " + out.resolve(ConvertCommand.FLOW_JSON));
    o.flush();
    return 0;
  }
}

package io.citybrain.bench.traffic;

import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.metrics.RunSummary;
import io.citybrain.traffic.metrics.TrafficRunner;
import io.citybrain.traffic.protocol.Protocol;
import io.citybrain.traffic.protocol.Protocols;
import io.citybrain.traffic.sim.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The xlight15 protocol on the five datasets of the Advanced-XLight table (Jinan 1–3, Hangzhou
 * 1–2): the published baselines re-run in citybrain's engine and any other controller beside
 * every published row, all measured the same way (per-intersection travel time, s).
 */
public final class XLightBenchmark {
  private XLightBenchmark() {}

  /** One published cell: a method's figure on a dataset. */
  public record Published(String dataset, String city, String flow, String method, String controller, double att) {}

  /** One citybrain run under xlight15. */
  public record Measured(String dataset, String controller, RunSummary summary) {}

  /** The published table (resource {@code xlight15-published.csv}). */
  public static List<Published> published() {
    List<Published> rows = new ArrayList<>();
    try (InputStream in = XLightBenchmark.class.getResourceAsStream("/io/citybrain/bench/xlight15-published.csv");
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(Objects.requireNonNull(in, "xlight15-published.csv is missing"), StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", -1);
        rows.add(new Published(f[0], f[1], f[2], f[3], f[4], Double.parseDouble(f[5])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The datasets in table order: name → {city, flow}. */
  public static Map<String, String[]> datasets() {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (Published p : published()) {
      out.putIfAbsent(p.dataset(), new String[] {p.city(), p.flow()});
    }
    return out;
  }

  /**
   * Runs controllers under xlight15 on every dataset.
   *
   * @param controllers citybrain controller names
   * @param threads worker threads
   * @param progress called after each run
   * @throws InputValidationException if bundled data is invalid (a build error)
   */
  public static List<Measured> run(List<String> controllers, int threads, Consumer<Measured> progress)
      throws InputValidationException {
    Protocol x = Protocols.require("xlight15");
    List<Measured> out = new ArrayList<>();
    for (Map.Entry<String, String[]> d : datasets().entrySet()) {
      BundledCity city = BundledCity.require(d.getValue()[0]);
      Scenario s = ScenarioLoader.loadBundled(city, d.getValue()[1]);
      for (String c : controllers) {
        RunSummary summary =
            TrafficRunner.run(
                    s, c, Map.of(), TrafficRunner.configFor(x, threads, false), x.steps(), RunListener.NONE, List.of(), x)
                .summary();
        Measured m = new Measured(d.getKey(), c, summary);
        out.add(m);
        progress.accept(m);
      }
    }
    return out;
  }
}

package io.citybrain.bench.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CityFlow's reference figures on the bundled flows (resource {@code cityflow-traffic-reference.csv},
 * transcribed from the benchmark reference with its provenance).
 *
 * @param city bundled city
 * @param flow flow name
 * @param controller citybrain controller name of the protocol's baseline
 * @param averageTravelTimeSeconds CityFlow's ATT, s
 * @param averageTravelTimeFinishedSeconds finished-only ATT, s
 * @param finished finished vehicles
 * @param entered entered vehicles
 * @param vehicleSteps Σ vehicles in network over steps
 * @param loopSeconds median 1-thread loop time, s
 * @param vehicleStepsPerSecond 1-thread vehicle-steps per second
 */
public record CityFlowReference(
    String city,
    String flow,
    String controller,
    double averageTravelTimeSeconds,
    double averageTravelTimeFinishedSeconds,
    long finished,
    long entered,
    long vehicleSteps,
    double loopSeconds,
    double vehicleStepsPerSecond) {

  /** All reference rows. */
  public static List<CityFlowReference> all() {
    try (InputStream in =
            CityFlowReference.class.getResourceAsStream("/io/citybrain/bench/cityflow-traffic-reference.csv");
        Reader reader =
            new InputStreamReader(
                Objects.requireNonNull(in, "cityflow-traffic-reference.csv is missing from the bench jar"),
                StandardCharsets.UTF_8);
        CSVParser csv =
            CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get().parse(reader)) {
      List<CityFlowReference> out = new ArrayList<>();
      for (CSVRecord f : csv) {
        out.add(
            new CityFlowReference(
                f.get(0),
                f.get(1),
                f.get(2),
                Double.parseDouble(f.get(3)),
                Double.parseDouble(f.get(4)),
                Long.parseLong(f.get(5)),
                Long.parseLong(f.get(6)),
                Long.parseLong(f.get(12)),
                Double.parseDouble(f.get(13)),
                Double.parseDouble(f.get(14))));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The row for a flow and controller, if CityFlow was measured on it. */
  public static Optional<CityFlowReference> find(String city, String flow, String controller) {
    return all().stream()
        .filter(r -> r.city.equals(city) && r.flow.equals(flow) && r.controller.equals(controller))
        .findFirst();
  }
}

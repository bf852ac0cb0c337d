package io.citybrain.traffic.io;

import io.citybrain.commons.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Lane;
import io.citybrain.traffic.network.LaneLink;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.Point;
import io.citybrain.traffic.network.Road;
import io.citybrain.traffic.network.RoadLink;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes a {@link RoadNetwork} as a CityFlow roadnet file (CityFlow documentation, "Roadnet File
 * Format", {@code roadnet.rst}) that CityFlow itself and {@link CityFlowRoadnetReader} can load.
 *
 * <p>Every member CityFlow requires is written, for virtual intersections too: {@code id}, {@code
 * point}, {@code width}, {@code roads}, {@code roadLinks}, {@code trafficLight} with {@code
 * roadLinkIndices} {@code 0..n-1} and {@code lightphases}, and {@code virtual}; roads with {@code
 * id}, {@code startIntersection}, {@code endIntersection}, {@code points} and {@code lanes} ({@code
 * width}, {@code maxSpeed}). A lane link's {@code points} are written when the model has them.
 * Virtual intersections get empty {@code roadLinks} and {@code lightphases}. Lengths in m, speeds
 * in m/s, phase times in s; numbers are written exactly ({@link Double#toString} precision), so
 * reading the file back gives an equal network.
 *
 * <p>Two extensions, which CityFlow ignores and {@link CityFlowRoadnetReader} reads back: a road
 * with a declared length gets {@code "length"} (m); a non-virtual intersection without phases (an
 * unsignalised priority junction) gets {@code "citybrainUnsignalized": true} and a single phase of
 * {@value #UNSIGNALIZED_PHASE_SECONDS} s with every road link green, so that CityFlow, which needs
 * a phase there, lets every movement through as citybrain does. Reading the file back gives an equal
 * network in both cases.
 *
 * <p>The output is UTF-8, compact, with one intersection or road per line. The writer does not
 * validate: a network the reader would reject (for instance a non-virtual intersection with road
 * links but no phases, which CityFlow cannot load) is written as it is.
 */
public final class CityFlowRoadnetWriter {
  /** Duration written for the single all-green phase of an unsignalised junction, s. */
  public static final double UNSIGNALIZED_PHASE_SECONDS = 3600;

  private CityFlowRoadnetWriter() {}

  /**
   * Writes {@code network} to a file, replacing it.
   *
   * @param network the network to write
   * @param file the file to create or replace (atomically: a failed write leaves the previous file)
   * @throws IOException when the file cannot be written
   */
  public static void write(RoadNetwork network, Path file) throws IOException {
    AtomicFiles.write(file, out -> write(network, out));
  }

  /**
   * Writes {@code network} to a stream (flushed, not closed).
   *
   * @param network the network to write
   * @param out where the UTF-8 JSON goes
   * @throws IOException when writing fails
   */
  public static void write(RoadNetwork network, OutputStream out) throws IOException {
    try (JsonGenerator g = JsonFiles.factory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new LinePerEntryPrettyPrinter(2));
      g.writeStartObject();
      g.writeArrayFieldStart("intersections");
      for (Intersection intersection : network.intersections()) {
        writeIntersection(g, intersection);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("roads");
      for (Road road : network.roads()) {
        writeRoad(g, road);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeIntersection(JsonGenerator g, Intersection intersection) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", intersection.id());
    g.writeFieldName("point");
    writePoint(g, intersection.point());
    g.writeNumberField("width", intersection.widthMeters());
    g.writeArrayFieldStart("roads");
    for (String roadId : intersection.roadIds()) {
      g.writeString(roadId);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("roadLinks");
    for (RoadLink link : intersection.roadLinks()) {
      writeRoadLink(g, link);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("trafficLight");
    g.writeArrayFieldStart("roadLinkIndices");
    for (int i = 0; i < intersection.roadLinks().size(); i++) {
      g.writeNumber(i);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lightphases");
    boolean unsignalized = !intersection.virtual() && intersection.phases().isEmpty();
    List<Phase> phases =
        unsignalized
            ? List.of(new Phase(UNSIGNALIZED_PHASE_SECONDS, IntStream.range(0, intersection.roadLinks().size()).boxed().toList()))
            : intersection.phases();
    for (Phase phase : phases) {
      g.writeStartObject();
      g.writeNumberField("time", phase.timeSeconds());
      g.writeArrayFieldStart("availableRoadLinks");
      for (int index : phase.availableRoadLinks()) {
        g.writeNumber(index);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    if (unsignalized) {
      g.writeBooleanField(RoadnetIntersectionsReader.UNSIGNALIZED, true);
    }
    g.writeBooleanField("virtual", intersection.virtual());
    g.writeEndObject();
  }

  private static void writeRoadLink(JsonGenerator g, RoadLink link) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", link.type().cityFlowName());
    g.writeStringField("startRoad", link.startRoadId());
    g.writeStringField("endRoad", link.endRoadId());
    g.writeArrayFieldStart("laneLinks");
    for (LaneLink laneLink : link.laneLinks()) {
      g.writeStartObject();
      g.writeNumberField("startLaneIndex", laneLink.startLaneIndex());
      g.writeNumberField("endLaneIndex", laneLink.endLaneIndex());
      if (!laneLink.points().isEmpty()) {
        g.writeFieldName("points");
        writePoints(g, laneLink.points());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeRoad(JsonGenerator g, Road road) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", road.id());
    g.writeStringField("startIntersection", road.startIntersectionId());
    g.writeStringField("endIntersection", road.endIntersectionId());
    g.writeFieldName("points");
    writePoints(g, road.points());
    if (road.hasDeclaredLength()) {
      g.writeNumberField("length", road.lengthMeters());
    }
    g.writeArrayFieldStart("lanes");
    for (Lane lane : road.lanes()) {
      g.writeStartObject();
      g.writeNumberField("width", lane.widthMeters());
      g.writeNumberField("maxSpeed", lane.maxSpeedMetersPerSecond());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writePoints(JsonGenerator g, List<Point> points) throws IOException {
    g.writeStartArray();
    for (Point p : points) {
      writePoint(g, p);
    }
    g.writeEndArray();
  }

  private static void writePoint(JsonGenerator g, Point p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("x", p.x());
    g.writeNumberField("y", p.y());
    g.writeEndObject();
  }
}

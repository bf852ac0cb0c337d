package io.citybrain.traffic.io;

import io.citybrain.commons.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.demand.VehicleType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes a {@link Demand} as a CityFlow flow file (CityFlow documentation, "Flow File Format",
 * {@code flow.rst}) that CityFlow itself and {@link CityFlowFlowReader} can load.
 *
 * <p>Each flow becomes {@code {"vehicle": {length, width, maxPosAcc, maxNegAcc, usualPosAcc,
 * usualNegAcc, minGap, maxSpeed, headwayTime}, "route": [...], "interval": s, "startTime": s,
 * "endTime": s}}, in the order of {@link Demand#flows()} (flow ids are not written: the reader
 * gives flow {@code i} the id {@code flow_<i>}). {@code "emergency": true} is added for emergency
 * flows only (our extension; CityFlow ignores it).
 *
 * <p>CityFlow reads {@code startTime} and {@code endTime} as JSON integers and silently falls back
 * to its defaults for other numbers; whole-second times are therefore written as integers. A time
 * with a fraction of a second is written as a decimal number, which {@link CityFlowFlowReader}
 * reads back exactly but CityFlow does not honour. Other numbers are written exactly, so reading
 * the file back gives equal flows. The output is UTF-8 with one flow per line.
 */
public final class CityFlowFlowWriter {
  private CityFlowFlowWriter() {}

  /**
   * Writes {@code demand} to a file, replacing it.
   *
   * @param demand the demand to write
   * @param file the file to create or replace (atomically: a failed write leaves the previous file)
   * @throws IOException when the file cannot be written
   */
  public static void write(Demand demand, Path file) throws IOException {
    AtomicFiles.write(file, out -> write(demand, out));
  }

  /**
   * Writes {@code demand} to a stream (flushed, not closed).
   *
   * @param demand the demand to write
   * @param out where the UTF-8 JSON goes
   * @throws IOException when writing fails
   */
  public static void write(Demand demand, OutputStream out) throws IOException {
    try (JsonGenerator g = JsonFiles.factory().createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new LinePerEntryPrettyPrinter(1));
      g.writeStartArray();
      for (Flow flow : demand.flows()) {
        writeFlow(g, flow);
      }
      g.writeEndArray();
      g.writeRaw('\n');
    }
  }

  private static void writeFlow(JsonGenerator g, Flow flow) throws IOException {
    VehicleType v = flow.vehicle();
    g.writeStartObject();
    g.writeObjectFieldStart("vehicle");
    g.writeNumberField("length", v.lengthMeters());
    g.writeNumberField("width", v.widthMeters());
    g.writeNumberField("maxPosAcc", v.maxPosAccMetersPerSecond2());
    g.writeNumberField("maxNegAcc", v.maxNegAccMetersPerSecond2());
    g.writeNumberField("usualPosAcc", v.usualPosAccMetersPerSecond2());
    g.writeNumberField("usualNegAcc", v.usualNegAccMetersPerSecond2());
    g.writeNumberField("minGap", v.minGapMeters());
    g.writeNumberField("maxSpeed", v.maxSpeedMetersPerSecond());
    g.writeNumberField("headwayTime", v.headwayTimeSeconds());
    g.writeEndObject();
    g.writeArrayFieldStart("route");
    for (String roadId : flow.route()) {
      g.writeString(roadId);
    }
    g.writeEndArray();
    g.writeNumberField("interval", flow.intervalSeconds());
    writeTime(g, "startTime", flow.startTimeSeconds());
    writeTime(g, "endTime", flow.endTimeSeconds());
    if (flow.emergency()) {
      g.writeBooleanField("emergency", true);
    }
    g.writeEndObject();
  }

  /** Whole seconds in {@code int} range as a JSON integer (what CityFlow reads), others as decimals. */
  private static void writeTime(JsonGenerator g, String field, double seconds) throws IOException {
    g.writeFieldName(field);
    if (seconds == Math.rint(seconds) && Math.abs(seconds) <= Integer.MAX_VALUE) {
      g.writeNumber((int) seconds);
    } else {
      g.writeNumber(seconds);
    }
  }
}

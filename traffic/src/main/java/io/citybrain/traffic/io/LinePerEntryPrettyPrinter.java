package io.citybrain.traffic.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Compact JSON with line breaks only inside the outermost {@code lineDepth} containers, so that a
 * flow file has one flow per line and a roadnet one intersection or road per line: small files
 * that still diff well. Stateful: use one instance per generator.
 */
final class LinePerEntryPrettyPrinter extends MinimalPrettyPrinter {
  private final int lineDepth;
  private int depth;

  /** @param lineDepth containers nested at most this deep (the root is 1) put entries on lines */
  LinePerEntryPrettyPrinter(int lineDepth) {
    this.lineDepth = lineDepth;
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    opened(g);
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    opened(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    closing(g, entries);
    g.writeRaw('}');
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    closing(g, values);
    g.writeRaw(']');
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    separator(g);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    separator(g);
  }

  private void opened(JsonGenerator g) throws IOException {
    depth++;
    if (depth <= lineDepth) {
      g.writeRaw('\n');
    }
  }

  private void closing(JsonGenerator g, int entries) throws IOException {
    if (depth <= lineDepth && entries > 0) {
      g.writeRaw('\n');
    }
    depth--;
  }

  private void separator(JsonGenerator g) throws IOException {
    g.writeRaw(depth <= lineDepth ? ",\n" : ",");
  }
}

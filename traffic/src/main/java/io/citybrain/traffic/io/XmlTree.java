package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.commons.input.InputLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML document read into a light element tree with the line and column of every element, for
 * the XML formats (SUMO networks, routes and configurations; OpenStreetMap). Parsing is the JDK's
 * StAX parser with DTDs and external entities off (a file cannot make the reader fetch anything).
 * A malformed document is one {@link InputProblem} at {@code line L, column C} with the parser's
 * message. Gzip-compressed bytes (magic {@code 1f 8b}) are decompressed first, as SUMO accepts
 * {@code .xml.gz} files.
 */
public final class XmlTree {
  private XmlTree() {}

  /**
   * One element: its name, attributes in document order, position of its start tag, and child
   * elements (text content is not kept; the formats read here carry everything in attributes).
   *
   * @param name local name
   * @param attributes attribute values by local name
   * @param line line of the start tag, 1-based
   * @param column column just after the start tag, 1-based (StAX's position)
   * @param children child elements in document order
   */
  public record Element(String name, Map<String, String> attributes, int line, int column, List<Element> children) {

    /** The attribute's value, if present. */
    public Optional<String> attribute(String key) {
      return Optional.ofNullable(attributes.get(key));
    }

    /** The attribute's value or {@code fallback}. */
    public String attribute(String key, String fallback) {
      String v = attributes.get(key);
      return v == null ? fallback : v;
    }

    /** Child elements named {@code childName}, in document order. */
    public List<Element> children(String childName) {
      List<Element> out = new ArrayList<>();
      for (Element c : children) {
        if (c.name.equals(childName)) {
          out.add(c);
        }
      }
      return out;
    }

    /** {@code line L, column C}, the location of problems about this element. */
    public InputLocation location() {
      return new InputLocation.TextPosition(line, column);
    }

    /** {@code <name id="...">} for messages: the element and its id when it has one. */
    public String describe() {
      String id = attributes.get("id");
      return "<" + name + (id == null ? "" : " id=\"" + id + "\"") + ">";
    }
  }

  /**
   * Parses a document.
   *
   * @param bytes the file's bytes (gzip or plain)
   * @param fileName the file's name, for problems
   * @return the root element
   * @throws InputValidationException when the bytes are not well-formed XML (location: the
   *     parser's line and column) or not valid gzip
   */
  public static Element parse(byte[] bytes, String fileName) throws InputValidationException {
    try (InputStream in = open(bytes)) {
      return parse(in, fileName);
    } catch (IOException e) {
      throw new InputValidationException(
          InputProblem.inWhole(fileName, "cannot be decompressed: " + e.getMessage() + "; expected gzip or plain XML"));
    }
  }

  private static InputStream open(byte[] bytes) throws IOException {
    InputStream in = new ByteArrayInputStream(bytes);
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in);
    }
    return in;
  }

  /**
   * Parses a document from a stream (already decompressed).
   *
   * @throws InputValidationException when it is not well-formed XML
   */
  public static Element parse(InputStream in, String fileName) throws InputValidationException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(in);
      Deque<Building> stack = new ArrayDeque<>();
      Element root = null;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          Map<String, String> attrs = new LinkedHashMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          Location loc = r.getLocation();
          stack.push(new Building(r.getLocalName(), attrs, loc.getLineNumber(), loc.getColumnNumber()));
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          Building b = stack.pop();
          Element e =
              new Element(b.name, Collections.unmodifiableMap(b.attributes), b.line, b.column, List.copyOf(b.children));
          if (stack.isEmpty()) {
            root = e;
          } else {
            stack.peek().children.add(e);
          }
        }
      }
      if (root == null) {
        throw new InputValidationException(InputProblem.inWhole(fileName, "has no XML element; expected an XML document"));
      }
      return root;
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      String message = "malformed XML: " + parserMessage(e);
      throw new InputValidationException(loc == null || loc.getLineNumber() < 1
          ? InputProblem.inWhole(fileName, message)
          : InputProblem.atLine(fileName, loc.getLineNumber(), Math.max(0, loc.getColumnNumber()), message));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over an in-memory stream releases nothing that matters
        }
      }
    }
  }

  /** The parser's own message without its "ParseError at [row,col]:" prefix (we give the location). */
  private static String parserMessage(XMLStreamException e) {
    String m = e.getMessage() == null ? "not well-formed" : e.getMessage();
    int k = m.indexOf("Message: ");
    return k >= 0 ? m.substring(k + "Message: ".length()).trim() : m.trim();
  }

  private static final class Building {
    final String name;
    final Map<String, String> attributes;
    final int line;
    final int column;
    final List<Element> children = new ArrayList<>();

    Building(String name, Map<String, String> attributes, int line, int column) {
      this.name = name;
      this.attributes = attributes;
      this.line = line;
      this.column = column;
    }
  }
}

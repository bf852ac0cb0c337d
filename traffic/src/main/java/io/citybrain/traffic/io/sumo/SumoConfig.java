package io.citybrain.traffic.io.sumo;

import io.citybrain.traffic.io.InputFiles;
import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.XmlTree;
import io.citybrain.traffic.io.XmlTree.Element;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SUMO configuration ({@code .sumocfg}; SUMO documentation, "Basics/Using the Command Line
 * Applications", configuration files): the network, the route files and the time window. Files
 * are resolved against the configuration's folder, as SUMO does.
 *
 * @param netFile {@code <net-file value>}
 * @param routeFiles {@code <route-files value>}, comma-separated in the file
 * @param beginSeconds {@code <begin value>}, s (default 0)
 * @param endSeconds {@code <end value>}, s, or NaN when the file gives none (SUMO then runs until
 *     every vehicle has arrived)
 */
public record SumoConfig(Path netFile, List<Path> routeFiles, double beginSeconds, double endSeconds) {

  public SumoConfig {
    routeFiles = List.copyOf(routeFiles);
  }

  /**
   * Reads a configuration file.
   *
   * @throws InputValidationException for an unreadable or malformed file, a missing net-file, or
   *     begin/end that are not numbers with end &gt; begin
   */
  public static SumoConfig read(Path file) throws InputValidationException {
    byte[] bytes = InputFiles.read(file, "a SUMO configuration (.sumocfg)");
    Element root = XmlTree.parse(bytes, file.toString());
    Path folder = file.toAbsolutePath().getParent();
    List<InputProblem> problems = new ArrayList<>();
    if (!root.name().equals("configuration") && !root.name().equals("sumoConfiguration")) {
      throw new InputValidationException(
          new InputProblem(file.toString(), root.location(), "root element is <" + root.name() + ">; expected a SUMO <configuration>"));
    }
    Path net = null;
    List<Path> routes = new ArrayList<>();
    double begin = 0;
    double end = Double.NaN;
    for (Element section : root.children()) {
      for (Element e : section.children()) {
        String value = e.attribute("value", e.attribute("v", null));
        if (value == null) {
          continue;
        }
        switch (e.name()) {
          case "net-file" -> net = folder.resolve(value.trim());
          case "route-files" -> {
            for (String r : value.split(",")) {
              if (!r.isBlank()) {
                routes.add(folder.resolve(r.trim()));
              }
            }
          }
          case "begin" -> begin = seconds(file, e, value, problems);
          case "end" -> end = seconds(file, e, value, problems);
          default -> {
            // other options (outputs, processing) do not change the scenario
          }
        }
      }
    }
    if (net == null) {
      problems.add(new InputProblem(file.toString(), root.location(), "names no <net-file value=\"...\">; expected the network of the scenario"));
    }
    if (!Double.isNaN(end) && !(end > begin)) {
      problems.add(new InputProblem(file.toString(), root.location(), "end " + end + " s is not after begin " + begin + " s; expected end > begin"));
    }
    if (!problems.isEmpty()) {
      throw new InputValidationException(problems);
    }
    return new SumoConfig(net, routes, begin, end);
  }

  private static double seconds(Path file, Element e, String value, List<InputProblem> problems) {
    try {
      double d = Double.parseDouble(value.trim());
      if (Double.isFinite(d) && d >= 0) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.add(new InputProblem(file.toString(), e.location(), "<" + e.name() + " value=\"" + value + "\"> is not a time; expected seconds >= 0 (a plain number)"));
    return 0;
  }
}

package io.citybrain.traffic.io;

/**
 * One problem found in an input file: where it is and what was expected.
 *
 * @param file the file's name as the user gave it
 * @param location a JSON path such as {@code flow[12].route[3]} or
 *     {@code intersections[3].trafficLight.lightphases}, or {@code line 12, column 5} for syntax
 *     errors and line-based formats
 * @param message what is wrong and what was expected, naming the object and its id
 */
public record InputProblem(String file, String location, String message) {

  /** {@code file: location: message}, the form printed to users. */
  public String format() {
    return file + ": " + location + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}

package io.citybrain.commons.algorithm;

/**
 * What an algorithm decides or detects. Every provider belongs to one domain; the registry answers
 * typed lookups per domain (signal controllers for the simulator, dispatchers for the grid, ...).
 */
public enum AlgorithmDomain {
  /** Chooses signal phases at intersections (traffic). */
  SIGNAL_CONTROL("traffic-signal-control", "controller"),
  /** Sets generator outputs to meet the loads of a power network (grid). */
  GRID_DISPATCH("grid-dispatch", "dispatcher"),
  /** Flags unusual values in a stream of observations or readings (live). */
  ANOMALY_DETECTION("anomaly-detection", "anomaly detector"),
  /** Detects traffic incidents (crashes, blockages) from detector data (live). */
  INCIDENT_DETECTION("incident-detection", "incident detector");

  private final String id;
  private final String noun;

  AlgorithmDomain(String id, String noun) {
    this.id = id;
    this.noun = noun;
  }

  /** The domain's stable identifier in JSON, the API and digests, e.g. {@code traffic-signal-control}. */
  public String id() {
    return id;
  }

  /** What one algorithm of the domain is called in messages, e.g. {@code controller}. */
  public String noun() {
    return noun;
  }

  /**
   * The domain with identifier {@code id}.
   *
   * @throws IllegalArgumentException naming the known identifiers
   */
  public static AlgorithmDomain ofId(String id) {
    for (AlgorithmDomain d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    StringBuilder known = new StringBuilder();
    for (AlgorithmDomain d : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(d.id);
    }
    throw new IllegalArgumentException("unknown algorithm domain '" + id + "'; known: " + known);
  }
}

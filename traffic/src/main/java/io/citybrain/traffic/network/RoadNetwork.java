package io.citybrain.traffic.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable road network: intersections and the directed roads between them. Built by a
 * reader (CityFlow JSON, CBEngine text) after validation; the simulator compiles its own mutable
 * state from it and never changes it.
 */
public final class RoadNetwork {
  private final List<Intersection> intersections;
  private final List<Road> roads;
  private final Map<String, Intersection> intersectionsById;
  private final Map<String, Road> roadsById;
  private final GeoReference geoReference;

  /**
   * @param intersections intersections in file order; ids unique
   * @param roads roads in file order; ids unique, endpoints among {@code intersections}
   * @throws IllegalArgumentException on duplicate ids or unknown endpoints (readers report these
   *     with file positions before they get here)
   */
  public RoadNetwork(List<Intersection> intersections, List<Road> roads) {
    this(intersections, roads, null);
  }

  /**
   * A network with real coordinates.
   *
   * @param intersections intersections in file order; ids unique
   * @param roads roads in file order; ids unique, endpoints among {@code intersections}
   * @param geoReference how the plane maps to longitude and latitude, or {@code null} when the
   *     network has no geographic position
   * @throws IllegalArgumentException on duplicate ids or unknown endpoints
   */
  public RoadNetwork(List<Intersection> intersections, List<Road> roads, GeoReference geoReference) {
    this.geoReference = geoReference;
    this.intersections = List.copyOf(intersections);
    this.roads = List.copyOf(roads);
    Map<String, Intersection> byId = new LinkedHashMap<>();
    for (Intersection i : this.intersections) {
      if (byId.put(i.id(), i) != null) {
        throw new IllegalArgumentException("duplicate intersection id '" + i.id() + "'");
      }
    }
    Map<String, Road> roadById = new LinkedHashMap<>();
    for (Road r : this.roads) {
      if (roadById.put(r.id(), r) != null) {
        throw new IllegalArgumentException("duplicate road id '" + r.id() + "'");
      }
      if (!byId.containsKey(r.startIntersectionId()) || !byId.containsKey(r.endIntersectionId())) {
        throw new IllegalArgumentException("road '" + r.id() + "' references an unknown intersection");
      }
    }
    this.intersectionsById = Collections.unmodifiableMap(byId);
    this.roadsById = Collections.unmodifiableMap(roadById);
  }

  /** How the network's plane maps to longitude and latitude, when it has real coordinates. */
  public Optional<GeoReference> geoReference() {
    return Optional.ofNullable(geoReference);
  }

  public List<Intersection> intersections() {
    return intersections;
  }

  public List<Road> roads() {
    return roads;
  }

  public Optional<Intersection> intersection(String id) {
    return Optional.ofNullable(intersectionsById.get(id));
  }

  public Optional<Road> road(String id) {
    return Optional.ofNullable(roadsById.get(id));
  }

  /** Number of signalised intersections (those a signal controller acts on). */
  public long signalizedIntersectionCount() {
    return intersections.stream().filter(Intersection::signalized).count();
  }

  /** Total number of lanes over all roads. */
  public int laneCount() {
    return roads.stream().mapToInt(r -> r.lanes().size()).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoadNetwork other
        && intersections.equals(other.intersections)
        && roads.equals(other.roads)
        && java.util.Objects.equals(geoReference, other.geoReference);
  }

  @Override
  public int hashCode() {
    return 31 * intersections.hashCode() + roads.hashCode();
  }
}

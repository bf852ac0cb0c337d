package io.citybrain.traffic.demand;

/**
 * Thrown by {@link Router#completeRoute(java.util.List)} when one anchor road of a route cannot be
 * reached from the one before it through the network's road links.
 */
public final class RouteNotFoundException extends RuntimeException {
  private final int anchorIndex;
  private final String fromRoadId;
  private final String toRoadId;

  /**
   * @param anchorIndex index, in the anchor list, of the road that cannot be reached (&ge; 1)
   * @param fromRoadId the previous anchor road
   * @param toRoadId the unreachable anchor road
   */
  public RouteNotFoundException(int anchorIndex, String fromRoadId, String toRoadId) {
    super(
        "no path from road '" + fromRoadId + "' (anchor " + (anchorIndex - 1) + ") to road '" + toRoadId
            + "' (anchor " + anchorIndex + "): no chain of road links leads from the first to the second");
    this.anchorIndex = anchorIndex;
    this.fromRoadId = fromRoadId;
    this.toRoadId = toRoadId;
  }

  /** Index, in the anchor list, of the road that cannot be reached. */
  public int anchorIndex() {
    return anchorIndex;
  }

  /** The anchor road the path should start from. */
  public String fromRoadId() {
    return fromRoadId;
  }

  /** The anchor road that cannot be reached. */
  public String toRoadId() {
    return toRoadId;
  }
}

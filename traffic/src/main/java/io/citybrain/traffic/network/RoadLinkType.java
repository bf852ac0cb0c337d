package io.citybrain.traffic.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * The movement a road link makes through an intersection. The order of {@link #priority()} is the
 * right-of-way rule at conflict points used by CityFlow (straight over left over right).
 */
public enum RoadLinkType {
  GO_STRAIGHT("go_straight", 3),
  TURN_LEFT("turn_left", 2),
  TURN_RIGHT("turn_right", 1);

  private final String cityFlowName;
  private final int priority;

  RoadLinkType(String cityFlowName, int priority) {
    this.cityFlowName = cityFlowName;
    this.priority = priority;
  }

  /** The name used in CityFlow roadnet files ({@code go_straight}, {@code turn_left}, {@code turn_right}). */
  public String cityFlowName() {
    return cityFlowName;
  }

  /** Right-of-way rank at a conflict point: higher passes first (straight 3, left 2, right 1). */
  public int priority() {
    return priority;
  }

  /** True for left and right turns (vehicles approach them at the turn speed). */
  public boolean isTurn() {
    return this != GO_STRAIGHT;
  }

  /** Looks a type up by its CityFlow name; empty when the name is unknown. */
  public static Optional<RoadLinkType> fromCityFlowName(String name) {
    return Arrays.stream(values()).filter(t -> t.cityFlowName.equals(name)).findFirst();
  }
}

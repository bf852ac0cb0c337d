package io.citybrain.platform.gov;

/**
 * The five algorithm types of China's algorithm filing (Algorithmic Recommendation Provisions,
 * art. 2): signal control and grid dispatch are scheduling / decision-making.
 */
public enum AlgorithmType {
  GENERATION_SYNTHESIS,
  PERSONALISED_PUSH,
  SORTING_SELECTION,
  SEARCH_FILTERING,
  SCHEDULING_DECISION;

  /** {@code scheduling-decision}, ... */
  public String label() {
    return Labelled.label(this);
  }
}

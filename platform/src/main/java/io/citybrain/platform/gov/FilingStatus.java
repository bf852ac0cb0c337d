package io.citybrain.platform.gov;

/** A filing is active (in force), changed (superseded by a change filing) or cancelled. */
public enum FilingStatus {
  ACTIVE,
  CHANGED,
  CANCELLED;

  /** {@code active}, ... */
  public String label() {
    return Labelled.label(this);
  }
}

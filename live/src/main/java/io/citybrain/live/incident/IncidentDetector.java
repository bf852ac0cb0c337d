package io.citybrain.live.incident;

/**
 * A streaming incident detector for one detector section (the stretch of one lane between an
 * upstream and a downstream loop): plain Java with explicit state, fed one interval at a time, in
 * time order, once; it answers at once, seeing nothing of the future.
 */
public interface IncidentDetector {

  /**
   * Takes the next interval.
   *
   * @return true while the detector declares an incident in the section (from the interval that
   *     raises the alarm until the one that clears it)
   */
  boolean update(SectionInterval interval);
}

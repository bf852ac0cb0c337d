package io.citybrain.traffic.io.sumo;

import java.util.List;

/**
 * A SUMO traffic-light program ({@code <tlLogic>}) as the file gives it: one state character per
 * controlled link ({@code linkIndex} of the connections) in each phase. Kept beside the network
 * so that the plain-XML writer can give SUMO back its own program and min/max durations.
 *
 * @param id the tlLogic id (the {@code tl} of its connections)
 * @param programId SUMO's {@code programID}
 * @param type {@code static}, {@code actuated}, {@code delay_based} …
 * @param offsetSeconds the program's {@code offset}, s
 * @param phases the phases in order
 */
public record SignalProgram(String id, String programId, String type, double offsetSeconds, List<SignalPhase> phases) {

  public SignalProgram {
    phases = List.copyOf(phases);
  }

  /** Cycle length: the sum of the phase durations, s. */
  public double cycleSeconds() {
    return phases.stream().mapToDouble(SignalPhase::durationSeconds).sum();
  }

  /**
   * One phase.
   *
   * @param durationSeconds duration, s, &gt; 0
   * @param minDurationSeconds SUMO's {@code minDur} (actuated programs), s, or NaN
   * @param maxDurationSeconds SUMO's {@code maxDur}, s, or NaN
   * @param state one character per link: {@code G} priority green, {@code g} green that yields,
   *     {@code s} green after stopping (right on red), {@code y} yellow, {@code r} red, {@code u}
   *     red-yellow, {@code o}/{@code O} off
   * @param name SUMO's optional phase name, or ""
   */
  public record SignalPhase(
      double durationSeconds, double minDurationSeconds, double maxDurationSeconds, String state, String name) {

    /** True when link {@code linkIndex} may drive in this phase (G, g, s, o, O). */
    public boolean green(int linkIndex) {
      return isGreen(state.charAt(linkIndex));
    }

    /** True when the phase shows yellow on some link (a transition phase). */
    public boolean yellow() {
      return state.indexOf('y') >= 0 || state.indexOf('Y') >= 0;
    }

    /** True for the state characters that let vehicles drive. */
    public static boolean isGreen(char c) {
      return c == 'G' || c == 'g' || c == 's' || c == 'o' || c == 'O';
    }
  }
}

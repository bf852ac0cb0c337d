package io.citybrain.traffic.control;

import java.util.List;

/**
 * The static layout of one signalised intersection: what a signal controller knows about the
 * junction it runs (movements, phases, detector lanes). Built once per run.
 *
 * @param index index of the intersection in the network (stable within a run)
 * @param id intersection id
 * @param movements road links, by index
 * @param phases all phases, by index
 * @param yellowPhase the phase shown between two different greens (the first transition phase;
 *     phase 0 in the CityFlow research datasets), or -1 when there is none
 * @param greenPhases indices of the phases a controller may choose (not transitions), ascending
 * @param incomingLanes lanes that feed this intersection's movements, ascending
 * @param outgoingLanes lanes that its movements feed, ascending
 */
public record IntersectionLayout(
    int index,
    String id,
    List<Movement> movements,
    List<PhaseLayout> phases,
    int yellowPhase,
    List<Integer> greenPhases,
    List<Integer> incomingLanes,
    List<Integer> outgoingLanes) {

  public IntersectionLayout {
    movements = List.copyOf(movements);
    phases = List.copyOf(phases);
    greenPhases = List.copyOf(greenPhases);
    incomingLanes = List.copyOf(incomingLanes);
    outgoingLanes = List.copyOf(outgoingLanes);
  }
}

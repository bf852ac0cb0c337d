package io.citybrain.traffic.sim;

import io.citybrain.traffic.control.IntersectionLayout;
import io.citybrain.traffic.control.LaneLinkLayout;
import io.citybrain.traffic.control.Movement;
import io.citybrain.traffic.control.PhaseLayout;
import io.citybrain.traffic.network.Intersection;
import io.citybrain.traffic.network.Phase;
import io.citybrain.traffic.network.RoadLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the controller's view ({@link IntersectionLayout}) of every signalised intersection.
 *
 * <p>Transition (yellow/all-red) phases are recognised by content, not by position: a phase is a
 * transition when its green road links are a subset of every other phase's (in the research
 * datasets phase 0, right turns only, which are green in every phase). If every phase would be a
 * transition (all identical), none is. The first transition phase is the yellow the engine shows
 * between two different greens. A phase the file declares yellow ({@link Phase#yellow()}, SUMO
 * programs) is a transition too, unless every phase is declared so.
 */
public final class IntersectionLayouts {
  private IntersectionLayouts() {}

  /** Layouts of the signalised intersections of {@code net}, in network order. */
  public static List<IntersectionLayout> of(SimNetwork net) {
    return of(net, List.of());
  }

  /**
   * Layouts whose choosable phases are limited to {@code phasesUsed} (a protocol's phase set).
   *
   * @param phasesUsed roadnet phase indices controllers may choose; empty: every green phase
   * @throws IllegalArgumentException naming the intersection when one of {@code phasesUsed} is
   *     not one of its phases or is its yellow/all-red phase
   */
  public static List<IntersectionLayout> of(SimNetwork net, List<Integer> phasesUsed) {
    List<IntersectionLayout> out = new ArrayList<>();
    List<Intersection> inters = net.network().intersections();
    for (int i = 0; i < inters.size(); i++) {
      Intersection in = inters.get(i);
      if (!in.signalized()) {
        continue;
      }
      List<Movement> movements = new ArrayList<>();
      Set<Integer> incoming = new TreeSet<>();
      Set<Integer> outgoing = new TreeSet<>();
      int g = net.intersectionFirstRoadLink[i];
      for (int local = 0; local < in.roadLinks().size(); local++) {
        RoadLink rl = in.roadLinks().get(local);
        List<LaneLinkLayout> lls = new ArrayList<>();
        for (int d : net.roadLinkLaneLinks[g + local]) {
          int li = d - net.laneCount;
          lls.add(new LaneLinkLayout(net.linkStartLane[li], net.linkEndLane[li]));
          incoming.add(net.linkStartLane[li]);
          outgoing.add(net.linkEndLane[li]);
        }
        movements.add(new Movement(local, rl.type(), rl.startRoadId(), rl.endRoadId(), lls));
      }
      List<Phase> phases = in.phases();
      boolean[] transition = new boolean[phases.size()];
      int transitions = 0;
      for (int p = 0; p < phases.size(); p++) {
        Set<Integer> mine = new HashSet<>(phases.get(p).availableRoadLinks());
        boolean subset = true;
        for (int q = 0; q < phases.size() && subset; q++) {
          if (q != p && !phases.get(q).availableRoadLinks().containsAll(mine)) {
            subset = false;
          }
        }
        transition[p] = subset && phases.size() > 1;
        transitions += transition[p] ? 1 : 0;
      }
      if (transitions == phases.size()) {
        transition = new boolean[phases.size()];
      }
      // a phase the file declares yellow (SUMO's 'y') is a transition whatever its content
      int declaredGreens = 0;
      for (Phase ph : phases) {
        declaredGreens += ph.yellow() ? 0 : 1;
      }
      for (int p = 0; p < phases.size() && declaredGreens > 0; p++) {
        transition[p] |= phases.get(p).yellow();
      }
      for (int p : phasesUsed) {
        if (p >= phases.size() || transition[p]) {
          throw new IllegalArgumentException(
              "intersection '"
                  + in.id()
                  + "' has "
                  + (p >= phases.size() ? "no phase " + p + " (its phases are 0.." + (phases.size() - 1) + ")"
                      : "phase " + p + " as its yellow/all-red")
                  + "; expected the green phases " + phasesUsed + " the protocol uses");
        }
      }
      List<PhaseLayout> phaseLayouts = new ArrayList<>();
      List<Integer> greens = new ArrayList<>();
      int yellow = -1;
      for (int p = 0; p < phases.size(); p++) {
        phaseLayouts.add(
            new PhaseLayout(
                p, phases.get(p).timeSeconds(), phases.get(p).availableRoadLinks(), transition[p]));
        if (transition[p]) {
          if (yellow < 0) {
            yellow = p;
          }
        } else if (phasesUsed.isEmpty() || phasesUsed.contains(p)) {
          greens.add(p);
        }
      }
      out.add(
          new IntersectionLayout(
              i,
              in.id(),
              movements,
              phaseLayouts,
              yellow,
              greens,
              new ArrayList<>(incoming),
              new ArrayList<>(outgoing)));
    }
    return out;
  }
}

package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * The roadnet's own plan: every phase, including yellow ones, in index order for its own {@code
 * time}, starting with phase 0 at time 0 and wrapping around; phases with a time of 0 are
 * skipped. This is CityFlow's built-in signal timing ({@code rlTrafficLight = false}; CityFlow
 * trafficlight.cpp), the protocol's "builtin" baseline.
 */
public final class RoadnetPlan implements SignalControllerProvider {

  @Override
  public String name() {
    return "roadnet-plan";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "each phase for its own time from the roadnet, in order (CityFlow's built-in timing)";
  }

  @Override
  public String source() {
    return "CityFlow's built-in signal timing (Zhang et al., CityFlow, WWW 2019; trafficlight.cpp)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of();
  }

  @Override
  public SignalTiming timing(ParameterValues p) {
    // the plan holds every phase itself; the engine adds no yellow and no minimum
    return new SignalTiming(0, 0, 1);
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    return (intersection, observation) -> {
      List<PhaseLayout> phases = intersection.phases();
      int current = observation.currentPhase(intersection.index());
      int next = observation.timeSeconds() == 0 ? 0 : (current + 1) % phases.size();
      for (int k = 0; k < phases.size() && phases.get(next).timeSeconds() <= 0; k++) {
        next = (next + 1) % phases.size();
      }
      return new PhaseDecision(next, phases.get(next).timeSeconds());
    };
  }
}
